/// A colour of the xterm 256-colour palette.
///
/// Indices 0–7 are the standard colours, 8–15 their bright forms, 16–231 a
/// 6×6×6 colour cube and 232–255 a grey ramp from dark to light.
public struct Color: Hashable, Sendable {
    /// Palette index, 0–255.
    public var index: UInt8

    /// The palette entry `index`.
    public init(_ index: UInt8) { self.index = index }

    public static let black = Color(0)
    public static let red = Color(1)
    public static let green = Color(2)
    public static let yellow = Color(3)
    public static let blue = Color(4)
    public static let magenta = Color(5)
    public static let cyan = Color(6)
    public static let white = Color(7)
    public static let brightBlack = Color(8)
    public static let brightRed = Color(9)
    public static let brightGreen = Color(10)
    public static let brightYellow = Color(11)
    public static let brightBlue = Color(12)
    public static let brightMagenta = Color(13)
    public static let brightCyan = Color(14)
    public static let brightWhite = Color(15)

    /// A colour of the 6×6×6 cube; each component is clamped to 0…5.
    public static func cube(_ r: Int, _ g: Int, _ b: Int) -> Color {
        func c(_ v: Int) -> Int { min(5, max(0, v)) }
        return Color(UInt8(16 + 36 * c(r) + 6 * c(g) + c(b)))
    }

    /// A grey of the ramp, `level` clamped to 0 (darkest) … 23 (lightest).
    public static func gray(_ level: Int) -> Color {
        Color(UInt8(232 + min(23, max(0, level))))
    }
}

/// Text attributes a terminal can show together with colours.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How a cell is drawn: optional foreground and background palette colours
/// (`nil` is the terminal's default) and attributes.
public struct Style: Hashable, Sendable {
    /// Foreground colour, or `nil` for the terminal default.
    public var foreground: Color?
    /// Background colour, or `nil` for the terminal default.
    public var background: Color?
    /// Bold, dim, italic, underline, reverse.
    public var attributes: TextAttributes

    /// A style; every part defaults to "terminal default".
    public init(foreground: Color? = nil, background: Color? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let dim = Style(attributes: .dim)
    public static let reverse = Style(attributes: .reverse)
    public static let underline = Style(attributes: .underline)
    public static let italic = Style(attributes: .italic)

    /// A plain style with the given foreground.
    public static func fg(_ color: Color) -> Style { Style(foreground: color) }

    /// This style with another foreground.
    public func foreground(_ color: Color?) -> Style {
        var s = self; s.foreground = color; return s
    }

    /// This style with another background.
    public func background(_ color: Color?) -> Style {
        var s = self; s.background = color; return s
    }

    /// This style with the attributes added.
    public func adding(_ attributes: TextAttributes) -> Style {
        var s = self; s.attributes.formUnion(attributes); return s
    }

    /// `other` laid over this style: its colours win where set and the attributes are joined.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground ?? foreground,
            background: other.background ?? background,
            attributes: attributes.union(other.attributes))
    }

    /// This style without colours (attributes kept), as drawn when colour is off.
    public var withoutColor: Style { Style(attributes: attributes) }
}
