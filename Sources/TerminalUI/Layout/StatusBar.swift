/// One row with text on the left and on the right, in reverse video by
/// default. The left text wins when both do not fit.
public struct StatusBar: Widget, Sendable {
    public var left: String
    public var right: String
    public var style: Style

    public init(left: String, right: String = "", style: Style = .reverse) {
        self.left = left
        self.right = right
        self.style = style
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            guard !area.isEmpty else { return }
            let row = area.row(0)
            buf.fill(row, style: style)
            let leftText = (" " + left).truncated(toDisplayWidth: row.width)
            let used = buf.write(leftText, x: row.x, y: row.y, style: style)
            let rightText = right.isEmpty ? "" : right + " "
            let rw = rightText.displayWidth
            if rw > 0 && used + 1 + rw <= row.width {
                buf.write(rightText, x: row.maxX - rw, y: row.y, style: style)
            }
        }
    }
}
