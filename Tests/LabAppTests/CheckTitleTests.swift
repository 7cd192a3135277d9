import Foundation
import LabText
@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// Issue 19: a check's title is its claim, and most are longer than the Checks
/// panel is wide at 80 and 100 columns, so the list cuts them ("At T = 100 the
/// LSTM solves…"). The selected check's whole title is then written, wrapped,
/// under the list. For every check of every shipped lesson, at both sizes and
/// in both languages, its whole title is on screen when it is selected.
@Suite struct CheckTitleTests {
    @Test(arguments: [(80, 24), (100, 30)], [false, true])
    func theSelectedChecksWholeTitleIsOnScreen(size: (Int, Int), chinese: Bool) throws {
        var checked = 0, cut = 0
        for index in 0..<16 {
            var state = try NarrowTitlesTests.shippedState(index, width: size.0, height: size.1, chinese: chinese)
            while state.lesson!.focus != .checks { send(&state, keys(.tab)) }
            for (i, check) in state.lesson!.lesson.checks.enumerated() {
                if i > 0 { send(&state, keys(.down)) }
                let panel = checksPanelText(state)
                #expect(squeezed(panel).contains(squeezed(check.title)),
                        "lesson \(index + 1) check \(check.id) at \(size) (zh \(chinese)): \(check.title)\n\(panel)")
                if !listRows(state).contains(where: { squeezed($0).contains(squeezed(check.title)) }) { cut += 1 }
                checked += 1
            }
        }
        #expect(checked >= 50)
        #expect(cut >= 10, "the list cuts long titles, so the detail lines are what is tested")
    }

    /// The text inside the focused (heavy-bordered) Checks panel, row by row.
    private func checksPanelText(_ state: AppState) -> String {
        rows(state).compactMap { row -> String? in
            let cells = Array(row)
            guard let open = cells.firstIndex(of: "┃"), let close = cells[(open + 1)...].firstIndex(of: "┃") else { return nil }
            return String(cells[(open + 1)..<close])
        }.joined(separator: "\n")
    }

    /// The panel's rows that hold a list entry (a mark, then the title).
    private func listRows(_ state: AppState) -> [String] {
        checksPanelText(state).split(separator: "\n").map(String.init).filter {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return t.hasPrefix("✓") || t.hasPrefix("○") || t.hasPrefix("·") || t.hasPrefix("✗")
        }
    }

    private func rows(_ state: AppState) -> [String] {
        let buffer = frame(state)
        return (0..<state.height).map { y in String((0..<state.width).map { buffer[$0, y].symbol }) }
    }

    /// Without whitespace: English wraps at spaces, Chinese between characters.
    private func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
}
