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

    public init(color: Bool, unicode: Bool) {
        self.color = color
        self.unicode = unicode
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
