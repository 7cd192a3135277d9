/// The home screen: the list of lessons.
public enum HomeKey: String, CaseIterable, Sendable {
    case title
    /// "6 lessons · 3/18 checks met"
    case summary
    case welcome
    /// Lesson files that did not load, and why to ask `rnnlab lint`.
    case problems
    case noLessons
    /// A lesson's row: "1/3 checks".
    case lessonChecks
    /// A lesson's row with every check met.
    case lessonChecksAll

    public var placeholders: Set<String> {
        switch self {
        case .summary: return ["lessons", "done", "total"]
        case .problems: return ["count", "files"]
        case .lessonChecks, .lessonChecksAll: return ["done", "total"]
        default: return []
        }
    }
}
