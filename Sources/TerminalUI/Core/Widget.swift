/// Something that draws itself into part of a ``Buffer``.
///
/// A widget is a plain value built from the state to show. `render` draws
/// into `area` only (implementations clip with ``Buffer/withClip(_:_:)``),
/// never touches the terminal, and reads what the terminal can show from
/// ``Buffer/capabilities``. Every widget copes with any area, 0×0 included,
/// and any data, NaN and infinities included.
///
/// Widgets draw only what they show and do not blank the rest of their area:
/// start each frame from a blank buffer (``Buffer/reset(to:)``), then draw,
/// then hand ``Buffer/diff(from:)`` against the previous frame to the backend.
public protocol Widget {
    /// Draws into `area` of `buffer`.
    func render(in area: Rect, buffer: inout Buffer)
}

extension Buffer {
    /// Draws `widget` into `area`.
    public mutating func render<W: Widget>(_ widget: W, in area: Rect) {
        withClip(area) { widget.render(in: area, buffer: &$0) }
    }
}
