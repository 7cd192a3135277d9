import LabText
import RNNEngine

/// A lesson: prose pages, and an experiment the learner runs and tunes, with
/// claims the learner is asked to reproduce. Read from `lessons/NN-name.md`.
public struct Lesson: Sendable {
    public var id: String
    public var title: String
    /// "1. Foundations": lessons are grouped by chapter on the home screen.
    public var chapter: String
    public var summary: String
    /// The file it came from.
    public var file: String
    /// The task or data set, by its `TaskCatalog` name.
    public var task: String
    /// Every setting the experiment starts from (the experiment's own and the task's knobs).
    public var settings: [String: SettingValue]
    /// The settings the learner may change, with the ranges the lesson allows.
    public var knobs: [LessonKnob]
    public var panels: [PanelKind]
    public var checks: [LessonCheck]
    /// Markdown pages, in order.
    public var pages: [String]
    /// Settings for a second run trained beside the first, on the same task and
    /// seed (`compare: {cell: lstm}`); the learner's other changes apply to both.
    public var compare: [String: SettingValue]? = nil
    /// The predict-then-run question and the misconception box (`LessonTeaching.swift`).
    public var question: LessonQuestion? = nil
    public var misconception: LessonMisconception? = nil
    /// Results from elsewhere the lesson quotes beside its runs (`references:`).
    public var references: [LessonReference] = []
    /// The line of `id:` in its file, for messages about the id.
    public var idLine: Int = 1
    /// Knobs named in the file that were refused (only `LessonParser.check` returns
    /// such a lesson), so lint does not also call their settings unreachable.
    var refusedKnobs: Set<String> = []

    /// A setting's value as a number (0 if absent or not a number).
    public func number(_ name: String) -> Double { settings[name]?.number ?? 0 }

    /// The metrics this lesson's checks name, which the experiment must produce
    /// (see `Experiment.measurements`). The live lab adds what its panels need.
    public var measurementNames: Set<String> { Set(checks.flatMap(\.measuredMetrics)) }
}

/// A setting the learner may change in the knob panel.
public struct LessonKnob: Sendable {
    public enum Scale: String, Sendable { case linear, log }
    public var name: String
    /// The lesson's own summary (lesson content, shown as written), or else the
    /// setting's catalogue summary.
    public var summary: Phrase
    /// The allowed values (a range within the setting's own, or choices).
    public var definition: SettingDefinition
    public var scale: Scale
    public var effect: SettingEffect { definition.effect }

    /// The value one notch up or down from `value` (←/→ in the knob panel): ×/÷ 2 on
    /// a log scale, 1/20 of the range on a linear one, the next choice for choices.
    public func nudge(_ value: SettingValue, by direction: Int) -> SettingValue {
        switch (definition.kind, value) {
        case let (.choice(names), .choice(c)):
            let i = names.firstIndex(of: c) ?? 0
            return .choice(names[max(0, min(names.count - 1, i + direction))])
        case let (.integer(r), .number(v)):
            let step = scale == .log ? max(1, (v * (direction > 0 ? 1 : 0.5)).rounded()) : max(1, ((r.upperBound - r.lowerBound) / 20).rounded())
            return .number(min(r.upperBound, max(r.lowerBound, v + Double(direction) * step)))
        case let (.real(r), .number(v)):
            if scale == .log {
                let next = v <= 0 ? r.lowerBound : (direction > 0 ? v * 2 : v / 2)
                return .number(min(r.upperBound, max(r.lowerBound, next)))
            }
            let step = (r.upperBound - r.lowerBound) / 20
            return .number(min(r.upperBound, max(r.lowerBound, v + Double(direction) * step)))
        default:
            return value
        }
    }
}

