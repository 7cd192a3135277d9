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
/// Chinese or Japanese text without spaces wraps too, except where the
/// Chinese rules forbid it: no line starts with a closing mark (。，」 ” …)
/// or ends with an opening one (（「《 “), and —— and …… are never split
/// (see ``mayBreak(between:_:and:_:inside:)``). A word longer than the line
/// is split wherever it must be. Runs of spaces become one space.
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
        // The last visible character of the current run and whether it was in
        // a breakable fragment; nil after a space.
        var previous: (character: Character, width: Int, breakable: Bool)?
        var fragmentIndex = 0
        var previousFragment = -1
        for f in fragments {
            defer { fragmentIndex += 1 }
            for c in f.text {
                let isSpace = c == " " || c == "\t" || c == "\n"
                if f.breakable && isSpace {
                    flush()
                    if case .space = out.last {} else { out.append(.space(f.style)) }
                    previous = nil
                    continue
                }
                let w = DisplayWidth.of(isSpace ? " " : c)
                if w == 0 {
                    if !word.spans.isEmpty { word.spans[word.spans.count - 1].text.append(c) }
                    continue
                }
                if let p = previous, word.width > 0,
                   mayBreak(between: p.character, p.width, and: c, w,
                            inside: fragmentIndex == previousFragment ? f.breakable : (f.breakable || p.breakable))
                {
                    flush()
                    out.append(.breakHere)
                }
                word.append(isSpace ? " " : c, f.style, w)
                previous = (c, w, f.breakable)
                previousFragment = fragmentIndex
            }
        }
        flush()
        return out
    }

    /// Whether a line may break between `before` and `after` (with no space
    /// between them): only beside a wide (CJK) character or between two of
    /// the narrow marks Chinese prose uses (“ ” ‘ ’ … —), never inside an
    /// unbreakable fragment (`breakable` false), never before a closing mark
    /// or after an opening one, and never inside a doubled dash or ellipsis.
    static func mayBreak(between before: Character, _ beforeWidth: Int, and after: Character, _ afterWidth: Int,
                         inside breakable: Bool) -> Bool {
        guard breakable else { return false }
        guard beforeWidth == 2 || afterWidth == 2 || (isNarrowMark(before) && isNarrowMark(after)) else { return false }
        if noBreakBefore(after) || noBreakAfter(before) { return false }
        if before == after && inseparable(after) { return false }
        return true
    }

    /// Marks that must not start a line: the closing punctuation of Chinese
    /// and Japanese (。，、；：！？ ） 」 』 】 》 and the other closing brackets),
    /// the closing quotes ” ’, the ellipsis …, and their ASCII counterparts
    /// when they follow a CJK character (`门,` `网络)`).
    static func noBreakBefore(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        switch v {
        case 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B,
            0x301E, 0x301F, 0x30FB, 0x30FC,
            0xFF01, 0xFF05, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60,
            0x2019, 0x201D, 0x2025, 0x2026, 0x00BB, 0x203A,
            0x21, 0x25, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D:
            return true
        default:
            return false
        }
    }

    /// Marks that must not end a line: opening brackets and quotes
    /// （ 「 『 【 《 〈 〔 〖 “ ‘ and the ASCII ( [ {.
    static func noBreakAfter(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        switch v {
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
            0xFF08, 0xFF3B, 0xFF5B, 0xFF5F,
            0x2018, 0x201C, 0x00AB, 0x2039,
            0x28, 0x5B, 0x7B:
            return true
        default:
            return false
        }
    }

    /// The one-column quotes, ellipses and dashes of Chinese prose.
    static func isNarrowMark(_ c: Character) -> Bool {
        switch c.unicodeScalars.first?.value ?? 0 {
        case 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2025, 0x2026, 0x2E3A, 0x2E3B: return true
        default: return false
        }
    }

    /// Marks written doubled that must stay whole: the dash —— (and ⸺ ⸻)
    /// and the ellipsis …….
    static func inseparable(_ c: Character) -> Bool {
        switch c.unicodeScalars.first?.value ?? 0 {
        case 0x2014, 0x2026, 0x2E3A, 0x2E3B, 0x2015: return true
        default: return false
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
