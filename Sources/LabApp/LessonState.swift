import LabText
import RNNLab
import TerminalUI

/// Which part of the lesson screen takes the arrow keys.
public enum LessonFocus: Sendable, Equatable, CaseIterable {
    case prose, knobs, checks
}

/// A check running headlessly in the background: its id, steps taken over all
/// its runs, and the most it can take.
public struct Verification: Sendable, Equatable {
    public var check: String
    public var steps: Int
    public var budget: Int

    public init(check: String, steps: Int, budget: Int) {
        self.check = check
        self.steps = steps
        self.budget = budget
    }
}

/// Where the inspect cursor is: a panel of the dashboard, and a row and a
/// column of what it shows (unit and time step of a heatmap, screen column of a plot).
public struct InspectCursor: Sendable, Equatable {
    public var panel: PanelKind
    public var row: Int
    public var column: Int

    public init(panel: PanelKind, row: Int, column: Int) {
        self.panel = panel
        self.row = row
        self.column = column
    }
}

/// The state of the lesson screen: where the learner is in the prose, what
/// they are editing, and the live run.
public struct LessonState: Sendable {
    /// Index into ``AppState/lessons``.
    public var index: Int
    public var lesson: Lesson
    /// Prose page shown and its scroll offset.
    public var page = 0
    public var scroll = 0
    public var focus: LessonFocus = .prose
    public var selectedKnob = 0
    public var selectedCheck = 0
    /// The knob value being typed, when editing.
    public var editor: TextInput?
    /// The number of steps being typed after `n`, while its prompt is open.
    public var stepsPrompt: TextInput?
    /// The saved runs `O` offers, while its picker is open.
    public var loadPicker: LoadPicker?
    /// The last number of steps asked for with `n` (the prompt offers it again).
    public var countedSteps = 100
    /// How fast the trainer steps (`[` and `]`); full speed when a lesson opens.
    public var pace = Pace.full
    public var message: StatusMessage?
    /// The settings the learner asked for (the trainer's confirmed ones are in ``RunState/settings``).
    public var requested: [String: SettingValue]
    public var run: RunState
    /// The run of the lesson's `compare` settings, trained beside ``run``; nil without.
    public var companion: RunState?
    /// The inspect cursor (`i`): which panel it reads, and where.
    public var inspect: InspectCursor?
    /// The question before leaving the lesson (a verification or a long run would be lost), while it is asked.
    public var confirmingLeave = false
    /// A run kept as a reference (`c`), drawn beside the live one on the loss and metric plots.
    public var pinned: PinnedRun?
    /// The check verifying in the background (`v`), if any.
    public var verification: Verification?
    /// The verdicts of background verifications, by check id.
    public var verdicts: [String: CheckResult] = [:]
    /// Commands sent to the trainer and not yet confirmed (see ``PendingRequests``).
    public var pending = PendingRequests()
    /// The predict-then-run question, while its window is open (`Quiz.swift`).
    public var quiz: QuizState?
    /// Whether the question was offered on this visit (Space asks once).
    public var askedQuestion = false

    public init(index: Int, lesson: Lesson, settings: [String: SettingValue]) {
        self.index = index
        self.lesson = lesson
        self.requested = settings
        self.run = RunState(settings: settings)
        self.companion = lesson.compare.map { RunState(settings: settings.merging($0) { _, c in c }) }
    }

    /// The effects that send `command` to the trainer, and to the companion too
    /// when it should follow: play, pause, step, reset, and every setting except
    /// those the comparison is about. Roll-backs answer the main run's divergence only.
    public func commands(_ command: TrainerCommand) -> [AppEffect] {
        guard companion != nil, let compare = lesson.compare else { return [.send(command)] }
        switch command {
        case .set(let name, _) where compare[name] != nil: return [.send(command)]
        case .rollBack, .lowerLearningRate: return [.send(command)]
        default: return [.send(command), .sendCompanion(command)]
        }
    }

    /// The plan of a trainer for this lesson with `settings`: what the checks need
    /// (``Lesson/runPlan(settings:)``) and what the shown panels measure.
    public func runPlan(settings: [String: SettingValue]) -> RunPlan {
        var plan = lesson.runPlan(settings: settings)
        plan.measurements = measurements
        return plan
    }

    /// The knob with the selection, if the lesson has knobs.
    public var currentKnob: LessonKnob? {
        lesson.knobs.indices.contains(selectedKnob) ? lesson.knobs[selectedKnob] : nil
    }

    /// Why `knob` does nothing to the lesson's run now (``SettingRelevance``),
    /// judged on the values asked for; nil when it acts. When it acts only on
    /// the compare run, which it reaches unless the comparison is about it
    /// (lesson 7's go_backwards beside a one-way GRU), that is the note.
    func idleReason(of knob: LessonKnob) -> Phrase? {
        var own = lesson.settings.merging(run.settings) { $1 }
        own.merge(requested) { $1 }
        guard let reason = SettingRelevance.idleReason(knob.name, in: own) else { return nil }
        if let companion, lesson.compare?[knob.name] == nil {
            var theirs = companion.settings
            theirs[knob.name] = own[knob.name]
            if SettingRelevance.idleReason(knob.name, in: theirs) == nil {
                return Phrase(.knobs(.onlyCompare), ["knob": .text(knob.name)])
            }
        }
        return reason
    }

    /// The value a knob has now: the trainer's, else the requested one, else the lesson's.
    public func value(of knob: LessonKnob) -> SettingValue {
        run.settings[knob.name] ?? requested[knob.name] ?? lesson.settings[knob.name] ?? knob.definition.defaultValue
    }
}
