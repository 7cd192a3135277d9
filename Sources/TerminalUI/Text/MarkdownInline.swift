/// Inline Markdown: `**bold**`, `*italic*` or `_italic_`, `` `code` `` and
/// backslash escapes.
///
/// Emphasis only opens after a non-alphanumeric character and before a
/// non-space, and only closes after a non-space and before a
/// non-alphanumeric character, for `*` as well as `_`. So formulas written in
/// plain text such as `h_t = tanh(U x_t + W h_{t-1} + b)` or `a * b` or
/// `2*x*y` stay exactly as written.
///
/// Chinese, Japanese and Korean text has no spaces between words, so an
/// ideograph, kana, Hangul syllable or CJK punctuation mark counts as a word
/// boundary, not as a letter (as CommonMark's flanking rules treat
/// punctuation): "这就是**遗忘门**的作用" shows 遗忘门 in bold, while `a**b**c`
/// and `snake_case` stay literal.
enum MarkdownInline {
    static func parse(_ text: String, style: Style, theme: MarkdownTheme) -> [Fragment] {
        let chars = Array(text)
        var out: [Fragment] = []
        parse(chars, chars.startIndex, chars.endIndex, style: style, theme: theme, into: &out)
        return out
    }

    /// Whether `c` is part of a word that emphasis may not open or close
    /// inside: a letter or digit that is not CJK (see ``CJKText/isCJK(_:)``).
    static func isAlnum(_ c: Character?) -> Bool {
        guard let c, c.isLetter || c.isNumber else { return false }
        return !CJKText.isCJK(c)
    }
    static func isSpace(_ c: Character?) -> Bool { c.map { $0 == " " || $0 == "\t" } ?? true }

    static func runLength(_ c: [Character], _ i: Int, _ hi: Int) -> Int {
        var n = 0
        while i + n < hi && c[i + n] == c[i] { n += 1 }
        return n
    }

    static func parse(_ c: [Character], _ lo: Int, _ hi: Int, style: Style, theme: MarkdownTheme, into out: inout [Fragment]) {
        var plain = ""
        func flush() {
            if !plain.isEmpty { out.append(Fragment(text: plain, style: style, breakable: true)); plain = "" }
        }
        var i = lo
        while i < hi {
            let ch = c[i]
            if ch == "\\", i + 1 < hi, c[i + 1].isASCII, c[i + 1].isPunctuation || c[i + 1].isSymbol {
                plain.append(c[i + 1]); i += 2; continue
            }
            if ch == "`" {
                let n = runLength(c, i, hi)
                var j = i + n
                var close = -1
                while j < hi {
                    if c[j] == "`" {
                        let m = runLength(c, j, hi)
                        if m == n { close = j; break }
                        j += m
                    } else { j += 1 }
                }
                if close >= 0 {
                    flush()
                    var body = String(c[(i + n)..<close])
                    if body.count >= 2 && body.first == " " && body.last == " " { body = String(body.dropFirst().dropLast()) }
                    out.append(Fragment(text: body, style: style.patched(with: theme.inlineCode), breakable: false))
                    i = close + n
                } else {
                    plain += String(repeating: "`", count: n); i += n
                }
                continue
            }
            if ch == "*" || ch == "_" {
                let n = runLength(c, i, hi)
                let before: Character? = i > 0 ? c[i - 1] : nil
                let after: Character? = i + n < hi ? c[i + n] : nil
                if !isAlnum(before) && !isSpace(after) {
                    var matched = false
                    for d in stride(from: min(n, 3), through: 1, by: -1) {
                        guard let close = closer(c, char: ch, count: d, from: i + d, hi) else { continue }
                        flush()
                        var inner = style
                        if d >= 2 { inner = inner.patched(with: theme.bold) }
                        if d != 2 { inner = inner.patched(with: theme.italic) }
                        parse(c, i + d, close, style: inner, theme: theme, into: &out)
                        i = close + d
                        matched = true
                        break
                    }
                    if matched { continue }
                }
                plain += String(repeating: String(ch), count: n); i += n
                continue
            }
            plain.append(ch); i += 1
        }
        flush()
    }

    /// Start of a closing run of `count` × `char` after `from`, if any.
    static func closer(_ c: [Character], char: Character, count: Int, from: Int, _ hi: Int) -> Int? {
        var k = from + 1  // at least one character of content
        while k < hi {
            if c[k] == "`" {  // skip code spans
                let n = runLength(c, k, hi)
                var j = k + n
                while j < hi && !(c[j] == "`" && runLength(c, j, hi) == n) { j += 1 }
                k = j < hi ? j + n : k + n
                continue
            }
            if c[k] == char {
                let n = runLength(c, k, hi)
                let after: Character? = k + n < hi ? c[k + n] : nil
                if n >= count && !isSpace(c[k - 1]) && !isAlnum(after) { return k + n - count }
                k += n
                continue
            }
            k += 1
        }
        return nil
    }
}
