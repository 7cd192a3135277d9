/// A run of text in one style; `breakable` says whether lines may break at
/// its spaces (inline code may not).
struct Fragment {
    var text: String
    var style: Style
    var breakable: Bool
}

/// Word wrapping by display width.
///
/// Lines break at spaces and on either side of a wide (CJK) character, so
/// Chinese or Japanese text without spaces wraps too. A word longer than the
/// line is split wherever it must be. Runs of spaces become one space.
public enum TextWrap {
    /// Wraps `spans` into lines at most `width` columns wide. `firstPrefix`
    /// starts the first line and `restPrefix` every other (list bullets,
    /// quote bars, hanging indents); they are dropped when they leave no room.
    public static func wrap(_ spans: [Span], width: Int, firstPrefix: [Span] = [], restPrefix: [Span] = []) -> [StyledLine] {
        wrap(fragments: spans.map { Fragment(text: $0.text, style: $0.style, breakable: true) },
             width: width, firstPrefix: firstPrefix, restPrefix: restPrefix)
    }

    /// A word: glued pieces that must stay on one line if they can.
    struct Word {
        var spans: [Span] = []
        var width = 0
        mutating func append(_ c: Character, _ style: Style, _ w: Int) {
            if let last = spans.indices.last, spans[last].style == style {
                spans[last].text.append(c)
            } else {
                spans.append(Span(String(c), style: style))
            }
            width += w
        }
    }

    enum Token {
        case word(Word)
        /// A break opportunity shown as a space in the given style.
        case space(Style)
        /// A break opportunity that shows nothing (between CJK characters).
        case breakHere
    }

    static func tokens(_ fragments: [Fragment]) -> [Token] {
        var out: [Token] = []
        var word = Word()
        func flush() {
            if word.width > 0 { out.append(.word(word)) }
            word = Word()
        }
        for f in fragments {
            for c in f.text {
                let isSpace = c == " " || c == "\t" || c == "\n"
                if f.breakable && isSpace {
                    flush()
                    if case .space = out.last {} else { out.append(.space(f.style)) }
                    continue
                }
                let w = DisplayWidth.of(isSpace ? " " : c)
                if w == 0 {
                    if !word.spans.isEmpty { word.spans[word.spans.count - 1].text.append(c) }
                    continue
                }
                if f.breakable && w == 2 && noBreakBefore(c) {
                    // Closing punctuation stays on the line of the text before it.
                    if word.width > 0 {
                        word.append(c, f.style, w)
                        flush()
                        out.append(.breakHere)
                        continue
                    }
                    var k = out.count - 1
                    if k >= 0, case .breakHere = out[k] { k -= 1 }
                    if k >= 0, case .word(var last) = out[k] {
                        last.append(c, f.style, w)
                        out[k] = .word(last)
                        out.removeSubrange((k + 1)...)
                        out.append(.breakHere)
                        continue
                    }
                }
                if f.breakable && w == 2 {
                    flush()
                    out.append(.breakHere)
                    word.append(c, f.style, w)
                    flush()
                    out.append(.breakHere)
                    continue
                }
                word.append(isSpace ? " " : c, f.style, w)
            }
        }
        flush()
        return out
    }

    /// Wide punctuation that must not start a line (。，、；：！？ and closing brackets).
    static func noBreakBefore(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        switch v {
        case 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B,
            0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D:
            return true
        default:
            return false
        }
    }

    /// Collects the lines being filled.
    struct LineBuilder {
        let width: Int
        let restPrefix: [Span]
        let restWidth: Int
        var lines: [StyledLine] = []
        var current: StyledLine
        var used: Int
        var hasContent = false
        var pendingSpace = false
        var spaceStyle = Style.plain

        mutating func newLine() {
            lines.append(current)
            current = StyledLine(restPrefix)
            used = restWidth
            hasContent = false
            pendingSpace = false
        }

        mutating func append(_ span: Span, _ w: Int) {
            if let last = current.spans.indices.last, current.spans[last].style == span.style {
                current.spans[last].text += span.text
            } else {
                current.spans.append(span)
            }
            used += w
        }

        mutating func add(_ word: Word) {
            let gap = pendingSpace ? 1 : 0
            if hasContent && used + gap + word.width > width { newLine() }
            if pendingSpace && hasContent { append(Span(" ", style: spaceStyle), 1) }
            pendingSpace = false
            if used + word.width <= width {
                for s in word.spans { append(s, s.displayWidth) }
            } else {
                // Longer than a whole line: split it where it must be.
                for s in word.spans {
                    for c in s.text {
                        let w = DisplayWidth.of(c)
                        if used + w > width && hasContent { newLine() }
                        append(Span(String(c), style: s.style), w)
                        hasContent = true
                    }
                }
            }
            hasContent = true
        }
    }

    static func wrap(fragments: [Fragment], width: Int, firstPrefix: [Span], restPrefix: [Span]) -> [StyledLine] {
        let width = max(1, width)
        let firstW = firstPrefix.reduce(0) { $0 + $1.displayWidth }
        let restW = restPrefix.reduce(0) { $0 + $1.displayWidth }
        let usePrefix = max(firstW, restW) + 2 <= width  // leave room for a wide character
        var builder = LineBuilder(
            width: width, restPrefix: usePrefix ? restPrefix : [], restWidth: usePrefix ? restW : 0,
            current: StyledLine(usePrefix ? firstPrefix : []), used: usePrefix ? firstW : 0)
        for token in tokens(fragments) {
            switch token {
            case .space(let style):
                builder.pendingSpace = builder.hasContent
                builder.spaceStyle = style
            case .breakHere:
                break
            case .word(let word):
                builder.add(word)
            }
        }
        if builder.hasContent || builder.lines.isEmpty { builder.lines.append(builder.current) }
        return builder.lines
    }
}
