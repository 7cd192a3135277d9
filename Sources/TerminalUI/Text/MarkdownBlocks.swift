/// The block structure of the Markdown subset lessons are written in.
indirect enum MarkdownBlock: Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    /// A list item: nesting depth, marker as written ("-" or "3."), text.
    case listItem(depth: Int, marker: String, text: String)
    case quote([MarkdownBlock])
    /// Lines shown as written: fenced or indented code, or a pipe table.
    case verbatim([String], isCode: Bool)
    case rule
}

enum MarkdownParser {
    /// Splits `source` into blocks.
    static func parse(_ source: String) -> [MarkdownBlock] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.last == "\r" ? line.dropLast() : line
        }
        return parse(lines[...])
    }

    static func leadingSpaces(_ s: Substring) -> Int {
        var n = 0
        for c in s { if c == " " { n += 1 } else if c == "\t" { n += 4 } else { break } }
        return n
    }

    static func trimmed(_ s: Substring) -> Substring {
        var t = s
        while let f = t.first, f == " " || f == "\t" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" { t = t.dropLast() }
        return t
    }

    static func heading(_ t: Substring) -> (Int, String)? {
        let hashes = t.prefix { $0 == "#" }.count
        guard hashes >= 1, hashes <= 6 else { return nil }
        let rest = t.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = trimmed(rest)
        while text.last == "#" { text = text.dropLast() }
        return (hashes, String(trimmed(text)))
    }

    static func isRule(_ t: Substring) -> Bool {
        let chars = t.filter { $0 != " " }
        guard chars.count >= 3, let f = chars.first, f == "-" || f == "*" || f == "_" else { return false }
        return chars.allSatisfy { $0 == f }
    }

    /// (marker, text) when `t` (already left-trimmed) starts a list item.
    static func listItem(_ t: Substring) -> (String, Substring)? {
        if let f = t.first, f == "-" || f == "*" || f == "+" {
            let rest = t.dropFirst()
            if rest.isEmpty || rest.first == " " { return (String(f), trimmed(rest)) }
            return nil
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = t.dropFirst(digits.count)
        guard let p = rest.first, p == "." || p == ")" else { return nil }
        let after = rest.dropFirst()
        guard after.isEmpty || after.first == " " else { return nil }
        return (String(digits) + String(p), trimmed(after))
    }

    static func isFence(_ t: Substring) -> Bool { t.hasPrefix("```") || t.hasPrefix("~~~") }

    /// Whether a line would start a block other than a paragraph.
    static func startsBlock(_ line: Substring) -> Bool {
        let t = trimmed(line)
        return isFence(t) || heading(t) != nil || t.hasPrefix(">") || listItem(t) != nil || isRule(t) || t.hasPrefix("|")
    }

    static func parse(_ lines: ArraySlice<Substring>) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            let t = trimmed(line)
            if t.isEmpty { i += 1; continue }
            if isFence(t) {
                let fence = t.prefix(3)
                var body: [String] = []
                i += 1
                while i < lines.endIndex && !trimmed(lines[i]).hasPrefix(fence) { body.append(String(lines[i])); i += 1 }
                i += 1
                blocks.append(.verbatim(body, isCode: true))
            } else if leadingSpaces(line) >= 4 && listItem(t) == nil {
                var body: [String] = []
                while i < lines.endIndex && (leadingSpaces(lines[i]) >= 4 || trimmed(lines[i]).isEmpty) {
                    body.append(String(lines[i].dropFirst(min(4, lines[i].prefix { $0 == " " }.count))))
                    i += 1
                }
                while body.last?.allSatisfy({ $0 == " " }) == true { body.removeLast() }
                blocks.append(.verbatim(body, isCode: true))
            } else if let (level, text) = heading(t) {
                blocks.append(.heading(level: level, text: text)); i += 1
            } else if isRule(t) {
                blocks.append(.rule); i += 1
            } else if t.hasPrefix(">") {
                var inner: [Substring] = []
                while i < lines.endIndex, case let q = trimmed(lines[i]), q.hasPrefix(">") {
                    var rest = q.dropFirst()
                    if rest.first == " " { rest = rest.dropFirst() }
                    inner.append(rest)
                    i += 1
                }
                blocks.append(.quote(parse(inner[...])))
            } else if t.hasPrefix("|") {
                var rows: [String] = []
                while i < lines.endIndex, trimmed(lines[i]).hasPrefix("|") { rows.append(String(trimmed(lines[i]))); i += 1 }
                blocks.append(.verbatim(rows, isCode: false))
            } else if let (marker, first) = listItem(t) {
                let depth = leadingSpaces(line) / 2
                var text = String(first)
                i += 1
                while i < lines.endIndex, !trimmed(lines[i]).isEmpty, !startsBlock(lines[i]) {
                    text = joinSoftBreak(text, trimmed(lines[i])); i += 1
                }
                blocks.append(.listItem(depth: depth, marker: marker, text: text))
            } else {
                var text = String(t)
                i += 1
                while i < lines.endIndex, !trimmed(lines[i]).isEmpty, !startsBlock(lines[i]) {
                    text = joinSoftBreak(text, trimmed(lines[i])); i += 1
                }
                blocks.append(.paragraph(text))
            }
        }
        return blocks
    }

    /// Two lines of one paragraph joined where the source broke the line: with a
    /// space, except between two CJK characters (not Hangul), where Chinese and
    /// Japanese put none, so a hard-wrapped Chinese paragraph reads as written.
    static func joinSoftBreak(_ text: String, _ next: Substring) -> String {
        guard let last = text.last, let first = next.first,
              CJKText.isCJK(last), CJKText.isCJK(first), !isHangul(last), !isHangul(first) else { return text + " " + next }
        return text + next
    }

    private static func isHangul(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xAC00...0xD7FF).contains(v) || (0x3130...0x318F).contains(v)
    }
}
