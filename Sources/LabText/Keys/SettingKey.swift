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

    public var placeholders: Set<String> {
        switch self {
        case .range: return ["high", "low"]
        case .notWhole: return ["name", "range"]
        case .outOfRange, .takesNumber: return ["name", "range", "value"]
        case .notAChoice: return ["choices", "name", "value"]
        case .takesChoice: return ["choices", "name"]
        case .unknown: return ["name", "settings"]
        }
    }
}
