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
    // The lab core (RNNLab) and the command line's output: English+Lab.swift.
    case list(ListKey)
    case setting(SettingKey)
    case lessonFile(LessonFileKey)
    case check(CheckKey)
    case data(DataKey)
    case run(RunKey)
    case command(CommandKey)
    case store(StoreKey)
    case label(LabelKey)
    case panel(PanelKey)
    case dashboard(DashboardKey)
    // Summaries, tasks, baselines, key names, engine refusals: English+Tasks.swift.
    case settingSummary(SettingSummaryKey)
    case knobSummary(KnobSummaryKey)
    case task(TaskKey)
    case baseline(BaselineKey)
    case keyName(KeyNameKey)
    case engineError(EngineErrorKey)
    case teach(TeachKey)
    case gate(GateKey)
    case pace(PaceKey)
    case guide(GuideKey)
    case export(ExportKey)
    case explore(ExploreKey)
    // Choosing the language, and lesson translations: English+Language.swift.
    case language(LanguageKey)

    /// Every key of every group.
    public static var allCases: [TextKey] {
        CommonKey.allCases.map(TextKey.common) + HomeKey.allCases.map(TextKey.home)
            + LessonKey.allCases.map(TextKey.lesson) + ChecksKey.allCases.map(TextKey.checks)
            + KnobsKey.allCases.map(TextKey.knobs) + KeyMapKey.allCases.map(TextKey.keys)
            + StatusKey.allCases.map(TextKey.status) + CLIKey.allCases.map(TextKey.cli)
            + ListKey.allCases.map(TextKey.list) + SettingKey.allCases.map(TextKey.setting)
            + LessonFileKey.allCases.map(TextKey.lessonFile) + CheckKey.allCases.map(TextKey.check)
            + DataKey.allCases.map(TextKey.data) + RunKey.allCases.map(TextKey.run)
            + CommandKey.allCases.map(TextKey.command) + StoreKey.allCases.map(TextKey.store)
            + LabelKey.allCases.map(TextKey.label)
            + PanelKey.allCases.map(TextKey.panel) + DashboardKey.allCases.map(TextKey.dashboard)
            + SettingSummaryKey.allCases.map(TextKey.settingSummary) + KnobSummaryKey.allCases.map(TextKey.knobSummary)
            + TaskKey.allCases.map(TextKey.task) + BaselineKey.allCases.map(TextKey.baseline)
            + KeyNameKey.allCases.map(TextKey.keyName) + EngineErrorKey.allCases.map(TextKey.engineError)
            + TeachKey.allCases.map(TextKey.teach) + GateKey.allCases.map(TextKey.gate)
            + PaceKey.allCases.map(TextKey.pace) + GuideKey.allCases.map(TextKey.guide)
            + ExportKey.allCases.map(TextKey.export)
            + ExploreKey.allCases.map(TextKey.explore)
            + LanguageKey.allCases.map(TextKey.language)
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
        case .list(let k): return k.placeholders
        case .setting(let k): return k.placeholders
        case .lessonFile(let k): return k.placeholders
        case .check(let k): return k.placeholders
        case .data(let k): return k.placeholders
        case .run(let k): return k.placeholders
        case .command(let k): return k.placeholders
        case .store(let k): return k.placeholders
        case .label(let k): return k.placeholders
        case .panel(let k): return k.placeholders
        case .dashboard(let k): return k.placeholders
        case .settingSummary, .knobSummary, .keyName: return []
        case .task(let k): return k.placeholders
        case .baseline(let k): return k.placeholders
        case .engineError(let k): return k.placeholders
        case .teach(let k): return k.placeholders
        case .gate(let k): return k.placeholders
        case .pace(let k): return k.placeholders
        case .guide(let k): return k.placeholders
        case .export(let k): return k.placeholders
        case .explore(let k): return k.placeholders
        case .language(let k): return k.placeholders
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
        case .list(let k): return "list." + k.rawValue
        case .setting(let k): return "setting." + k.rawValue
        case .lessonFile(let k): return "lessonFile." + k.rawValue
        case .check(let k): return "check." + k.rawValue
        case .data(let k): return "data." + k.rawValue
        case .run(let k): return "run." + k.rawValue
        case .command(let k): return "command." + k.rawValue
        case .store(let k): return "store." + k.rawValue
        case .label(let k): return "label." + k.rawValue
        case .panel(let k): return "panel." + k.rawValue
        case .dashboard(let k): return "dashboard." + k.rawValue
        case .settingSummary(let k): return "settingSummary." + k.rawValue
        case .knobSummary(let k): return "knobSummary." + k.rawValue
        case .task(let k): return "task." + k.rawValue
        case .baseline(let k): return "baseline." + k.rawValue
        case .keyName(let k): return "keyName." + k.rawValue
        case .engineError(let k): return "engineError." + k.rawValue
        case .teach(let k): return "teach." + k.rawValue
        case .gate(let k): return "gate." + k.rawValue
        case .pace(let k): return "pace." + k.rawValue
        case .guide(let k): return "guide." + k.rawValue
        case .export(let k): return "export." + k.rawValue
        case .explore(let k): return "explore." + k.rawValue
        case .language(let k): return "language." + k.rawValue
        }
    }
}
