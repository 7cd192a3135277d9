import Foundation
import Testing
@testable import RNNLab
import LabText
import RNNEngine
import TestTiers

/// The one fold that judges a check's run (``CheckRun``), with reports made by
/// hand, and the proof that the live lab and `rnnlab verify` agree on every
/// shipped check.
@Suite struct CheckRunTests {
    static let lessonText = """
    ---
    id: fold
    title: Fold
    chapter: 1. Foundations
    summary: s
    experiment:
      task: echo
      T: 12
      k: 1
      hidden: 8
      batch: 8
      eval_every: 10
    checks:
      - id: any
        title: t
        steps: 30
        expect: accuracy > 0.9
        hint: h
      - id: end
        title: t
        steps: 25
        when: end
        expect: accuracy > 0.9
        hint: h
      - id: until
        title: t
        steps: 40
        until: accuracy > 0.9
        expect: validation_loss < 1
        hint: h
    ---

    # Page
    """

    static let lesson = try! LessonParser.parse(lessonText, file: "fold.md")

    func report(_ step: Int, accuracy: Double? = nil, loss: Double = 0.5, diverged: Bool = false) -> StepReport {
        let evaluation = accuracy.map { Evaluation(step: step, loss: loss, metrics: [Metric(.accuracy, $0)]) }
        return StepReport(step: step, loss: diverged ? .nan : loss, gradientNorm: 1, clipped: false,
                          divergence: diverged ? .loss(.nan) : nil, evaluation: evaluation)
    }

    func run(_ id: String) -> CheckRun {
        CheckRun(check: Self.lesson.checks.first { $0.id == id }!, evalEvery: 10, probeEvery: 5, baselines: [],
                 parameters: 10, recurrentParameters: 5)
    }

    @Test func whenAnyStopsAtTheFirstEvaluationThatHolds() {
        var r = run("any")
        #expect(r.observe(report(5, accuracy: 0.95)) == nil)      // not an evaluation verify would make
        #expect(r.observe(report(10, accuracy: 0.5)) == nil)
        let o = r.observe(report(20, accuracy: 0.95))
        #expect(o?.end == .reached && o?.steps == 20 && o?.values["accuracy"] == 0.95)
        #expect(CheckVerdict.judge(r.check, runs: [o!]).passed)
        #expect(r.observe(report(30, accuracy: 0.1)) == o)        // decided: later reports change nothing
    }

    @Test func whenEndIsJudgedOnTheEvaluationOfTheLastStep() {
        var r = run("end")
        #expect(r.observe(report(20, accuracy: 0.95)) == nil)     // holds, but `when: end` waits
        let o = r.observe(report(25, accuracy: 0.5))
        #expect(o?.end == .budget && o?.values["accuracy"] == 0.5)
        #expect(!CheckVerdict.judge(r.check, runs: [o!]).passed)
        var missing = run("end")
        let stale = missing.observe(report(25))
        #expect(stale?.missingEvaluation == true)
        #expect(CheckVerdict.judge(missing.check, runs: [stale!]).problem == .missingEvaluation(step: 25))
    }

    @Test func untilStopsTheRunThenTheClaimIsJudged() {
        var r = run("until")
        #expect(r.observe(report(10, accuracy: 0.5, loss: 0.1)) == nil)   // low loss before it has learnt does not count
        let o = r.observe(report(20, accuracy: 0.95, loss: 2))
        #expect(o?.values["reached"] == 1 && o?.values["reached_at"] == 20)
        #expect(!CheckVerdict.judge(r.check, runs: [o!]).passed)
        var never = run("until")
        for s in stride(from: 10, through: 40, by: 10) { never.observe(report(s, accuracy: 0.5, loss: 0.1)) }
        #expect(never.outcome?.values["reached"] == 0 && never.outcome?.values["reached_at"] == 40)
    }

    @Test func aDivergenceEndsTheRunWhereItHappens() {
        var r = run("end")
        let o = r.observe(report(3, diverged: true))
        #expect(o?.end == .diverged && o?.steps == 3 && o?.values["diverged"] == 1)
    }

    @Test func eligibilityComparesEverySettingButTheSeed() {
        let check = Self.lesson.checks[0]
        var settings = Self.lesson.settings
        #expect(CheckEligibility.matches(check, in: Self.lesson, settings))
        settings["seed"] = .number(99)
        #expect(CheckEligibility.matches(check, in: Self.lesson, settings))
        settings["learning_rate"] = .number(0.02)
        settings["cell"] = .choice("gru")
        #expect(CheckEligibility.differences(check, in: Self.lesson, settings) == ["cell", "learning_rate"])
    }

    /// The live lab and `rnnlab verify` agree on every one-run check of every
    /// shipped lesson: the live run (the lesson's trainer, evaluating at every
    /// check's last step and measuring what the whole lesson needs) folded by
    /// ``LiveChecks`` gives the verdict `CheckRunner` gives, on the same numbers.
    @Test(.enabled(if: TestTier.slow, "the slow tier: trains every one-run check twice"))
    func liveAndVerifyAgreeOnEveryShippedCheck() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let library = LessonLibrary.load(root.appendingPathComponent("lessons"))
        #expect(library.problems.isEmpty, "\(library.problems)")
        let data = ExperimentTests.data
        // Wall-clock timings differ between two runs; their verdicts must not.
        let timings: Set<String> = ["rtrl_growth", "bptt_growth"]
        var compared = 0
        for lesson in library.lessons {
            for check in lesson.checks where !check.isMultiRun {
                let verify = CheckRunner.run(check, of: lesson, dataDirectory: data)
                let plan = lesson.runPlan(settings: CheckEligibility.settings(of: check, in: lesson))
                let experiment = try Experiment(task: plan.task, settings: plan.settings, dataDirectory: data)
                experiment.measurements = plan.measurements
                experiment.evaluationSteps = plan.evaluationSteps
                var live = LiveChecks()
                live.start(lesson, ExperimentInfo(settings: experiment.settings, parameterCount: experiment.parameterCount,
                                                  recurrentParameterCount: experiment.recurrentParameterCount,
                                                  baselines: experiment.baselines, taskSummary: .verbatim(""), evalEvery: experiment.evalEvery,
                                                  probeEvery: experiment.probeEvery))
                #expect(live.eligible.contains(check.id), "\(lesson.id)/\(check.id) is not judged under its own settings")
                var verdict: CheckVerdict?
                while verdict == nil && experiment.step < check.steps {
                    verdict = live.observe(experiment.trainStep(), lesson: lesson).first { $0.check.id == check.id }?.verdict
                }
                let v = try #require(verdict, "\(lesson.id)/\(check.id) was not decided live within \(check.steps) steps")
                #expect(v.passed == verify.passed, "\(lesson.id)/\(check.id): live \(CheckRunner.describe(v)) vs verify \(verify.detail)")
                for (a, b) in zip(v.clauses, verify.verdict?.clauses ?? []) where !timings.contains(a.metric) {
                    #expect(a.value == b.value && a.threshold == b.threshold, "\(lesson.id)/\(check.id) \(a.metric): \(String(describing: a.value)) vs \(String(describing: b.value))")
                }
                #expect(experiment.step == verify.steps, "\(lesson.id)/\(check.id): live decided at \(experiment.step), verify at \(verify.steps)")
                compared += 1
            }
        }
        #expect(compared >= 15)
    }
}
