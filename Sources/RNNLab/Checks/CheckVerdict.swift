/// What a check's runs amount to: whether its condition holds on them, and the
/// numbers it was judged on.
public struct CheckVerdict: Sendable, Equatable {
    /// One clause of the condition as judged: `metric op threshold` with the values found.
    public struct Clause: Sendable, Equatable {
        public var metric: String
        /// The metric's value; nil when the runs did not produce it.
        public var value: Double?
        public var op: CheckCondition.Op
        /// The operand as written (`0.01`, `versus_reached_at`, `0.9 * baseline_mse`).
        public var operand: String
        /// Whether the operand names a metric (rather than being a number).
        public var operandIsMetric: Bool
        /// The number on the right (nil when its metric is missing).
        public var threshold: Double?
        public var holds: Bool

        public init(metric: String, value: Double?, op: CheckCondition.Op, operand: String, operandIsMetric: Bool, threshold: Double?, holds: Bool) {
            self.metric = metric
            self.value = value
            self.op = op
            self.operand = operand
            self.operandIsMetric = operandIsMetric
            self.threshold = threshold
            self.holds = holds
        }
    }

    /// Why nothing could be judged.
    public enum Problem: Sendable, Equatable {
        /// A metric the condition names was not produced by the runs.
        case missingMetric(String)
        /// A run stopped at its budget without an evaluation at that step.
        case missingEvaluation(step: Int)
    }

    public var passed: Bool
    /// Every clause of `expect`, in order.
    public var clauses: [Clause]
    /// The numbers judged: one run's metrics, or the mean of each over the runs of
    /// an arm (`versus_` for the second arm, `runs` for the number of seeds).
    public var values: [String: Double]
    public var problem: Problem?
    /// Each run's own metrics, one entry per seed in the check's order (the means
    /// in `values` are theirs), for the check's arm and its `versus` arm: the
    /// multi-seed dot plot draws one dot per entry.
    public var runValues: [[String: Double]] = []
    public var versusRunValues: [[String: Double]] = []
    /// The seeds of the runs, in order, when the check has several (else empty).
    public var seeds: [Int] = []
    /// The metrics the condition names (`versus_` for the second arm).
    public var namedMetrics: [String] = []

    public init(passed: Bool, clauses: [Clause], values: [String: Double], problem: Problem? = nil,
                runValues: [[String: Double]] = [], versusRunValues: [[String: Double]] = []) {
        self.passed = passed
        self.clauses = clauses
        self.values = values
        self.problem = problem
        self.runValues = runValues
        self.versusRunValues = versusRunValues
    }

    /// With several seeds: each metric the condition names, its value in each run,
    /// in the order of `seeds` (nil where a run lacks it). The spread a mean hides.
    public var perSeed: [String: [Double?]] {
        guard seeds.count > 1 else { return [:] }
        var out: [String: [Double?]] = [:]
        for name in namedMetrics {
            let (arm, metric) = name.hasPrefix("versus_") ? (versusRunValues, String(name.dropFirst(7))) : (runValues, name)
            guard arm.count == seeds.count else { continue }
            out[name] = arm.map { $0[metric] }
        }
        return out
    }

    /// The least and the greatest of `metric`'s per-seed values, nil unless every run has one.
    public func spread(_ metric: String) -> ClosedRange<Double>? {
        guard let runs = perSeed[metric], runs.count > 1, !runs.contains(where: { $0 == nil || $0!.isNaN }) else { return nil }
        let v = runs.map { $0! }
        return v.min()!...v.max()!
    }

    /// Judges `check` on the outcomes of its runs: `runs` of its own settings, one
    /// per seed, and `versusRuns` of its `versus` arm (the same seeds, in the same
    /// order). `seeds` names them; with two or more, the verdict keeps each run's
    /// value of every metric the condition names (``perSeed``).
    public static func judge(_ check: LessonCheck, runs: [CheckRun.Outcome], versusRuns: [CheckRun.Outcome] = [],
                             seeds: [Int] = []) -> CheckVerdict {
        var verdict = judgeMeans(check, runs: runs, versusRuns: versusRuns)
        guard seeds.count > 1, seeds.count == runs.count else { return verdict }
        verdict.seeds = seeds
        var seen: Set<String> = []
        verdict.namedMetrics = check.expect.metricNames.filter { $0 != "runs" }.flatMap(CheckVocabulary.perRunMetrics).filter { seen.insert($0).inserted }
        return verdict
    }

    private static func judgeMeans(_ check: LessonCheck, runs: [CheckRun.Outcome], versusRuns: [CheckRun.Outcome]) -> CheckVerdict {
        var values: [String: Double] = [:]
        for (k, v) in mean(runs.map(\.values)) { values[k] = v }
        for (k, v) in mean(versusRuns.map(\.values)) { values["versus_" + k] = v }
        if check.seeds.count > 1 {
            values["runs"] = Double(check.seeds.count)
            for (k, v) in spread(runs.map(\.values)) { values[CheckVocabulary.spreadPrefix + k] = v }
            for (k, v) in spread(versusRuns.map(\.values)) { values["versus_" + CheckVocabulary.spreadPrefix + k] = v }
        }
        if !versusRuns.isEmpty {
            for (k, v) in mean(runs.map(\.values)) { if let w = values["versus_" + k] { values[CheckVocabulary.gapPrefix + k] = abs(v - w) } }
        }
        let (perRun, perVersusRun) = (runs.map(\.values), versusRuns.map(\.values))
        let clauses = check.expect.clauses.map { c -> Clause in
            let value = values[c.metric], threshold = c.threshold(values)
            let holds = value.flatMap { v in threshold.map { c.op.holds(v, $0) } } ?? false
            let isMetric: Bool
            if case .metric = c.rhs { isMetric = true } else { isMetric = false }
            return Clause(metric: c.metric, value: value, op: c.op, operand: c.rhsDescription, operandIsMetric: isMetric,
                          threshold: threshold, holds: holds)
        }
        if let o = (runs + versusRuns).first(where: \.missingEvaluation) {
            return CheckVerdict(passed: false, clauses: clauses, values: values, problem: .missingEvaluation(step: o.steps),
                                runValues: perRun, versusRunValues: perVersusRun)
        }
        if let missing = check.expect.metricNames.first(where: { values[$0] == nil }) {
            return CheckVerdict(passed: false, clauses: clauses, values: values, problem: .missingMetric(missing),
                                runValues: perRun, versusRunValues: perVersusRun)
        }
        return CheckVerdict(passed: clauses.allSatisfy { $0.holds }, clauses: clauses, values: values,
                            runValues: perRun, versusRunValues: perVersusRun)
    }

    /// The greatest minus the least value of each metric over the runs that all
    /// have it (two runs or more).
    static func spread(_ runs: [[String: Double]]) -> [String: Double] {
        guard runs.count > 1, let first = runs.first else { return [:] }
        var out: [String: Double] = [:]
        for key in first.keys where runs.allSatisfy({ $0[key] != nil }) {
            let v = runs.map { $0[key]! }
            out[key] = v.max()! - v.min()!
        }
        return out
    }

    /// The mean of each metric over the runs that all have it.
    static func mean(_ runs: [[String: Double]]) -> [String: Double] {
        guard let first = runs.first else { return [:] }
        var out: [String: Double] = [:]
        for key in first.keys where runs.allSatisfy({ $0[key] != nil }) {
            out[key] = runs.reduce(0) { $0 + $1[key]! } / Double(runs.count)
        }
        return out
    }
}
