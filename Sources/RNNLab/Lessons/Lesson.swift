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

    /// A setting's value as a number (0 if absent or not a number).
    public func number(_ name: String) -> Double { settings[name]?.number ?? 0 }
}

/// A setting the learner may change in the knob panel.
public struct LessonKnob: Sendable {
    public enum Scale: String, Sendable { case linear, log }
    public var name: String
    public var summary: String
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

/// What a panel of the dashboard shows.
public enum PanelKind: String, Sendable, CaseIterable {
    case loss
    case gradientNorms = "gradient_norms"
    case hiddenHeatmap = "hidden_heatmap"
    case gatesHeatmap = "gates_heatmap"
    case cellHeatmap = "cell_heatmap"
    case predictions
    case parameterGradients = "parameter_gradients"
    /// Seq2seq: attention weights, output step × source step, beside the decoded output.
    case attention
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
}

/// `metric op number`, joined by `and`: "validation_loss < 0.01 and solved > 0.9".
public struct CheckCondition: Sendable, CustomStringConvertible {
    public struct Clause: Sendable {
        public var metric: String
        public var op: String
        public var value: Double
    }
    public var clauses: [Clause]

    public static let operators = ["<=", ">=", "<", ">", "=="]

    /// Parses the condition; nil with a reason when it is malformed.
    public static func parse(_ text: String) -> Result<CheckCondition, Reason> {
        var clauses: [Clause] = []
        for part in text.components(separatedBy: " and ") {
            let words = part.split(separator: " ").map(String.init)
            guard words.count == 3, operators.contains(words[1]), let v = Double(words[2]) else {
                return .failure(Reason("a condition is `metric op number` (op: \(operators.joined(separator: " "))), joined by `and`; got \"\(part)\""))
            }
            clauses.append(Clause(metric: words[0], op: words[1], value: v))
        }
        return clauses.isEmpty ? .failure(Reason("empty condition")) : .success(CheckCondition(clauses: clauses))
    }

    /// Whether every clause holds for `metrics`; a missing metric is reported by name.
    public func evaluate(_ metrics: [String: Double]) -> Result<Bool, Reason> {
        for c in clauses {
            guard let v = metrics[c.metric] else {
                return .failure(Reason("no metric \(c.metric) (available: \(metrics.keys.sorted().joined(separator: ", ")))"))
            }
            let holds: Bool
            switch c.op {
            case "<": holds = v < c.value
            case "<=": holds = v <= c.value
            case ">": holds = v > c.value
            case ">=": holds = v >= c.value
            default: holds = v == c.value
            }
            if !holds { return .success(false) }
        }
        return .success(true)
    }

    public var description: String {
        clauses.map { "\($0.metric) \($0.op) \(SettingValue.format($0.value))" }.joined(separator: " and ")
    }
}

/// Why something was refused, in words for the learner.
public struct Reason: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
