/// A one-line text field with a cursor, and the editing operations on it.
///
/// The text is kept as an array of graphemes, so moving, inserting and
/// deleting at the cursor never walk the string, and it holds at most
/// ``maxLength`` graphemes: what a paste brings beyond that is dropped (and
/// `insert` returns false), so no input makes a key cost more.
/// The view scrolls sideways so the cursor is always visible; the cursor is
/// drawn as a reverse-video cell when the field has focus.
public struct TextInput: Widget, Sendable {
    /// The graphemes being edited.
    public private(set) var characters: [Character]
    /// The text being edited (at most ``maxLength`` graphemes; longer text is cut).
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue.prefix(maxLength))
            clampCursor()
        }
    }
    /// The most graphemes the field holds.
    public let maxLength: Int
    /// Cursor position as a count of graphemes from the start (0…`characters.count`).
    public var cursor: Int
    /// Shown dimmed when the text is empty.
    public var placeholder: String
    /// Shown before the text, e.g. `"> "`.
    public var prompt: String
    public var isFocused: Bool
    public var style: Style
    public var cursorStyle: Style

    /// The default ``maxLength``: far more than a one-line field shows.
    public static let defaultMaxLength = 1_000

    public init(text: String = "", cursor: Int? = nil, placeholder: String = "", prompt: String = "",
                isFocused: Bool = true, style: Style = .plain, cursorStyle: Style = .reverse,
                maxLength: Int = TextInput.defaultMaxLength) {
        self.maxLength = max(0, maxLength)
        self.characters = Array(text.prefix(max(0, maxLength)))
        self.cursor = min(max(0, cursor ?? characters.count), characters.count)
        self.placeholder = placeholder
        self.prompt = prompt
        self.isFocused = isFocused
        self.style = style
        self.cursorStyle = cursorStyle
    }

    /// Inserts `character` at the cursor and moves the cursor past it.
    /// Returns false, changing nothing, when the field is full.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        clampCursor()
        guard characters.count < maxLength else { return false }
        if cursor == characters.count {
            characters.append(character)
        } else {
            characters.insert(character, at: cursor)
        }
        cursor += 1
        return true
    }

    /// Inserts `string` at the cursor, as much of it as fits. Returns false
    /// when some of it did not fit.
    @discardableResult
    public mutating func insert(_ string: String) -> Bool {
        for c in string where !insert(c) { return false }
        return true
    }

    /// Deletes the grapheme before the cursor (Backspace).
    public mutating func deleteBackward() {
        clampCursor()
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor (Delete).
    public mutating func deleteForward() {
        clampCursor()
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, min(cursor, characters.count) - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    mutating func clampCursor() { cursor = min(max(0, cursor), characters.count) }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            let y = a.y
            let promptW = buf.write(prompt, x: a.x, y: y, style: style, maxWidth: a.width)
            let fieldX = a.x + promptW
            let fieldW = a.maxX - fieldX
            guard fieldW > 0 else { return }
            let chars = characters
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
