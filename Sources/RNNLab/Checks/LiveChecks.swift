/// A lesson's checks judged on its live run, by the same fold as `rnnlab verify`
/// (``CheckRun``, ``CheckVerdict``). A pure value: the lab folds reports into it.
///
/// A check is judged live only when its claim is about one run (no `seeds`
/// list, no `versus` arm) and the run's settings are the check's
/// (``CheckEligibility``) for the whole run: from the (re)build at step 0 on.
/// A live change after step 0 that leaves a check's settings drops it until the
/// next rebuild or reset, even if the setting is changed back later.
public struct LiveChecks: Sendable {
    /// The runs of the checks eligible now, by check id (decided ones included).
    public private(set) var runs: [String: CheckRun] = [:]
    /// The checks decided in this run, by id.
    public private(set) var verdicts: [String: CheckVerdict] = [:]
    private var model = ModelFacts()

    /// What every check run of this live run starts from.
    private struct ModelFacts: Sendable {
        var baselines: [Baseline] = []
        var parameters = 0
        var recurrentParameters = 0
        var evalEvery = 1
        var probeEvery = 1
    }

    public init() {}

    /// Checks whose settings this run has had since step 0.
    public var eligible: Set<String> { Set(runs.keys) }
    /// Checks met in this run.
    public var passed: Set<String> { Set(verdicts.filter(\.value.passed).keys) }
    /// Checks this run was judged on and did not meet.
    public var failed: Set<String> { Set(verdicts.filter { !$0.value.passed }.keys) }

    /// A (re)built run at step 0: every check starts afresh.
    public mutating func start(_ lesson: Lesson, _ info: ExperimentInfo) {
        model = ModelFacts(baselines: info.baselines, parameters: info.parameterCount,
                           recurrentParameters: info.recurrentParameterCount, evalEvery: info.evalEvery, probeEvery: info.probeEvery)
        let settings = info.settings
        verdicts = [:]
        runs = [:]
        for check in lesson.checks where !check.isMultiRun && CheckEligibility.matches(check, in: lesson, settings) {
            runs[check.id] = makeRun(check)
        }
    }

    /// A live change: at step 0 it counts as the run's own settings; later it can
    /// only take checks away.
    public mutating func settingsChanged(_ lesson: Lesson, settings: [String: SettingValue], atStep step: Int) {
        if let e = settings["eval_every"]?.number, e >= 1 { model.evalEvery = Int(e) }
        for check in lesson.checks where !check.isMultiRun {
            if !CheckEligibility.matches(check, in: lesson, settings) {
                // Off the check's settings: not judged any more (a pass already made stays).
                runs[check.id] = nil
                if verdicts[check.id]?.passed != true { verdicts[check.id] = nil }
            } else if step == 0 {
                // Still the run's own settings: judged from the start under them.
                verdicts[check.id] = nil
                runs[check.id] = makeRun(check)
            }
        }
    }

    /// Folds one report of the run; returns the checks it decided, in lesson order.
    public mutating func observe(_ report: StepReport, lesson: Lesson) -> [(check: LessonCheck, verdict: CheckVerdict)] {
        var decided: [(LessonCheck, CheckVerdict)] = []
        for check in lesson.checks {
            guard var run = runs[check.id], run.outcome == nil else { continue }
            if let outcome = run.observe(report) {
                let verdict = CheckVerdict.judge(check, runs: [outcome])
                verdicts[check.id] = verdict
                decided.append((check, verdict))
            }
            runs[check.id] = run
        }
        return decided
    }

    private func makeRun(_ check: LessonCheck) -> CheckRun {
        CheckRun(check: check, evalEvery: model.evalEvery, probeEvery: model.probeEvery, baselines: model.baselines,
                 parameters: model.parameters, recurrentParameters: model.recurrentParameters)
    }
}

extension Lesson {
    /// The steps at which the live trainer must evaluate so that every one-run
    /// check gets the evaluation it ends on (``CheckRun/evaluates(at:)``).
    public var checkEvaluationSteps: Set<Int> {
        Set(checks.filter { !$0.isMultiRun }.map(\.steps))
    }
}
