import TerminalUI

extension String {
    /// The text followed by spaces up to `columns` display columns, and at
    /// least `minimumGap` of them: columns of a panel's table line up even
    /// when a cell holds wide (CJK) characters, which take two columns each.
    func padded(toColumns columns: Int, minimumGap: Int = 0) -> String {
        self + String(repeating: " ", count: Swift.max(minimumGap, columns - displayWidth))
    }
}
