/// Guidance on the lesson screen: setting up a check, restoring the lesson's
/// defaults, progress toward the selected check, and the way on when a lesson is done.
public enum GuideKey: String, CaseIterable, Sendable {
    /// "lr 0.01→0.003", one change in a list.
    case change
    case setUp
    case setUpNothing
    case setUpMultiRun
    /// A check that trains on another task than the lesson's: only `v` can run it.
    case setUpOtherTask
    case defaultsRestored
    case defaultsAlready
    /// Progress toward the selected check: "now: accuracy 0.81, want > 0.95 · step 340 of 800".
    case progress
    case progressClause
    case progressNotYet
    case otherSettings
    case allMet
    case allMetLast

    public var placeholders: Set<String> {
        switch self {
        case .change: return ["name", "old", "value"]
        case .setUp: return ["check", "changes"]
        case .setUpNothing, .setUpMultiRun: return ["check"]
        case .setUpOtherTask: return ["check", "task"]
        case .defaultsRestored: return ["changes"]
        case .defaultsAlready, .otherSettings, .allMetLast: return []
        case .progress: return ["clauses", "step", "steps"]
        case .progressClause: return ["metric", "value", "op", "threshold"]
        case .progressNotYet: return ["metric"]
        case .allMet: return ["next"]
        }
    }
}
