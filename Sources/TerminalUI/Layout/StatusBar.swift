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

    /// The least of the left part kept beside the right one.
    static let minimumLeft = 8

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            guard !area.isEmpty else { return }
            let row = area.row(0)
            buf.fill(row, style: style)
            // The right-hand part (a count, a state) is kept whole when it fits
            // beside a few columns of the left, which is cut to make room.
            let rightText = right.isEmpty ? "" : right + " "
            let rw = rightText.displayWidth
            let keepRight = rw > 0 && rw + 1 + StatusBar.minimumLeft <= row.width
            let leftText = (" " + left).truncated(toDisplayWidth: keepRight ? row.width - rw - 1 : row.width)
            buf.write(leftText, x: row.x, y: row.y, style: style)
            if keepRight {
                buf.write(rightText, x: row.maxX - rw, y: row.y, style: style)
            }
        }
    }
}
