/// How far a check's verdicts at several seeds are from flipping: for every
/// clause of its condition, the judged value at each seed, the threshold, and
/// the worst seed's distance to the threshold as a share of the threshold
/// (`rnnlab verify --seeds 1-5 --margins`).
///
/// A clause `v > t` (or `>=`) at one seed has margin (v − t) / d and `v < t`
/// (or `<=`) has (t − v) / d, where d, the threshold's distance, is |t| or, when
/// the metric is bounded on that side (a fraction lies in 0…1), the distance
/// from t to the bound if that is less: `accuracy > 0.95` met with 1 passes by
/// 100%, not 5%. A clause asking for equality, or with a distance of 0, has no
/// relative margin: it holds or it does not. A check
/// whose runs stop early (`until`, or a one-run `when: any` check, whose value
/// is judged where it first crosses the threshold) is also measured by its
/// budget: the share of its steps left when the slowest seed stopped.
public struct CheckMargin: Sendable, Equatable {
    /// One clause over the seeds.
    public struct Clause: Sendable, Equatable {
        /// The clause as written: `accuracy > 0.95`.
        public var text: String
        /// The judged value at each seed (nil where it was not produced).
        public var values: [Double?]
        /// The threshold at each seed (it varies when it names a metric).
        public var thresholds: [Double?]
        /// The least relative margin over the seeds; nil for an exact clause.
        public var worst: Double?
        /// Whether the clause held at every seed.
        public var holdsEverywhere: Bool
    }

    /// The seeds the verdicts were made at, in order.
    public var seeds: [Int]
    public var clauses: [Clause]
    /// For a check that stops early: the steps at which each seed's (first arm's) runs stopped
    /// (the slowest of a multi-seed check's runs), nil where one did not stop early.
    public var stoppedAt: [Int?]
    /// The step budget of one run.
    public var budget: Int
    /// Whether the check passed at every seed.
    public var passedEverywhere: Bool

    /// The share of the budget the slowest seed left; nil without an early stop.
    public var budgetLeft: Double? {
        guard !stoppedAt.isEmpty else { return nil }
        let worst = stoppedAt.map { $0 ?? budget }.max() ?? budget
        return Double(budget - worst) / Double(max(1, budget))
    }

    /// The least margin of any clause and of the budget; nil when nothing has one.
    public var worst: Double? {
        (clauses.compactMap(\.worst) + (budgetLeft.map { [$0] } ?? [])).min()
    }

    /// A margin under this share of the threshold is thin: another seed may flip it.
    public static let thin = 0.1

    /// Whether the check passed everywhere but some margin is under ``thin``.
    public var isThin: Bool { passedEverywhere && (worst.map { $0 < CheckMargin.thin } ?? false) }

    /// The margin of `check` from its verdicts at `seeds` (one per seed, in order;
    /// nil where no run could be made) and the steps each took.
    public init(_ check: LessonCheck, seeds: [Int], verdicts: [CheckVerdict?], passed: [Bool]) {
        self.seeds = seeds
        budget = check.steps
        passedEverywhere = passed.allSatisfy { $0 }
        // A one-run `when: any` check stops where its condition first holds: the values
        // sit just past their thresholds by construction, and only the budget tells.
        let stopsOnExpect = check.until == nil && check.when == .any && !check.isMultiRun
        clauses = check.expect.clauses.enumerated().map { i, c in
            let judged = verdicts.map { $0.flatMap { $0.clauses.indices.contains(i) ? $0.clauses[i] : nil } }
            let values = judged.map { $0?.value }, thresholds = judged.map { $0?.threshold }
            var margins: [Double] = []
            var exact = c.op == .equal || stopsOnExpect
            let range = CheckMargin.range(of: c.metric)
            for (v, t) in zip(values, thresholds) {
                guard let v, let t else { margins.append(-.infinity); continue }
                guard let m = CheckMargin.relative(v, c.op, t, range: range) else { exact = true; continue }
                margins.append(m)
            }
            let holds = judged.allSatisfy { $0?.holds == true }
            return Clause(text: "\(c.metric) \(c.op.rawValue) \(c.rhsDescription)", values: values, thresholds: thresholds,
                          worst: exact && holds ? nil : margins.min() ?? (holds ? nil : -.infinity), holdsEverywhere: holds)
        }
        stoppedAt = !(check.until != nil || stopsOnExpect) ? [] : verdicts.map { v in
            guard let runs = v?.runValues, !runs.isEmpty else { return nil }
            let at = runs.map { r -> Int? in
                if check.until != nil { return r["reached"] == 1 ? r["reached_at"].map { Int($0) } : nil }
                return r["step"].map { Int($0) }.flatMap { $0 < check.steps ? $0 : nil }
            }
            return at.contains(where: { $0 == nil }) ? nil : at.compactMap { $0 }.max()
        }
    }

    /// (v − t) / d for `>`, `>=`; (t − v) / d for `<`, `<=`, with d the smaller
    /// of |t| and the distance from t to the metric's bound on the passing side;
    /// nil for `==` and when d is 0.
    static func relative(_ v: Double, _ op: CheckCondition.Op, _ t: Double, range: ClosedRange<Double>? = nil) -> Double? {
        let r = range ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        switch op {
        case .greater, .greaterOrEqual:
            let d = min(abs(t), r.upperBound - t)
            return d > 0 ? (v - t) / d : nil
        case .less, .lessOrEqual:
            let d = min(abs(t), t - r.lowerBound)
            return d > 0 ? (t - v) / d : nil
        case .equal: return nil
        }
    }

    /// The values `metric` can take: its kind's (``MetricKind/known(_:)``), for a
    /// `versus_` or `baseline_` name the metric's own, for `spread_`/`gap_` of a
    /// bounded metric 0 to its width; nil when unknown.
    static func range(of metric: String) -> ClosedRange<Double>? {
        var name = metric
        if name.hasPrefix("versus_") { name.removeFirst(7) }
        for prefix in [CheckVocabulary.spreadPrefix, CheckVocabulary.gapPrefix] where name.hasPrefix(prefix) {
            guard let r = range(of: String(name.dropFirst(prefix.count))) else { return nil }
            return 0...(r.upperBound - r.lowerBound)
        }
        if name.hasPrefix("baseline_") { name.removeFirst(9) }
        return MetricKind.known(name)?.range
    }
}
