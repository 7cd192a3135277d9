/// One terminal cell: the grapheme shown there and its style.
///
/// A wide grapheme (CJK, most emoji) covers two cells: the left one holds the
/// grapheme with `width == 2`, the right one is a *continuation* cell
/// (`width == 0`) that shows nothing of its own and carries the same style.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown; a space for an empty cell or a continuation.
    public var symbol: Character
    /// Colours and attributes.
    public var style: Style
    /// Columns the symbol takes: 1 normally, 2 for a wide grapheme, 0 for the
    /// continuation cell right of a wide grapheme.
    public internal(set) var width: UInt8

    /// A one-column cell. Use `Buffer.set` to place wide graphemes.
    public init(_ symbol: Character, style: Style = .plain) {
        self.symbol = symbol
        self.style = style
        self.width = 1
    }

    init(symbol: Character, style: Style, width: UInt8) {
        self.symbol = symbol
        self.style = style
        self.width = width
    }

    /// A space in the default style.
    public static let blank = Cell(" ")

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }

    /// Whether this cell starts a two-column grapheme.
    public var isWide: Bool { width == 2 }
}
