/// The pace of training: the speed limit and counted runs (`[`, `]`, `n`).
public enum PaceKey: String, CaseIterable, Sendable {
    /// The status line's reading of a speed limit: "≤ 5/s".
    case limit
    /// The status message after `[` or `]`.
    case changed
    case changedFull
    /// The prompt of `n` and what it says when applied or refused.
    case prompt
    case counting
    case outOfRange
    case notANumber

    public var placeholders: Set<String> {
        switch self {
        case .limit, .changed: return ["rate"]
        case .prompt: return []
        case .counting: return ["steps"]
        case .outOfRange: return ["value", "low", "high"]
        case .notANumber: return ["value"]
        case .changedFull: return []
        }
    }
}
