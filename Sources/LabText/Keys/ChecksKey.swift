/// The checks panel: its frame, what a check asks, background verification.
public enum ChecksKey: String, CaseIterable, Sendable {
    case panel
    /// "2/3", in the panel's frame.
    case footer
    /// One setting a check asks for: "hidden=1".
    case setting
    /// "seeds 1, 2, 3"
    case seeds
    /// "versus forget_bias=0"
    case versus
    /// "400 steps"
    case steps
    /// "until solved > 0.5"
    case until
    /// A condition judged at the last step: "accuracy < 0.6 at the end".
    case conditionAtEnd
    /// A condition judged whenever it holds: "accuracy > 0.95".
    case condition
    /// A check only several runs can judge, and how to judge it.
    case multiRun
    /// Progress of the background verification.
    case verifying
    case verified
    case notVerified

    public var placeholders: Set<String> {
        switch self {
        case .panel: return []
        case .footer: return ["met", "total"]
        case .setting: return ["name", "value"]
        case .seeds: return ["seeds"]
        case .versus: return ["settings"]
        case .steps: return ["steps"]
        case .until, .conditionAtEnd, .condition: return ["condition"]
        case .multiRun: return ["lesson", "check"]
        case .verifying: return ["steps", "budget"]
        case .verified, .notVerified: return ["detail"]
        }
    }
}
