/// A bordered frame with an optional title in its top edge; the content goes
/// in ``inner(_:)``.
///
/// ```
/// ┌ Loss ──────┐
/// │            │
/// └────────────┘
/// ```
public struct Panel: Widget, Sendable {
    /// Text shown in the top edge, cut to fit.
    public var title: String?
    /// Text shown right-aligned in the bottom edge (for example a page count).
    public var footer: String?
    /// Style of the frame.
    public var borderStyle: Style
    /// Style of the title and footer.
    public var titleStyle: Style
    /// Frame characters used when Unicode is available.
    public var borders: BorderSet

    public init(
        title: String? = nil, footer: String? = nil, borderStyle: Style = .plain,
        titleStyle: Style = .bold, borders: BorderSet = .plain
    ) {
        self.title = title
        self.footer = footer
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.borders = borders
    }

    /// The area inside the frame.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(in area: Rect, buffer: inout Buffer) {
        let set = buffer.capabilities.unicodeGlyphs ? borders : .ascii
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty, area.width >= 1, area.height >= 1 else { return }
            let top = area.minY, bottom = area.maxY - 1, left = area.minX, right = area.maxX - 1
            for x in a.minX..<a.maxX {
                buf.setNarrow(x: x, y: top, symbol: set.horizontal, style: borderStyle)
                buf.setNarrow(x: x, y: bottom, symbol: set.horizontal, style: borderStyle)
            }
            for y in a.minY..<a.maxY {
                buf.setNarrow(x: left, y: y, symbol: set.vertical, style: borderStyle)
                buf.setNarrow(x: right, y: y, symbol: set.vertical, style: borderStyle)
            }
            if area.width >= 2 && area.height >= 2 {
                buf.setNarrow(x: left, y: top, symbol: set.topLeft, style: borderStyle)
                buf.setNarrow(x: right, y: top, symbol: set.topRight, style: borderStyle)
                buf.setNarrow(x: left, y: bottom, symbol: set.bottomLeft, style: borderStyle)
                buf.setNarrow(x: right, y: bottom, symbol: set.bottomRight, style: borderStyle)
            }
            let room = area.width - 4
            if let title, !title.isEmpty, room >= 1 {
                let text = " " + title.truncated(toDisplayWidth: room) + " "
                buf.write(text, x: left + 1, y: top, style: titleStyle, maxWidth: area.width - 2)
            }
            if let footer, !footer.isEmpty, room >= 1, area.height >= 2 {
                let text = " " + footer.truncated(toDisplayWidth: room) + " "
                buf.write(text, x: right - text.displayWidth, y: bottom, style: titleStyle, maxWidth: area.width - 2)
            }
        }
    }
}
