/// What the terminal can show. Widgets never read the environment; the app
/// derives this once with ``detect(environment:)`` and gives it to the
/// ``Buffer`` it draws into.
public struct Capabilities: Hashable, Sendable {
    /// Whether colours may be used. When off, the buffer drops every colour
    /// and widgets that need colour (heatmaps) switch to shade characters.
    public var color: Bool
    /// Whether non-ASCII characters (braille, blocks, box drawing) can be
    /// shown. When off, widgets draw with ASCII and the buffer replaces any
    /// other non-ASCII character.
    public var unicode: Bool
    /// Columns the terminal gives East Asian Ambiguous characters (box
    /// drawing, ·, ×, …, σ, ∂): 1, or 2 on many CJK setups. At 2 the buffer
    /// never holds one (see ``AmbiguousWidth``), so every layout measured at
    /// one column stays aligned, and ``asciiGlyphs`` is on.
    public var ambiguousWidth: Int
    /// Whether frames, arrows, bullets, shades and plots are drawn in ASCII
    /// (`+-|`, `>`, `*`, one marker per plot cell) while text keeps its
    /// Unicode: for ambiguous width 2, and for fonts without box drawing or
    /// braille (`RNNLAB_BORDERS=ascii`).
    public var asciiGlyphs: Bool

    /// `ambiguousWidth` is 1 or 2 (anything over 1 counts as 2); 2 turns
    /// `asciiGlyphs` on.
    public init(color: Bool, unicode: Bool, ambiguousWidth: Int = 1, asciiGlyphs: Bool = false) {
        self.color = color
        self.unicode = unicode
        self.ambiguousWidth = ambiguousWidth > 1 ? 2 : 1
        self.asciiGlyphs = asciiGlyphs || ambiguousWidth > 1
    }

    /// Whether widgets may draw with Unicode glyphs (frames, braille, blocks,
    /// arrows): Unicode is on and ASCII glyphs are not asked for.
    public var unicodeGlyphs: Bool { unicode && !asciiGlyphs }

    /// Whether the buffer replaces some non-ASCII characters as they are
    /// written (see ``Buffer``).
    public var replacesCharacters: Bool { !unicode || asciiGlyphs }

    /// These capabilities with ambiguous characters `width` columns wide
    /// (and ASCII glyphs when `width` is 2, or when `asciiGlyphs`).
    public func with(ambiguousWidth width: Int, asciiGlyphs ascii: Bool = false) -> Capabilities {
        Capabilities(color: color, unicode: unicode, ambiguousWidth: width, asciiGlyphs: ascii || asciiGlyphs)
    }

    /// Colour and Unicode.
    public static let full = Capabilities(color: true, unicode: true)
    /// Unicode without colour (`NO_COLOR` under a UTF-8 locale).
    public static let monochrome = Capabilities(color: false, unicode: true)
    /// Neither colour nor Unicode (`TERM=dumb`, or the C locale without colour).
    public static let ascii = Capabilities(color: false, unicode: false)

    /// Derives the capabilities from environment variables.
    ///
    /// - Colour is on unless `NO_COLOR` is set to a non-empty value
    ///   (https://no-color.org), or `TERM` is unset, empty or `dumb`.
    /// - Unicode is on when `TERM` is not `dumb` and the effective character
    ///   locale (the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG`) names
    ///   UTF-8 (`UTF-8` or `utf8`, any case).
    public static func detect(environment env: [String: String]) -> Capabilities {
        let term = env["TERM"] ?? ""
        let dumb = term.isEmpty || term == "dumb"
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        var locale = ""
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let v = env[key], !v.isEmpty { locale = v; break }
        }
        let lowered = locale.lowercased()
        let utf8 = lowered.contains("utf-8") || lowered.contains("utf8")
        return Capabilities(color: !dumb && !noColor, unicode: term != "dumb" && utf8)
    }
}
