import Foundation
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
    /// a log scale, the next choice for choices, and on a linear scale the next
    /// point of a round grid (see ``gridStep``) — 0.5 and 1 for a spectral radius,
    /// 0 and 1 for a forget bias, which the lessons name. A value off the grid
    /// (typed) moves to the grid point beside it.
    public func nudge(_ value: SettingValue, by direction: Int) -> SettingValue {
        switch (definition.kind, value) {
        case let (.choice(names), .choice(c)):
            let i = names.firstIndex(of: c) ?? 0
            return .choice(names[max(0, min(names.count - 1, i + direction))])
        case let (.integer(r), .number(v)):
            let step = scale == .log ? max(1, (v * (direction > 0 ? 1 : 0.5)).rounded()) : gridStep
            let next = scale == .log ? v + Double(direction) * step : Self.gridPoint(after: v, step: step, direction: direction)
            return .number(min(r.upperBound, max(r.lowerBound, next)))
        case let (.real(r), .number(v)):
            if scale == .log {
                let next = v <= 0 ? r.lowerBound : (direction > 0 ? v * 2 : v / 2)
                return .number(min(r.upperBound, max(r.lowerBound, next)))
            }
            return .number(min(r.upperBound, max(r.lowerBound, Self.gridPoint(after: v, step: gridStep, direction: direction))))
        default:
            return value
        }
    }

    /// The linear grid's spacing: the largest 1, 2 or 5 × 10ⁿ within a
    /// twentieth of the range (1 at least for whole numbers). A seed names a
    /// run rather than measuring anything, so it steps by 1.
    public var gridStep: Double {
        let range: ClosedRange<Double>
        switch definition.kind {
        case .integer(let r): range = r
        case .real(let r): range = r
        case .choice: return 1
        }
        let whole: Bool
        if case .integer = definition.kind { whole = true } else { whole = false }
        if whole && name == "seed" { return 1 }
        let raw = (range.upperBound - range.lowerBound) / 20
        guard raw > 0, raw.isFinite else { return 1 }
        let exponent = Int(Foundation.floor(Foundation.log10(raw)))
        let scaled = raw / Foundation.pow(10, Double(exponent)) * (1 + 1e-9)  // in [1, 10)
        let step = Self.decimal(scaled >= 5 ? 5 : scaled >= 2 ? 2 : 1, exponent)
        return whole ? max(1, step.rounded()) : step
    }

    /// The grid point next to `v` in `direction`: k·step with no float dust (0.3, not 0.30000000000000004).
    static func gridPoint(after v: Double, step: Double, direction: Int) -> Double {
        var q = v / step
        if Swift.abs(q - q.rounded()) < 1e-6 { q = q.rounded() }  // 1.5 / 0.1 is 15.000000000000002
        let k = direction > 0 ? Foundation.floor(q) + 1 : Foundation.ceil(q) - 1
        // step is m·10ⁿ: multiply whole numbers, then scale by the power of ten once.
        let exponent = Int(Foundation.floor(Foundation.log10(step) + 1e-9))
        let mantissa = (step / Foundation.pow(10, Double(exponent))).rounded()
        return decimal(k * mantissa, exponent)
    }

    /// m · 10ⁿ, divided rather than multiplied for a negative n so 3 · 10⁻¹ is 0.3 exactly as typed.
    static func decimal(_ m: Double, _ n: Int) -> Double {
        n >= 0 ? m * Foundation.pow(10, Double(n)) : m / Foundation.pow(10, Double(-n))
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
