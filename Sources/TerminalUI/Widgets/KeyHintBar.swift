/// A key and what it does, for a ``KeyHintBar``.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var action: String
    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}

/// One row of key hints such as `q quit  space pause  ? help`. Hints that do
/// not fit whole are left out, from the end.
public struct KeyHintBar: Widget, Sendable {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var actionStyle: Style

    public init(hints: [KeyHint], keyStyle: Style = Style(attributes: [.bold, .reverse]), actionStyle: Style = .plain) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.actionStyle = actionStyle
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            var x = a.x
            for (i, hint) in hints.enumerated() {
                let key = " " + hint.key + " "
                let action = " " + hint.action
                let gap = i == 0 ? 0 : 2
                let need = gap + key.displayWidth + action.displayWidth
                guard x + need <= a.maxX else { break }
                x += gap
                x += buf.write(key, x: x, y: a.y, style: keyStyle)
                x += buf.write(action, x: x, y: a.y, style: actionStyle)
            }
        }
    }
}
