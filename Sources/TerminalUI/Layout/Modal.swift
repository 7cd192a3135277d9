/// A framed box drawn over the middle of the screen (help, confirmations).
///
/// Render it last: it blanks its box, draws a ``Panel`` and leaves the
/// content to the caller, who draws into ``contentArea(in:)``.
public struct Modal: Widget, Sendable {
    /// Wanted width and height of the box, frame included; cut to the screen.
    public var width: Int
    public var height: Int
    /// The frame.
    public var panel: Panel

    public init(width: Int, height: Int, title: String? = nil, borderStyle: Style = .bold) {
        self.width = width
        self.height = height
        self.panel = Panel(title: title, borderStyle: borderStyle, titleStyle: .bold, borders: .thick)
    }

    /// The box, centred in `area`.
    public func frame(in area: Rect) -> Rect { area.centered(width: width, height: height) }

    /// Where the content goes: inside the frame, one column of padding left and right.
    public func contentArea(in area: Rect) -> Rect { frame(in: area).inset(top: 1, left: 2, bottom: 1, right: 2) }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = frame(in: area)
        buffer.withClip(area) { buf in
            buf.clear(box)
            panel.render(in: box, buffer: &buf)
        }
    }
}