/// The names a lesson may list in `panels:`, which the parser accepts. Each is
/// drawn by the LabApp panel registered under it (`PanelRegistry`), whose file
/// says what it shows; a test there checks that every name has its panel.
public enum PanelKind: String, Sendable, CaseIterable {
    case loss
    case gradientNorms = "gradient_norms"
    case hiddenHeatmap = "hidden_heatmap"
    case gatesHeatmap = "gates_heatmap"
    case cellHeatmap = "cell_heatmap"
    case predictions
    case parameterGradients = "parameter_gradients"
    case attention
    case gradientHistory = "gradient_history"
    case metric
    case rtrl
    case compare
    case accuracyByLength = "accuracy_by_length"
    case treeStates = "tree_states"
    case forecast
    case lossGap = "loss_gap"
    case confusion
    case seedDots = "seed_dots"
    case textSamples = "text_samples"
    case activationStrip = "activation_strip"
    case rowReading = "row_reading"
    case directions
    case accuracyByDepth = "accuracy_by_depth"
}

/// A claim the learner is asked to reproduce, and the headless test of it.
public struct LessonCheck: Sendable {
    public enum When: String, Sendable {
        /// Holds at some validation point within `steps`.
        case any
        /// Holds at the end of the run.
        case end
    }
    public var id: String
    public var title: String
    /// Settings for this check's run, over the lesson's own.
    public var set: [String: SettingValue]
    public var steps: Int
    public var expect: CheckCondition
    public var when: When
    public var hint: String
    /// The line of the check in its file, for messages.
    public var line: Int
    /// Runs the check once per seed and judges the mean of each metric; empty: one run
    /// at the lesson's seed.
    public var seeds: [Int] = []
    /// A second arm: the same runs with these settings over the check's, whose mean
    /// metrics the condition names as `versus_<metric>`.
    public var versus: [String: SettingValue]? = nil
    /// Each run stops at the first evaluation where this holds; `reached_at` is that
    /// step (the step budget if it never held) and `reached` 1 or 0.
    public var until: CheckCondition? = nil
    /// The task the check trains on when it is not the lesson's (`task: dates`); nil:
    /// the lesson's. Such a check is never judged on the live run, whose task is the lesson's.
    public var task: String? = nil
    /// The line of the check's `id:`.
    public var idLine: Int = 0
    /// The line of each of the check's keys (`set`, `expect`, `hint`, …), for messages.
    public var keyLines: [String: Int] = [:]

    /// The metrics each run must produce: those its conditions name, `versus_` dropped.
    public var measuredMetrics: [String] {
        (expect.metricNames + (until?.metricNames ?? [])).map { $0.hasPrefix("versus_") ? String($0.dropFirst(7)) : $0 }
    }

    /// The task the check's runs train on.
    public func taskName(in lesson: Lesson) -> String { task ?? lesson.task }

    /// Whether the check compares several runs, so one live run cannot judge it.
    public var isMultiRun: Bool { seeds.count > 1 || versus != nil }
    /// The most training steps the check can take: steps × seeds × arms.
    public var stepBudget: Int { steps * max(1, seeds.count) * (versus == nil ? 1 : 2) }
}

/// Why something was refused: a message of the catalogue (``Phrase``), written
/// in the learner's language where it is shown.
public struct Reason: Error, Sendable, Equatable, CustomStringConvertible {
    /// What to say, in any language.
    public var phrase: Phrase
    public init(_ phrase: Phrase) { self.phrase = phrase }
    public init(_ key: TextKey, _ arguments: [String: TextArgument] = [:]) { phrase = Phrase(key, arguments) }
    /// For text that is not the lab's own sentence (a system error's words).
    @available(*, deprecated, message: "give the sentence a key in LabText (Keys/) and use init(_:_:)")
    public init(_ message: String) { phrase = .verbatim(message) }
    /// The message in English (logs, tests, `description`).
    public var message: String { Language.english.render(phrase) }
    public var description: String { message }

    /// Two reasons are the same when they say the same thing.
    public static func == (a: Reason, b: Reason) -> Bool { a.message == b.message }
}
