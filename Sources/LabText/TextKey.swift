/// Names one message of the catalogue. Messages are grouped by the screen that
/// shows them, one enum per group (`Keys/`), so a key reads `.home(.welcome)`.
///
/// Every key declares the placeholders its text uses (`placeholders`); the
/// tests check every language's text against that list, both ways.
public enum TextKey: Hashable, Sendable {
    case common(CommonKey)
    case home(HomeKey)
    case lesson(LessonKey)
    case checks(ChecksKey)
    case knobs(KnobsKey)
    case keys(KeyMapKey)
    case status(StatusKey)
    case cli(CLIKey)
    case panel(PanelKey)
    case dashboard(DashboardKey)

    /// Every key of every group.
    public static var allCases: [TextKey] {
        CommonKey.allCases.map(TextKey.common) + HomeKey.allCases.map(TextKey.home)
            + LessonKey.allCases.map(TextKey.lesson) + ChecksKey.allCases.map(TextKey.checks)
            + KnobsKey.allCases.map(TextKey.knobs) + KeyMapKey.allCases.map(TextKey.keys)
            + StatusKey.allCases.map(TextKey.status) + CLIKey.allCases.map(TextKey.cli)
            + PanelKey.allCases.map(TextKey.panel) + DashboardKey.allCases.map(TextKey.dashboard)
    }

    /// The names this key's text must use, each at least once: `lesson` for `{lesson}`.
    public var placeholders: Set<String> {
        switch self {
        case .common(let k): return k.placeholders
        case .home(let k): return k.placeholders
        case .lesson(let k): return k.placeholders
        case .checks(let k): return k.placeholders
        case .knobs(let k): return k.placeholders
        case .keys: return []
        case .status(let k): return k.placeholders
        case .cli(let k): return k.placeholders
        case .panel(let k): return k.placeholders
        case .dashboard(let k): return k.placeholders
        }
    }

    /// A stable name for messages and translators: `home.welcome`.
    public var id: String {
        switch self {
        case .common(let k): return "common." + k.rawValue
        case .home(let k): return "home." + k.rawValue
        case .lesson(let k): return "lesson." + k.rawValue
        case .checks(let k): return "checks." + k.rawValue
        case .knobs(let k): return "knobs." + k.rawValue
        case .keys(let k): return "keys." + k.rawValue
        case .status(let k): return "status." + k.rawValue
        case .cli(let k): return "cli." + k.rawValue
        case .panel(let k): return "panel." + k.rawValue
        case .dashboard(let k): return "dashboard." + k.rawValue
        }
    }
}
