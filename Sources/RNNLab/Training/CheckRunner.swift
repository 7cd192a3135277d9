import Foundation
import RNNEngine

/// The verdict of one check, run headlessly.
public struct CheckResult: Sendable {
    public var lesson: String
    public var check: String
    public var title: String
    public var passed: Bool
    /// What was measured, or why the run could not be made.
    public var detail: String
    /// Training steps taken, summed over every run of the check.
    public var steps: Int
    public var seconds: Double

    public init(lesson: String, check: String, title: String, passed: Bool, detail: String, steps: Int, seconds: Double) {
        self.lesson = lesson
        self.check = check
        self.title = title
        self.passed = passed
        self.detail = detail
        self.steps = steps
        self.seconds = seconds
    }
}

/// Runs lesson checks without a screen: the same experiment the lab runs, with
/// the check's settings, for at most the check's number of steps.
///
/// A check with `seeds` or `versus` is several runs: one per seed, for the
/// check's settings and, with `versus`, again with the versus settings. Each
/// metric is averaged over the seeds of its arm; the versus arm's means are
/// named `versus_<metric>`.
public enum CheckRunner {
    /// Runs `check` of `lesson`. A `seed` overrides the lesson's seed; for a check
    /// with n seeds it makes them seed, seed+1, …, seed+n−1.
    public static func run(_ check: LessonCheck, of lesson: Lesson, seed: Int? = nil,
                           dataDirectory: DataDirectory = .resolve(),
                           progress: ((StepReport) -> Void)? = nil, isCancelled: (@Sendable () -> Bool)? = nil) -> CheckResult {
        let clock = ContinuousClock()
        let start = clock.now
        var steps = 0
        func result(_ passed: Bool, _ detail: String) -> CheckResult {
            let d = clock.now - start
            return CheckResult(lesson: lesson.id, check: check.id, title: check.title, passed: passed, detail: detail,
                               steps: steps, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        var settings = lesson.settings
        for (k, v) in check.set { settings[k] = v }
        let seeds: [Int?] = check.seeds.isEmpty ? [seed] : check.seeds.indices.map { i in seed.map { $0 + i } ?? check.seeds[i] }
        var arms: [(prefix: String, settings: [String: SettingValue])] = [("", settings)]
        if let versus = check.versus {
            var other = settings
            for (k, v) in versus { other[k] = v }
            arms.append(("versus_", other))
        }
        var judged: [String: Double] = [:]
        for arm in arms {
            var runs: [[String: Double]] = []
            for s in seeds {
                var runSettings = arm.settings
                if let s { runSettings["seed"] = .number(Double(s)) }
                switch runOnce(check, lesson.task, runSettings, dataDirectory, progress, isCancelled) {
                case .success(let (metrics, taken)):
                    steps += taken
                    runs.append(metrics)
                case .failure(let reason):
                    return result(false, reason.message)
                }
            }
            for (k, v) in mean(runs) { judged[arm.prefix + k] = v }
        }
        if check.seeds.count > 1 { judged["runs"] = Double(check.seeds.count) }
        switch check.expect.evaluate(judged) {
        case .success(let ok): return result(ok, describe(check, judged))
        case .failure(let reason): return result(false, reason.message)
        }
    }

    /// One run: trains until the check's condition (or `until`) holds at an
    /// evaluation, or for `steps`; returns the metrics it ended with.
    private static func runOnce(_ check: LessonCheck, _ task: String, _ settings: [String: SettingValue],
                                _ dataDirectory: DataDirectory, _ progress: ((StepReport) -> Void)?,
                                _ isCancelled: (@Sendable () -> Bool)?) -> Result<([String: Double], Int), Reason> {
        if isCancelled?() == true { return .failure(Reason("cancelled")) }
        let experiment: Experiment
        do { experiment = try Experiment(task: task, settings: settings, dataDirectory: dataDirectory) } catch {
            return .failure(Reason("cannot build the experiment: \(error)"))
        }
        experiment.measurements = Set(check.measuredMetrics)
        var metrics = RunMetrics(baselines: experiment.baselines)
        metrics.setModel(parameters: experiment.parameterCount, recurrentParameters: experiment.recurrentParameterCount)
        let stopWhen = check.until ?? (check.when == .any && !check.isMultiRun ? check.expect : nil)
        var reached = false
        for _ in 0..<check.steps {
            if isCancelled?() == true { return .failure(Reason("cancelled")) }
            let r = experiment.trainStep()
            metrics.record(r)
            progress?(r)
            if r.divergence != nil { break }
            if let stopWhen, r.evaluation != nil, case .success(true) = stopWhen.evaluate(metrics.values) {
                reached = true
                break
            }
        }
        if isCancelled?() == true { return .failure(Reason("cancelled")) }
        if !reached, metrics.values["diverged"] == 0, experiment.step % experiment.evalEvery != 0 {
            let final = StepReport(step: experiment.step, loss: metrics.values["loss"] ?? .nan, gradientNorm: metrics.values["grad_norm"] ?? 0,
                                   clipped: false, divergence: nil, evaluation: experiment.evaluate(), probes: nil, samples: [])
            metrics.record(final)
        }
        var values = metrics.values
        if check.until != nil {
            values["reached"] = reached ? 1 : 0
            values["reached_at"] = Double(reached ? experiment.step : check.steps)
        }
        return .success((values, experiment.step))
    }

    /// The mean of each metric over the runs that all have it.
    static func mean(_ runs: [[String: Double]]) -> [String: Double] {
        guard let first = runs.first else { return [:] }
        var out: [String: Double] = [:]
        for key in first.keys where runs.allSatisfy({ $0[key] != nil }) {
            out[key] = runs.map { $0[key]! }.reduce(0, +) / Double(runs.count)
        }
        return out
    }

    /// "validation_loss = 0.0042 (want < 0.01)"; with a metric on the right,
    /// "reached_at = 410 (want < versus_reached_at = 760)".
    static func describe(_ check: LessonCheck, _ values: [String: Double]) -> String {
        check.expect.clauses.map { c in
            let v = values[c.metric].map { SettingValue.format($0) } ?? "missing"
            var want = "\(c.op) \(c.rhsDescription)"
            if case .metric = c.rhs { want += " = " + (c.threshold(values).map { SettingValue.format($0) } ?? "missing") }
            return "\(c.metric) = \(v) (want \(want))"
        }.joined(separator: ", ")
    }
}
