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
    public var steps: Int
    public var seconds: Double
}

/// Runs lesson checks without a screen: the same experiment the lab runs, with
/// the check's settings, for at most the check's number of steps.
public enum CheckRunner {
    /// Runs `check` of `lesson` with an optional seed override.
    public static func run(_ check: LessonCheck, of lesson: Lesson, seed: Int? = nil,
                           dataDirectory: DataDirectory = .resolve(),
                           progress: ((StepReport) -> Void)? = nil) -> CheckResult {
        let clock = ContinuousClock()
        let start = clock.now
        var settings = lesson.settings
        for (k, v) in check.set { settings[k] = v }
        if let seed { settings["seed"] = .number(Double(seed)) }
        func result(_ passed: Bool, _ detail: String, _ steps: Int) -> CheckResult {
            let d = clock.now - start
            return CheckResult(lesson: lesson.id, check: check.id, title: check.title, passed: passed, detail: detail,
                               steps: steps, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        let experiment: Experiment
        do { experiment = try Experiment(task: lesson.task, settings: settings, dataDirectory: dataDirectory) } catch {
            return result(false, "cannot build the experiment: \(error)", 0)
        }
        var metrics = RunMetrics(baselines: experiment.baselines)
        func judge() -> Result<Bool, Reason> { check.expect.evaluate(metrics.values) }
        for _ in 0..<check.steps {
            let r = experiment.trainStep()
            metrics.record(r)
            progress?(r)
            if r.divergence != nil { break }
            if check.when == .any, r.evaluation != nil, case .success(true) = judge() {
                return result(true, describe(check, metrics), experiment.step)
            }
        }
        if metrics.values["diverged"] == 0, experiment.step % experiment.evalEvery != 0 {
            var final = StepReport(step: experiment.step, loss: metrics.values["loss"] ?? .nan, gradientNorm: metrics.values["grad_norm"] ?? 0,
                                   clipped: false, divergence: nil, evaluation: experiment.evaluate(), probes: nil, samples: [])
            final.step = experiment.step
            metrics.record(final)
        }
        switch judge() {
        case .success(let ok): return result(ok, describe(check, metrics), experiment.step)
        case .failure(let reason): return result(false, reason.message, experiment.step)
        }
    }

    /// "validation_loss = 0.0042 (want < 0.01)".
    static func describe(_ check: LessonCheck, _ metrics: RunMetrics) -> String {
        check.expect.clauses.map { c in
            let v = metrics.values[c.metric].map { SettingValue.format($0) } ?? "missing"
            return "\(c.metric) = \(v) (want \(c.op) \(SettingValue.format(c.value)))"
        }.joined(separator: ", ")
    }
}
