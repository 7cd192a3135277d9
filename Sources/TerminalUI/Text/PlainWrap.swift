/// Word wrapping of plain, one-style text (summaries, hints), in one pass.
extension TextWrap {
    /// The last plain wraps, by text and width.
    static let plainCache = LayoutCache<LayoutKey<Int>, [String]>(capacity: 16)

    /// Wraps `text` to lines at most `width` columns wide, breaking at spaces;
    /// a word longer than a line is cut. At most `maxLines` lines are made, so
    /// a huge text costs only what is shown. Cached by text, width and limit.
    public static func plainLines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        return plainCache.value(for: LayoutKey(text: text, width: width, extra: maxLines)) {
            plainWrap(text, width: width, maxLines: maxLines)
        }
    }

    static func plainWrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        var word = ""
        var wordWidth = 0
        func endLine() {
            lines.append(line)
            line = ""
            used = 0
        }
        func placeWord() {
            guard wordWidth > 0 else { return }
            if used > 0 && used + 1 + wordWidth <= width {
                line.append(" ")
                line += word
                used += 1 + wordWidth
            } else {
                if used > 0 { endLine() }
                if wordWidth <= width {
                    line = word
                    used = wordWidth
                } else {
                    // Longer than a line: cut it where it must be.
                    for c in word where lines.count < maxLines {
                        let w = DisplayWidth.of(c)
                        if used + w > width && used > 0 { endLine() }
                        line.append(c)
                        used += w
                    }
                }
            }
            word = ""
            wordWidth = 0
        }
        for c in text {
            if lines.count >= maxLines { break }
            if c == " " || c == "\n" || c == "\t" {
                placeWord()
            } else {
                word.append(c)
                wordWidth += DisplayWidth.of(c)
                // A word that alone fills the remaining lines needs no more characters.
                let room = maxLines - lines.count
                if room < Int.max / (width + 1) - 1, wordWidth > width * (room + 1) { break }
            }
        }
        if lines.count < maxLines { placeWord() }
        if used > 0 && lines.count < maxLines { lines.append(line) }
        return Array(lines.prefix(maxLines))
    }
}
