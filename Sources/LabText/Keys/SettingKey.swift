/// Why a setting value is refused: each message names the range or the choices.
public enum SettingKey: String, CaseIterable, Sendable {
    /// A range of numbers: "1…512".
    case range
    case notWhole
    case outOfRange
    case notAChoice
    /// A number given to a setting that takes a name.
    case takesChoice
    /// A name given to a setting that takes a number.
    case takesNumber
    case unknown
    /// Why a setting does nothing with the others as they are (the knob panel's note).
    case idleWhenBidirectional
    case idleWithoutForgetGate

    public var placeholders: Set<String> {
        switch self {
        case .range: return ["high", "low"]
        case .notWhole: return ["name", "range"]
        case .outOfRange, .takesNumber: return ["name", "range", "value"]
        case .notAChoice: return ["choices", "name", "value"]
        case .takesChoice: return ["choices", "name"]
        case .unknown: return ["name", "settings"]
        case .idleWhenBidirectional: return ["name"]
        case .idleWithoutForgetGate: return ["name", "cell"]
        }
    }
}
