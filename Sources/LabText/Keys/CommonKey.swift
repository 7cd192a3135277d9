/// Messages shared by several screens: separators and the too-small screen.
public enum CommonKey: String, CaseIterable, Sendable {
    /// Between the items of a list of names: "a, b".
    case listSeparator
    /// Between the items of a list of problems: "a; b".
    case problemSeparator
    /// Between the parts of a summary line: "a · b".
    case partSeparator
    case tooSmallTitle
    case tooSmallSize
    case tooSmallAction
    /// A line plot with nothing to draw.
    case plotNoData
    /// In a plot's legend, after a series name: how many of its values could not be drawn.
    case plotSkipped

    public var placeholders: Set<String> {
        switch self {
        case .tooSmallSize: return ["width", "height", "minWidth", "minHeight"]
        case .plotSkipped: return ["count"]
        default: return []
        }
    }
}
