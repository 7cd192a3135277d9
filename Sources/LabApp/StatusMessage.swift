import LabText

/// The status line of the lesson screen: a refusal, or what a key did. It
/// keeps the message, not its text, and is written in the language of the
/// frame that draws it.
public struct StatusMessage: Sendable, Equatable {
    public var phrase: Phrase
    public var isError: Bool

    /// A message of the catalogue.
    public init(_ key: StatusKey, _ arguments: [String: TextArgument] = [:], isError: Bool = false) {
        self.phrase = Phrase(.status(key), arguments)
        self.isError = isError
    }

    /// A message of another group (a setting's refusal, a trainer event).
    public init(_ phrase: Phrase, isError: Bool = false) {
        self.phrase = phrase
        self.isError = isError
    }

    /// A message of another group of the catalogue (the dashboard's roll-backs).
    public init(_ key: TextKey, _ arguments: [String: TextArgument] = [:], isError: Bool = false) {
        self.phrase = Phrase(key, arguments)
        self.isError = isError
    }

    /// Text from a module whose messages are not in the catalogue yet (a
    /// setting's refusal, a trainer event), shown as it is.
    public init(_ text: String, isError: Bool = false) {
        self.phrase = .verbatim(text)
        self.isError = isError
    }

    /// The message written in `language`.
    public func text(in language: Language) -> String { language.render(phrase) }
}

extension StatusMessage {
    /// Whether the message tells the state of the run ("rolled back to step 725;
    /// Space resumes", "the run diverged: press b…", "reset"): it goes stale, and
    /// is cleared, once the run starts again or diverges again.
    var isAboutRunState: Bool {
        switch phrase.key {
        case .status(.rollingBack)?, .status(.rollingBackCompare)?, .status(.lowering)?, .status(.loweringCompare)?,
             .status(.diverged)?, .status(.reset)?, .dashboard(.rolledBack)?, .dashboard(.rolledBackLowered)?,
             .dashboard(.rolledBackAtFloor)?:
            return true
        default:
            return false
        }
    }
}
