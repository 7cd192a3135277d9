import LabText

/// The display settings a user chooses for the lab's terminal: how wide
/// East Asian Ambiguous characters are (`--ambiguous-width 1|2`,
/// `$RNNLAB_AMBIGUOUS_WIDTH`) and whether glyphs are drawn in ASCII
/// (`--borders unicode|ascii`, `$RNNLAB_BORDERS`). An option wins over its
/// variable; an empty variable counts as unset. Pure: the caller passes the
/// environment.
public enum DisplaySettings {
    /// The variable for the ambiguous width.
    public static let ambiguousWidthVariable = "RNNLAB_AMBIGUOUS_WIDTH"
    /// The variable for the glyph set.
    public static let bordersVariable = "RNNLAB_BORDERS"

    /// `base` with the chosen ambiguous width and glyph set, or the phrase
    /// that refuses a bad value (naming the option or variable and the valid values).
    public static func apply(to base: Capabilities, environment env: [String: String],
                             ambiguousWidth option: String? = nil, borders bordersOption: String? = nil)
        -> Result<Capabilities, DisplaySettingError>
    {
        var width = 1
        if let (source, text) = chosen(option, "--ambiguous-width", env, ambiguousWidthVariable) {
            guard let n = Int(text.trimmingSpaces), n == 1 || n == 2 else {
                return .failure(DisplaySettingError(Phrase(.command(.badAmbiguousWidth), ["source": .text(source), "value": .text(text)])))
            }
            width = n
        }
        var ascii = false
        if let (source, text) = chosen(bordersOption, "--borders", env, bordersVariable) {
            switch text.trimmingSpaces.lowercased() {
            case "ascii": ascii = true
            case "unicode": ascii = false
            default:
                return .failure(DisplaySettingError(Phrase(.command(.badBorders), ["source": .text(source), "value": .text(text)])))
            }
        }
        return .success(base.with(ambiguousWidth: width, asciiGlyphs: ascii))
    }

    /// The option's value named as the option, else the variable's named as `$VARIABLE`.
    private static func chosen(_ option: String?, _ optionName: String, _ env: [String: String], _ variable: String)
        -> (String, String)?
    {
        if let option { return (optionName, option) }
        if let value = env[variable], !value.isEmpty { return ("$" + variable, value) }
        return nil
    }
}

/// A display setting the lab refuses, with the phrase that says why.
public struct DisplaySettingError: Error, Sendable, Equatable {
    public var phrase: Phrase
    public init(_ phrase: Phrase) { self.phrase = phrase }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
