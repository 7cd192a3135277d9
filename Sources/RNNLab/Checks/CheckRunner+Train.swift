import LabText

extension CheckRunner {
    /// One training run judged for several checks at once: each check's
    /// ``CheckRun`` folds the same stream of reports, and the run goes on until
    /// every one of them is over. Returns one outcome per check, in order.
    ///
    /// Each check is judged exactly as a run of its own would judge it: the
    /// experiment evaluates at every check's last step and measures what any
    /// of them names, but evaluating draws no random numbers (``Experiment``),
    /// so the course of the run is the same; each fold then keeps only the
    /// evaluations and probes its own run would make (``CheckRun``) and only
    /// the measurements its own run would take (``keepingMeasurements(for:)``).
    /// The checks must share a task and `settings` must be the run's whole
    /// settings, seed included: the caller decides which checks share a run.
    public static func train(task: String, settings: [String: SettingValue], checks: [LessonCheck],
                             dataDirectory: DataDirectory, progress: ((StepReport) -> Void)? = nil,
                             isCancelled: (@Sendable () -> Bool)? = nil) -> Result<[CheckRun.Outcome], Reason> {
        if isCancelled?() == true { return .failure(Reason(.check(.cancelled))) }
        let experiment: Experiment
        do { experiment = try Experiment(task: task, settings: settings, dataDirectory: dataDirectory) } catch {
            return .failure(Reason(.check(.cannotBuild), ["reason": .phrase(Phrase.describing(error))]))
        }
        experiment.measurements = Set(checks.flatMap(\.measuredMetrics))
        experiment.evaluationSteps = Set(checks.map(\.steps))
        var folds = checks.map { check in
            CheckRun(check: check, evalEvery: experiment.evalEvery, probeEvery: experiment.probeEvery,
                     baselines: experiment.baselines, parameters: experiment.parameterCount,
                     recurrentParameters: experiment.recurrentParameterCount)
        }
        let own = checks.map { Set($0.measuredMetrics) }
        var outcomes: [CheckRun.Outcome?] = Array(repeating: nil, count: checks.count)
        var left = checks.count
        while left > 0 {
            if isCancelled?() == true { return .failure(Reason(.check(.cancelled))) }
            let r = experiment.trainStep()
            progress?(r)
            for i in folds.indices where outcomes[i] == nil {
                if let o = folds[i].observe(checks.count == 1 ? r : r.keepingMeasurements(for: own[i])) {
                    outcomes[i] = o
                    left -= 1
                }
            }
        }
        return .success(outcomes.map { $0! })
    }
}

extension StepReport {
    /// The report as a run measuring only `names` would have made it: its
    /// evaluation keeps the measured metrics and probes that those names ask
    /// for (as ``Experiment`` chooses them) and no others.
    func keepingMeasurements(for names: Set<String>) -> StepReport {
        guard var e = evaluation else { return self }
        var r = self
        if names.isEmpty {
            e.measurements = []
            e.gradientComparison = nil
            e.probes = [:]
        } else {
            let wanted = Set(names.compactMap { MetricID(rawValue: $0).flatMap(Measurement.producing)?.name })
            e.measurements = e.measurements.filter { m in Measurement.producing(m.id).map { wanted.contains($0.name) } ?? false }
            e.probes = e.probes.filter { names.contains($0.key.rawValue) }
        }
        r.evaluation = e
        return r
    }
}
