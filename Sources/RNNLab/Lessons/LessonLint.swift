import LabText
import Foundation

/// What `rnnlab lint` checks beyond what every reader of a lesson refuses
/// (`LessonParser.check`): that each check can be judged and followed.
///
/// - every metric a condition names exists for the check's task, model and form
///   (`CheckVocabulary`);
/// - no clause can never hold or always hold (`> nan`, `< inf`, `accuracy > 1`);
/// - the check's `set:` and `versus:` values, and values its hint asks for
///   (`hidden to 8`, `spectral_radius=0`, `forget_bias 1`), are settings the
///   learner can reach with the lesson's knobs.
public enum LessonLint {
    /// What a task yields, as the caller could learn it (nil: the task could not be
    /// built, e.g. a data set is missing; then any task metric is accepted).
    public struct TaskFacts {
        public var metrics: [MetricKind]
        public var kind: TaskKind
        public var hasMarker: Bool
        public init(metrics: [MetricKind], kind: TaskKind, hasMarker: Bool) {
            self.metrics = metrics
            self.kind = kind
            self.hasMarker = hasMarker
        }
    }

    /// The facts of the lesson's task at the lesson's settings, built for real.
    public static func facts(_ lesson: Lesson, dataDirectory: DataDirectory = .resolve()) -> Result<TaskFacts, Reason> {
        facts(task: lesson.task, settings: lesson.settings, dataDirectory: dataDirectory)
    }

    /// The facts of `task` at the task knobs among `settings` (the others at their defaults).
    public static func facts(task name: String, settings: [String: SettingValue],
                             dataDirectory: DataDirectory = .resolve()) -> Result<TaskFacts, Reason> {
        let knobs = TaskCatalog.entry(named: name)?.knobs.map(\.name) ?? []
        var values: [String: Double] = [:]
        for k in knobs { if let v = settings[k]?.number { values[k] = v } }
        do {
            let task = try TaskCatalog.make(name, knobs: values, dataDirectory: dataDirectory)
            return .success(TaskFacts(metrics: task.metricKinds, kind: task.kind, hasMarker: task.markerFeature != nil))
        } catch {
            return .failure(Reason(Phrase.describing(error)))
        }
    }

    /// Every problem of `lesson`'s checks, each at its line. A check on another task
    /// (`task:`) is judged against the facts of that task, built at the check's
    /// settings from `dataDirectory` (when it cannot be built, no task metric is known).
    public static func problems(_ lesson: Lesson, task: TaskFacts, dataDirectory: DataDirectory = .resolve()) -> [LessonError] {
        var out: [LessonError] = []
        func report(_ check: LessonCheck, _ line: Int, _ key: CheckKey, _ arguments: [String: TextArgument]) {
            out.append(LessonError(file: lesson.file, line: line, Phrase(.check(key), arguments.merging(["check": .text(check.id)]) { a, _ in a })))
        }
        for check in lesson.checks {
            let facts = check.task == nil ? task
                : try? self.facts(task: check.taskName(in: lesson), settings: CheckEligibility.settings(of: check, in: lesson),
                                  dataDirectory: dataDirectory).get()
            let vocabulary = CheckVocabulary(lesson: lesson, check: check, taskMetrics: facts?.metrics ?? [], taskKind: facts?.kind ?? task.kind,
                                             hasMarker: facts?.hasMarker ?? false)
            for (key, condition) in [("expect", check.expect), ("until", check.until)] {
                guard let condition else { continue }
                let line = check.keyLines[key] ?? check.line
                for name in condition.metricNames {
                    if let why = vocabulary.problem(name, inUntil: key == "until") { report(check, line, .inCheck, ["problem": .phrase(why)]) }
                }
                for clause in condition.clauses {
                    if let why = vacuity(clause, vocabulary) {
                        report(check, line, .clauseInCheck, ["clause": .text("\(clause.metric) \(clause.op) \(clause.rhsDescription)"), "problem": .phrase(why)])
                    }
                }
            }
            for (key, values) in [("set", check.set), ("versus", check.versus ?? [:])] {
                for name in values.keys.sorted() {
                    if let why = unreachable(name, values[name]!, lesson) {
                        report(check, check.keyLines[key] ?? check.line, .keyInCheck, ["key": .text(key), "problem": .phrase(why)])
                    }
                }
            }
            for (name, value) in hintValues(check.hint, lesson) {
                if let why = unreachable(name, value, lesson) { report(check, check.keyLines["hint"] ?? check.line, .hintInCheck, ["problem": .phrase(why)]) }
            }
        }
        return out
    }

