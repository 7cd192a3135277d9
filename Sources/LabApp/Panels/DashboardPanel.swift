import LabText
import RNNLab
import TerminalUI

/// One panel of the live dashboard: the loss curve, a heatmap, the
/// predictions… Each lives in its own file in `Panels/` and is listed once in
/// ``PanelRegistry``; the dashboard lays out whatever the lesson names by
/// asking the panels, and knows none of them.
///
/// A panel draws only inside the rectangle it is given (the panel tests check
/// this at every size) and copes with any size, 0×0 included.
protocol DashboardPanel: Sendable {
    /// Its name in a lesson file's `panels:` list.
    var id: PanelKind { get }
    /// Which band of the dashboard it goes in.
    var placement: PanelPlacement { get }
    /// The trainer's probes it reads (`gradient_norms`, `hidden`, `gates`,
    /// `cell`, `parameter_gradients`, `spectral_radius`, `attention`).
    var probes: Set<ProbeID> { get }
    /// What the experiment must measure at each evaluation for it (names of
    /// `Measurement` metrics such as `rtrl_difference`).
    var measurements: Set<String> { get }
    /// Its part of the band's width when other panels share the band.
    var width: Constraint { get }
    /// Its heading for the state shown.
    func title(_ context: PanelContext) -> String
    /// Its heading and shorter forms of it, longest first, for narrow panels
    /// (``heading(_:width:)`` takes the first that fits).
    func titles(_ context: PanelContext) -> [String]
    /// The rows it needs and would like for the state shown.
    func rows(_ context: PanelContext) -> PanelRows
    /// Draws the panel into `area` of `buffer`.
    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer)
    /// What the inspect cursor reads in the panel drawn in `area` (`Inspection.swift`); nil: nothing to read.
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection?
}

extension DashboardPanel {
    var probes: Set<ProbeID> { [] }
    var measurements: Set<String> { [] }
    var width: Constraint { .min(1) }
    func rows(_ context: PanelContext) -> PanelRows { PanelRows() }
    func titles(_ context: PanelContext) -> [String] { [title(context)] }
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? { nil }
}

extension DashboardPanel {
    /// The heading drawn `width` columns wide: the longest of ``titles(_:)`` that fits.
    func heading(_ context: PanelContext, width: Int, unicode: Bool = true) -> String {
        fittingTitle(titles(context), width: width, unicode: unicode)
    }
}

/// The three bands of the dashboard, top to bottom.
enum PanelPlacement: Sendable, CaseIterable {
    /// The main plot, across the top; it takes the rows the others leave.
    case main
    /// Panels side by side in the middle band, about half the height.
    case row
    /// A strip across the bottom, as tall as its panels would like (up to a third).
    case footer
}

/// The rows a panel needs (`minimum`) and would like (`preferred`, nil: no preference).
struct PanelRows: Sendable, Equatable {
    var minimum = 0
    var preferred: Int?
}

/// What a panel reads when it draws: the open lesson, its runs, and the
/// language the frame is written in (``AppState/language``).
struct PanelContext: Sendable {
    var lesson: Lesson
    /// The lesson's run.
    var run: RunState
    /// The run of the lesson's `compare` settings, if it has one.
    var companion: RunState?
    /// The run pinned as a reference (`c`), if any.
    var pinned: PinnedRun?
    /// Every text a panel draws comes from this table.
    var language: Language
    /// The verdicts of background verifications (`v`), by check id.
    var verdicts: [String: CheckResult]
    /// The id of the check selected in the checks list, if any.
    var selectedCheck: String?

    init(lesson: Lesson, run: RunState, companion: RunState? = nil, pinned: PinnedRun? = nil, language: Language,
         verdicts: [String: CheckResult] = [:], selectedCheck: String? = nil) {
        self.lesson = lesson
        self.run = run
        self.companion = companion
        self.pinned = pinned
        self.language = language
        self.verdicts = verdicts
        self.selectedCheck = selectedCheck
    }

    init(_ state: LessonState, language: Language) {
        let selected = state.lesson.checks.indices.contains(state.selectedCheck) ? state.lesson.checks[state.selectedCheck].id : nil
        self.init(lesson: state.lesson, run: state.run, companion: state.companion, pinned: state.pinned, language: language,
                  verdicts: state.verdicts, selectedCheck: selected)
    }

    /// The pinned run's legend entry: "pinned lr 0.003", by the settings that
    /// differ from the live run's: up to three of them, fewer when the entry
    /// (with its line glyph) would be wider than `width` columns.
    func pinnedName(_ pin: PinnedRun, width: Int = .max) -> String {
        var name = ""
        for limit in stride(from: 3, through: 1, by: -1) {
            name = language(.explore(.pinnedSeries), ["label": .phrase(pin.label(against: run.settings, limit: limit))])
            if 3 + name.displayWidth <= width { break }
        }
        return name
    }

    /// A panel's text: `context.text(.waitingForProbes)`.
    func text(_ key: PanelKey, _ arguments: [String: TextArgument] = [:]) -> String {
        language(.panel(key), arguments)
    }
}
