import LabText
import Foundation
import RNNEngine

/// The verdict of one check, run headlessly.
public struct CheckResult: Sendable {
    public var lesson: String
    public var check: String
    public var title: String
    public var passed: Bool
    /// What was measured, or why the run could not be made.
    public var detail: Phrase
    /// Training steps taken, summed over every run of the check.
    public var steps: Int
    public var seconds: Double
    /// The judged numbers; nil when no run could be made (cancelled, or the experiment did not build).
    public var verdict: CheckVerdict?

    public init(lesson: String, check: String, title: String, passed: Bool, detail: Phrase, steps: Int, seconds: Double,
                verdict: CheckVerdict? = nil) {
        self.lesson = lesson
        self.check = check
        self.title = title
        self.passed = passed
        self.detail = detail
        self.steps = steps
        self.seconds = seconds
        self.verdict = verdict
    }
}

/// Runs lesson checks without a screen: the same experiment the lab runs, with
/// the check's settings, judged by the same fold as the live lab (``CheckRun``,
/// ``CheckVerdict``).
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
        func result(_ passed: Bool, _ detail: Phrase, _ verdict: CheckVerdict? = nil) -> CheckResult {
            let d = clock.now - start
            return CheckResult(lesson: lesson.id, check: check.id, title: check.title, passed: passed, detail: detail,
                               steps: steps, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18,
                               verdict: verdict)
        }
        let settings = CheckEligibility.settings(of: check, in: lesson)
        let seeds: [Int?] = check.seeds.isEmpty ? [seed] : check.seeds.indices.map { i in seed.map { $0 + i } ?? check.seeds[i] }
        var arms: [[String: SettingValue]] = [settings]
        if let versus = check.versus { arms.append(settings.merging(versus) { _, v in v }) }
        var outcomes: [[CheckRun.Outcome]] = []
        for arm in arms {
            var runs: [CheckRun.Outcome] = []
            for s in seeds {
                var runSettings = arm
                if let s { runSettings["seed"] = .number(Double(s)) }
                switch runOnce(check, lesson, runSettings, dataDirectory, progress, isCancelled) {
                case .success(let outcome):
                    steps += outcome.steps
                    runs.append(outcome)
                case .failure(let reason):
                    return result(false, reason.phrase)
                }
            }
            outcomes.append(runs)
        }
        let verdict = CheckVerdict.judge(check, runs: outcomes[0], versusRuns: outcomes.count > 1 ? outcomes[1] : [])
        return result(verdict.passed, describe(verdict), verdict)
    }

    /// One run, folded by ``CheckRun`` until it is over.
    private static func runOnce(_ check: LessonCheck, _ lesson: Lesson, _ settings: [String: SettingValue],
                                _ dataDirectory: DataDirectory, _ progress: ((StepReport) -> Void)?,
                                _ isCancelled: (@Sendable () -> Bool)?) -> Result<CheckRun.Outcome, Reason> {
        if isCancelled?() == true { return .failure(Reason(.check(.cancelled))) }
        let experiment: Experiment
        do { experiment = try Experiment(task: lesson.task, settings: settings, dataDirectory: dataDirectory) } catch {
            return .failure(Reason(.check(.cannotBuild), ["reason": .phrase(Phrase.describing(error))]))
        }
        experiment.measurements = Set(check.measuredMetrics)
        experiment.evaluationSteps = [check.steps]
        var run = CheckRun(check: check, evalEvery: experiment.evalEvery, probeEvery: experiment.probeEvery,
                           baselines: experiment.baselines, parameters: experiment.parameterCount,
                           recurrentParameters: experiment.recurrentParameterCount)
        while true {
            if isCancelled?() == true { return .failure(Reason(.check(.cancelled))) }
            let r = experiment.trainStep()
            progress?(r)
            if let outcome = run.observe(r) { return .success(outcome) }
        }
    }

    /// "validation_loss = 0.0042 (want < 0.01)"; with a metric on the right,
    /// "reached_at = 410 (want < versus_reached_at = 760)".
    public static func describe(_ verdict: CheckVerdict) -> Phrase {
        switch verdict.problem {
        case .missingMetric(let name)?:
            return Phrase(.check(.noMetric), ["name": .text(name), "metrics": .list(verdict.values.keys.sorted())])
        case .missingEvaluation(let step)?:
            return Phrase(.check(.noFinalEvaluation), ["step": .integer(step)])
        case nil:
            func number(_ v: Double?) -> TextArgument { v.map { .text(SettingValue.format($0)) } ?? .phrase(Phrase(.check(.missingValue))) }
            return Phrase.list(verdict.clauses.map { c in
                var arguments: [String: TextArgument] = ["metric": .text(c.metric), "value": number(c.value),
                                                         "op": .text(c.op.rawValue), "operand": .text(c.operand)]
                guard c.operandIsMetric else { return Phrase(.check(.clauseValue), arguments) }
                arguments["threshold"] = number(c.threshold)
                return Phrase(.check(.clauseValueAgainstMetric), arguments)
            })
        }
    }
}