    /// Why `clause` can never hold or always holds, or nil.
    static func vacuity(_ clause: CheckCondition.Clause, _ vocabulary: CheckVocabulary) -> Phrase? {
        let threshold: Double
        switch clause.rhs {
        case .number(let v): threshold = v
        case .metric(_, let factor, let offset):
            return factor.isNaN || offset.isNaN ? Phrase(.check(.neverNaN)) : nil
        }
        if threshold.isNaN { return Phrase(.check(.neverNaN)) }
        guard let range = vocabulary.kinds[clause.metric]?.range else { return nil }
        let (lo, hi) = (range.lowerBound, range.upperBound)
        let what: [String: TextArgument] = ["metric": .text(clause.metric), "range": SettingDefinition.range(lo...hi)]
        let never: Bool, always: Bool
        switch clause.op {
        case .greater: (never, always) = (threshold >= hi, threshold < lo)
        case .greaterOrEqual: (never, always) = (threshold > hi, threshold <= lo)
        case .less: (never, always) = (threshold <= lo, threshold > hi)
        case .lessOrEqual: (never, always) = (threshold < lo, threshold >= hi)
        case .equal: (never, always) = (!range.contains(threshold), lo == hi && threshold == lo)
        }
        if never { return threshold.isInfinite ? Phrase(.check(.neverInfinite)) : Phrase(.check(.neverInRange), what) }
        if always { return threshold.isInfinite ? Phrase(.check(.alwaysInfinite)) : Phrase(.check(.alwaysInRange), what) }
        return nil
    }

    /// Why a learner cannot set `name` to `value` with the lesson's knobs, or nil.
    static func unreachable(_ name: String, _ value: SettingValue, _ lesson: Lesson) -> Phrase? {
        if lesson.refusedKnobs.contains(name) { return nil }  // its knob is already reported
        guard let knob = lesson.knobs.first(where: { $0.name == name }) else {
            if lesson.settings[name] == value { return nil }  // the lesson's own value: nothing to change
            return Phrase(.check(.notAKnob), ["name": .text(name), "value": .text(value.description)])
        }
        guard let reason = knob.definition.refusal(value) else { return nil }
        return Phrase(.check(.knobRefuses), ["reason": .phrase(reason), "name": .text(name)])
    }

    /// Settings a hint names with a value: `name=value`, `name = value`,
    /// `name to value` and `name value`, for the lesson's knobs. A choice is taken
    /// only after `to` or `=` ("cell state" is prose, "cell to gru" is a setting).
    static func hintValues(_ hint: String, _ lesson: Lesson) -> [(String, SettingValue)] {
        var words: [String] = []
        for raw in hint.split(whereSeparator: { $0 == " " }) {
            let w = String(raw).trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?()\"'"))
            if let eq = w.firstIndex(of: "="), eq != w.startIndex, w.index(after: eq) != w.endIndex {
                words += [String(w[..<eq]), "=", String(w[w.index(after: eq)...])]
            } else if !w.isEmpty {
                words.append(w)
            }
        }
        var out: [(String, SettingValue)] = []
        for (i, w) in words.enumerated() {
            guard let knob = lesson.knobs.first(where: { $0.name == w }), i + 1 < words.count else { continue }
            let linked = words[i + 1] == "to" || words[i + 1] == "="
            let j = linked ? i + 2 : i + 1
            guard j < words.count else { continue }
            let candidate = words[j]
            if case .choice = knob.definition.kind {
                if linked, candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { out.append((w, .choice(candidate))) }
            } else if !candidate.lowercased().contains("x"), let v = Double(candidate) {
                out.append((w, .number(v)))
            }
        }
        return out
    }
}
