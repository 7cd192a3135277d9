/// Wrapping of code-block rows wider than the column.
///
/// A formula such as `h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)` is
/// never cut inside a token: a row breaks after a space or after `,` `;`
/// where one fits, and its continuation rows are indented four columns more
/// than the block, so they read as the same line. Only a token longer than
/// a whole row is split where it must be.
enum CodeWrap {
    /// `text` (one row of a code block, `indent` included) as rows at most
    /// `width` columns wide; continuation rows start with `indent` and four spaces
    /// (fewer when the column is narrow).
    static func wrap(_ text: String, indent: String, width: Int) -> [String] {
        let width = max(1, width)
        if DisplayWidth.of(text) <= width { return [text] }
        let extra = width >= 24 ? 4 : width >= 12 ? 2 : 0
        let continuation = indent + String(repeating: " ", count: extra)
        let prefixWidth = DisplayWidth.of(continuation)
        var rows: [String] = []
        var rest = Array(text)
        var prefix = ""
        var available = width
        while !rest.isEmpty {
            // The most characters that fit after the prefix.
            var fit = 0
            var used = 0
            while fit < rest.count {
                let w = DisplayWidth.of(rest[fit])
                if used + w > available { break }
                used += w
                fit += 1
            }
            // At least one character per row, even one wider than the room left.
            fit = max(1, fit)
            if fit >= rest.count {
                rows.append(prefix + String(rest))
                break
            }
            // The last break that leaves some code on this row: after a space, `,` or `;`.
            let lead = rows.isEmpty ? rest.prefix { $0 == " " }.count : 0
            var cut = fit
            var k = fit
            while k > lead {
                if rest[k] == " " || rest[k - 1] == " " || rest[k - 1] == "," || rest[k - 1] == ";" { cut = k; break }
                k -= 1
            }
            if k <= lead { cut = fit }
            var row = String(rest[0..<cut])
            while row.last == " " && row.count > 1 { row.removeLast() }
            rows.append(prefix + row)
            rest.removeFirst(cut)
            while rest.first == " " { rest.removeFirst() }
            prefix = continuation
            available = max(1, width - prefixWidth)
        }
        return rows
    }
}
