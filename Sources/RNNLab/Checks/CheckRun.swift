/// One training run of a check, judged from the stream of its step reports:
/// the fold that `rnnlab verify`, the background `v` and the live checks panel
/// share, so a check means the same thing wherever it is judged.
///
/// The run is over at the first of:
/// - a step that diverged (judged on the numbers as they stand there);
/// - an evaluation at which the stop condition holds: `until`, or, for a
///   one-run check with `when: any`, its `expect`;
/// - step `steps`, where the trainer evaluates (``evaluates(at:)``).
///
/// Only the evaluations and probes a headless run of this check would make
/// count: a live run that evaluates more often for the lesson's other checks
/// is judged exactly as `rnnlab verify` judges it.
public struct CheckRun: Sendable {
    /// How a run ended.
    public enum End: Sendable, Equatable {
        /// A step's loss or gradient was NaN or infinite.
        case diverged
        /// The stop condition held at an evaluation.
        case reached
        /// The step budget ran out.
        case budget
    }

    /// The numbers a run ended with.
    public struct Outcome: Sendable, Equatable {
        /// The run's metrics (``RunMetrics``), with `reached` and `reached_at` for a check with `until`.
        public var values: [String: Double]
        /// Training steps taken.
        public var steps: Int
        public var end: End
        /// Set when the run ended on its budget without the evaluation that must
        /// come with step `steps`: the metrics would be stale, so nothing is judged.
        public var missingEvaluation: Bool

        public init(values: [String: Double], steps: Int, end: End, missingEvaluation: Bool = false) {
            self.values = values
            self.steps = steps
            self.end = end
            self.missingEvaluation = missingEvaluation
        }
    }

    public let check: LessonCheck
    /// Steps between two evaluations (the run's `eval_every`).
    public let evalEvery: Int
    /// Steps between two probes (``Experiment/probeEvery``).
    public let probeEvery: Int
    public private(set) var metrics: RunMetrics
    /// Set once the run is over; later reports change nothing.
    public private(set) var outcome: Outcome?

    public init(check: LessonCheck, evalEvery: Int, probeEvery: Int, baselines: [Baseline],
                parameters: Int, recurrentParameters: Int) {
        self.check = check
        self.evalEvery = max(1, evalEvery)
        self.probeEvery = max(1, probeEvery)
        metrics = RunMetrics(baselines: baselines)
        metrics.setModel(parameters: parameters, recurrentParameters: recurrentParameters)
    }

    /// The condition that ends the run early, if any.
    public var stopCondition: CheckCondition? {
        check.until ?? (check.when == .any && !check.isMultiRun ? check.expect : nil)
    }

    /// Whether a headless run of this check evaluates after `step`.
    public func evaluates(at step: Int) -> Bool { step % evalEvery == 0 || step == check.steps }

    /// Whether a headless run of this check records probes at `step` (as ``Experiment`` does).
    public func probes(at step: Int) -> Bool { step == 1 || step % probeEvery == 0 || evaluates(at: step) }

    /// Folds one report; returns the outcome once the run is over.
    @discardableResult
    public mutating func observe(_ report: StepReport) -> Outcome? {
        if let outcome { return outcome }
        var r = report
        if r.evaluation != nil && !evaluates(at: r.step) { r.evaluation = nil }
        if r.probes != nil && !probes(at: r.step) { r.probes = nil }
        metrics.record(r)
        if r.divergence != nil { return finish(.diverged, step: r.step) }
        if let stop = stopCondition, r.evaluation != nil, case .success(true) = stop.evaluate(metrics.values) {
            return finish(.reached, step: r.step)
        }
        if r.step >= check.steps { return finish(.budget, step: r.step, missingEvaluation: r.evaluation == nil) }
        return nil
    }

    private mutating func finish(_ end: End, step: Int, missingEvaluation: Bool = false) -> Outcome {
        var values = metrics.values
        if check.until != nil {
            values["reached"] = end == .reached ? 1 : 0
            values["reached_at"] = Double(end == .reached ? step : check.steps)
        }
        let o = Outcome(values: values, steps: step, end: end, missingEvaluation: missingEvaluation)
        outcome = o
        return o
    }
}
