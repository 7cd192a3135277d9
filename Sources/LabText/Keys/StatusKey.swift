/// The status line of the lesson screen: what a key did, or why it did not.
public enum StatusKey: String, CaseIterable, Sendable {
    case rollingBack
    case rollingBackCompare
    case lowering
    case loweringCompare
    case diverged
    case reset
    case verificationCancelled
    case verifying
    case verified
    case notVerified
    case typeValue
    /// A nudge that stays at the end of the knob's range.
    case knobAlready
    /// A typed value equal to the current one (not at a limit of the range).
    case knobUnchanged
    /// A change accepted, with the reason it does nothing now.
    case knobChangedIdle
    case knobChanged
    case knobChangedRebuilds
    /// A typed knob value cut at the editor's length limit.
    case valueTooLong
    /// A check met by the live run.
    case checkMet
    /// A check judged on the live run and not met.
    case checkNotMet
    /// How long a background verification took: whole seconds, or under one.
    case seconds
    case underASecond

    public var placeholders: Set<String> {
        switch self {
        case .verificationCancelled: return ["check"]
        case .verifying: return ["check", "budget"]
        case .verified, .notVerified: return ["check", "duration", "detail"]
        case .seconds: return ["seconds"]
        case .knobAlready: return ["knob", "value", "range"]
        case .knobUnchanged: return ["knob", "value"]
        case .knobChangedIdle: return ["knob", "old", "value", "reason"]
        case .knobChanged, .knobChangedRebuilds: return ["knob", "old", "value"]
        case .valueTooLong: return ["limit"]
        case .checkMet: return ["title"]
        case .checkNotMet: return ["title", "detail"]
        default: return []
        }
    }
}
