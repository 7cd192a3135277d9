/// How a list of names is joined, so each language has its own separator.
public enum ListKey: String, CaseIterable, Sendable {
    /// A list of two or more: the first item, then the rest (itself a list).
    case pair

    public var placeholders: Set<String> {
        switch self {
        case .pair: return ["first", "rest"]
        }
    }
}
