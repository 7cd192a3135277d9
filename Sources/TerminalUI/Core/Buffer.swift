/// A frame of terminal cells kept in memory: widgets draw here and a backend
/// flushes the ``diff(from:)`` between two frames.
///
/// Cells are stored row by row in one flat array. Every write is clipped to
/// the buffer and to the current clip rectangle (see ``withClip(_:_:)``), so a
/// widget cannot draw outside the area it was given. The buffer also enforces
/// its ``capabilities``: without colour every colour is dropped, and without
/// Unicode non-ASCII graphemes are replaced by an ASCII look-alike or `?`.
/// With ASCII glyphs, frames, blocks, arrows and braille become their ASCII
/// look-alikes; at ambiguous width 2 every East Asian Ambiguous character
/// becomes a one-column stand-in (``AmbiguousWidth/narrowStandIn(for:)``),
/// so no cell holds a character a CJK terminal would draw two columns wide.
///
/// Overwriting one half of a wide grapheme blanks the other half, so the
/// buffer never holds a dangling half. That partner cell may lie just outside
/// the clip rectangle; it is the only write that can.
public struct Buffer: Equatable, Sendable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// What the target terminal can show.
    public let capabilities: Capabilities
    /// All cells, row by row: cell (x, y) is at `y * width + x`.
    public internal(set) var cells: [Cell]
    /// Writes outside this rectangle are ignored.
    public internal(set) var clip: Rect

    /// A buffer of the given size filled with `fill`.
    public init(width: Int, height: Int, capabilities: Capabilities = .full, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.capabilities = capabilities
        self.cells = Array(repeating: fill, count: self.width * self.height)
        self.clip = Rect(x: 0, y: 0, width: self.width, height: self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`), or a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Fills every cell with `cell`, ignoring the clip rectangle.
    public mutating func reset(to cell: Cell = .blank) {
        for i in cells.indices { cells[i] = cell }
    }

    /// Runs `body` with writes clipped to `rect` as well as to the current clip.
    @discardableResult
    public mutating func withClip<R>(_ rect: Rect, _ body: (inout Buffer) throws -> R) rethrows -> R {
        let saved = clip
        clip = clip.intersection(rect)
        defer { clip = saved }
        return try body(&self)
    }

    /// The character the target is sent for `symbol` (see the type's notes).
    @inline(__always)
    func shown(_ symbol: Character) -> Character {
        if symbol.isASCII || !capabilities.replacesCharacters { return symbol }
        if !capabilities.unicode { return ASCIIFallback.character(for: symbol) }
        if AmbiguousWidth.isDrawingGlyph(symbol) { return ASCIIFallback.character(for: symbol) }
        if capabilities.ambiguousWidth == 2 && AmbiguousWidth.isAmbiguous(symbol) {
            return AmbiguousWidth.narrowStandIn(for: symbol)
        }
        return symbol
    }

    /// The style as the target can show it.
    @inline(__always)
    func effective(_ style: Style) -> Style {
        capabilities.color ? style : Style(attributes: style.attributes)
    }

    /// Puts one grapheme at (`x`, `y`). A wide grapheme takes this cell and
    /// the next; if the next is outside the clip it is drawn as a space
    /// instead. Zero-width graphemes are ignored. Returns the columns taken.
    @discardableResult
    public mutating func set(x: Int, y: Int, symbol: Character, style: Style = .plain) -> Int {
        var symbol = symbol
        var w = DisplayWidth.of(symbol)
        if w == 0 { return 0 }
        if capabilities.replacesCharacters && !symbol.isASCII {
            symbol = shown(symbol)
            if w == 2 && !capabilities.unicode {
                setNarrow(x: x, y: y, symbol: symbol, style: style)
                setNarrow(x: x + 1, y: y, symbol: symbol, style: style)
                return 2
            }
        }
        if w == 2 && !clip.contains(x: x + 1, y: y) {
            symbol = " "
            w = 1
        }
        if w == 1 {
            setNarrow(x: x, y: y, symbol: symbol, style: style)
            return 1
        }
        guard clip.contains(x: x, y: y) else { return 2 }
        let i = y * width + x
        let s = effective(style)
        detachNeighbours(at: i, count: 2)
        cells[i] = Cell(symbol: symbol, style: s, width: 2)
        cells[i + 1] = Cell(symbol: " ", style: s, width: 0)
        return 2
    }

    /// Puts a grapheme known to take one column (ASCII, box drawing, blocks,
    /// braille). Faster than ``set(x:y:symbol:style:)``.
    @inline(__always)
    public mutating func setNarrow(x: Int, y: Int, symbol: Character, style: Style = .plain) {
        guard clip.contains(x: x, y: y) else { return }
        let i = y * width + x
        let old = cells[i].width
        if old != 1 { detachNeighbours(at: i, count: 1) }
        var symbol = symbol
        if capabilities.replacesCharacters && !symbol.isASCII { symbol = shown(symbol) }
        cells[i] = Cell(symbol: symbol, style: effective(style), width: 1)
    }

    /// Changes only the style of the cell at (`x`, `y`), laying `style` over the old one.
    public mutating func patchStyle(x: Int, y: Int, style: Style) {
        guard clip.contains(x: x, y: y) else { return }
        let i = y * width + x
        cells[i].style = effective(cells[i].style.patched(with: style))
        if cells[i].width == 2 && x + 1 < width { cells[i + 1].style = cells[i].style }
    }

    /// Lays `style` over every cell of `rect`.
    public mutating func patchStyle(_ rect: Rect, style: Style) {
        let r = rect.intersection(clip)
        for y in r.minY..<r.maxY where r.width > 0 {
            for x in r.minX..<r.maxX { patchStyle(x: x, y: y, style: style) }
        }
    }

    /// Fills `rect` with a one-column `symbol` in `style`.
    public mutating func fill(_ rect: Rect, symbol: Character = " ", style: Style = .plain) {
        let r = rect.intersection(clip)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX { setNarrow(x: x, y: y, symbol: symbol, style: style) }
        }
    }

    /// Blanks `rect` (spaces in the default style).
    public mutating func clear(_ rect: Rect) { fill(rect) }

    /// Before cells `i ..< i + count` are overwritten, blanks the halves of
    /// wide graphemes that stick out of that range.
    @inline(__always)
    mutating func detachNeighbours(at i: Int, count: Int) {
        let x = i % width
        if cells[i].width == 0 && x > 0 {
            cells[i - 1] = Cell(symbol: " ", style: cells[i - 1].style, width: 1)
        }
        let last = i + count - 1
        if cells[last].width == 2 && last % width < width - 1 {
            cells[last + 1] = Cell(symbol: " ", style: cells[last + 1].style, width: 1)
        }
    }
}
