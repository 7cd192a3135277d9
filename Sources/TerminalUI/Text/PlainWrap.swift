/// Word wrapping of plain, one-style text (summaries, hints): the one wrapper
/// (``TextWrap/wrap(_:width:)``, CJK-aware), bounded and cached.
extension TextWrap {
    /// The last plain wraps, by text and width.
    static let plainCache = LayoutCache<LayoutKey<Int>, [String]>(capacity: 16)

    /// Wraps `text` to lines at most `width` columns wide, as ``wrap(_:width:)``
    /// does (at spaces and around wide characters; a word longer than a line is
    /// cut). At most `maxLines` lines are made, and only as much of the text as
    /// can fill them is read, so a huge text costs only what is shown. Cached by
    /// text, width and limit, so a long summary is not wrapped every frame.
    public static func plainLines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        return plainCache.value(for: LayoutKey(text: text, width: width, extra: maxLines)) {
            // `maxLines` full lines hold at most this many characters, with the spaces between words.
            let bound = maxLines < Int.max / (width + 1) - 1 ? (maxLines + 1) * (width + 1) : Int.max
            let shown = bound < Int.max ? String(text.prefix(bound)) : text
            let flat = String(shown.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
            guard !flat.allSatisfy({ $0 == " " }) else { return [] }
            let lines = wrap([Span(flat)], width: width).map { line in line.spans.map(\.text).joined() }
            return Array(lines.prefix(maxLines))
        }
    }
}
