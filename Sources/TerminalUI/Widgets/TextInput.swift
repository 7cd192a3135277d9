/// A one-line text field with a cursor, and the editing operations on it.
///
/// The view scrolls sideways so the cursor is always visible; the cursor is
/// drawn as a reverse-video cell when the field has focus.
public struct TextInput: Widget, Sendable {
    /// The text being edited.
    public var text: String
    /// Cursor position as a count of graphemes from the start (0…`text.count`).
    public var cursor: Int
    /// Shown dimmed when the text is empty.
    public var placeholder: String
    /// Shown before the text, e.g. `"> "`.
    public var prompt: String
    public var isFocused: Bool
    public var style: Style
    public var cursorStyle: Style

    public init(text: String = "", cursor: Int? = nil, placeholder: String = "", prompt: String = "",
                isFocused: Bool = true, style: Style = .plain, cursorStyle: Style = .reverse) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
        self.placeholder = placeholder
        self.prompt = prompt
        self.isFocused = isFocused
        self.style = style
        self.cursorStyle = cursorStyle
    }

    /// Inserts `character` at the cursor and moves the cursor past it.
    public mutating func insert(_ character: Character) {
        clampCursor()
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    /// Inserts `string` at the cursor.
    public mutating func insert(_ string: String) { for c in string { insert(c) } }

    /// Deletes the grapheme before the cursor (Backspace).
    public mutating func deleteBackward() {
        clampCursor()
        guard cursor > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor (Delete).
    public mutating func deleteForward() {
        clampCursor()
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    public mutating func moveLeft() { cursor = max(0, min(cursor, text.count) - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    mutating func clampCursor() { cursor = min(max(0, cursor), text.count) }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            let y = a.y
            let promptW = buf.write(prompt, x: a.x, y: y, style: style, maxWidth: a.width)
            let fieldX = a.x + promptW
            let fieldW = a.maxX - fieldX
            guard fieldW > 0 else { return }
            let chars = Array(text)
            let cur = min(max(0, cursor), chars.count)
            if chars.isEmpty && !placeholder.isEmpty {
                buf.write(placeholder, x: fieldX, y: y, style: style.adding(.dim), maxWidth: fieldW)
            }
            // Scroll so the text up to the cursor, plus the cursor cell, fits.
            let widths = chars.map { max(1, DisplayWidth.of($0)) }
            var start = 0
            var before = widths[0..<cur].reduce(0, +)
            let cursorW = cur < chars.count ? widths[cur] : 1
            while start < cur && before + cursorW > fieldW {
                before -= widths[start]
                start += 1
            }
            var x = fieldX
            for i in start..<chars.count {
                guard x + widths[i] <= a.maxX else { break }
                let s = (isFocused && i == cur) ? style.patched(with: cursorStyle) : style
                buf.set(x: x, y: y, symbol: chars[i], style: s)
                x += widths[i]
            }
            if isFocused && cur == chars.count && x < a.maxX {
                buf.setNarrow(x: x, y: y, symbol: " ", style: style.patched(with: cursorStyle))
            }
        }
    }
}
