/// The lesson screen's frame: title bar, tabs, the prose panel.
public enum LessonKey: String, CaseIterable, Sendable {
    /// "RNN Lab › chapter › title"
    case titleBar
    /// "chapter › title": the title bar when the whole one does not fit beside the checks count.
    case titleBarShort
    /// "checks 1/3", at the right of the title bar.
    case checksCount
    case tabLesson
    case tabKnobs
    case tabChecks
    /// The prose panel's title.
    case prosePanel
    /// "page 2/6", in the prose panel's frame.
    case pageFooter
    /// The footer while the page goes on below the window.
    case pageFooterMore

    public var placeholders: Set<String> {
        switch self {
        case .titleBar, .titleBarShort: return ["chapter", "title"]
        case .checksCount: return ["done", "total"]
        case .pageFooter, .pageFooterMore: return ["page", "pages"]
        default: return []
        }
    }
}
