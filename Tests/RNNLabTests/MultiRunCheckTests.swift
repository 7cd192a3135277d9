import LabText
import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// Conditions with metrics on the right, checks over several seeds with a
/// versus arm and an `until`, and the measurements lessons ask for.
@Suite struct MultiRunCheckTests {
    static let data = ExperimentTests.data

    @Test func conditionsCompareMetricsWithMetrics() throws {
        let c = try CheckCondition.parse("mse > 0.9 * baseline_mse and reached_at < versus_reached_at").get()
        #expect(c.metricNames == ["mse", "baseline_mse", "reached_at", "versus_reached_at"])
        #expect(c.clauses[0].rhs == .metric("baseline_mse", factor: 0.9))
        #expect(c.description == "mse > 0.9 * baseline_mse and reached_at < versus_reached_at")
        let holds = ["mse": 0.17, "baseline_mse": 0.18, "reached_at": 10, "versus_reached_at": 20]
        #expect(try c.evaluate(holds).get() == true)
        #expect(try c.evaluate(holds.merging(["mse": 0.1]) { $1 }).get() == false)      // 0.1 < 0.162
        #expect(try c.evaluate(holds.merging(["reached_at": 20]) { $1 }).get() == false)
        guard case .failure(let r) = c.evaluate(["mse": 0.17, "reached_at": 1, "versus_reached_at": 2]) else {
            Issue.record("a missing metric on the right must be reported"); return
        }
        #expect(r.message.hasPrefix("no metric baseline_mse"))
        for bad in ["mse > 0.9 *", "mse > x * y", "mse >> 1", "0.9 > mse", "mse > 2 * 3"] {
            #expect(throws: Reason.self, "\(bad)") { try CheckCondition.parse(bad).get() }
        }
    }

    static let lesson = """
    ---
    id: multi
    title: Multi
    chapter: 1. Foundations
    summary: s
    experiment:
      task: echo
      T: 12
      k: 1
      hidden: 8
      batch: 8
      eval_every: 5
    checks:
      - id: bigger
        title: A GRU has more parameters than a simple RNN
        set: {cell: gru}
        seeds: [1, 2, 3]
        versus: {cell: rnn_tanh}
        steps: 10
        until: accuracy > 2
        expect: parameters > versus_parameters and reached == 0 and reached_at == 10
    ---

    # Page
    """

    @Test func parsesSeedsVersusAndUntilWithLines() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let c = l.checks[0]
        #expect(c.seeds == [1, 2, 3] && c.versus == ["cell": .choice("rnn_tanh")] && c.until?.description == "accuracy > 2")
        #expect(c.isMultiRun)
        #expect(l.measurementNames.isSuperset(of: ["parameters", "reached", "accuracy"]))
        func error(_ from: String, _ to: String) -> String {
            do { _ = try LessonParser.parse(Self.lesson.replacingOccurrences(of: from, with: to), file: "m.md"); return "" } catch {
                return "\(error)"
            }
        }
        #expect(error("seeds: [1, 2, 3]", "seeds: [1, 1]").contains("m.md:17"))
        #expect(error("seeds: [1, 2, 3]", "seeds: [1.5]").contains("a seed is a whole number"))
        #expect(error("versus: {cell: rnn_tanh}", "versus: {cell: bogus}").contains("m.md:18"))
        #expect(error("until: accuracy > 2", "until: accuracy >").contains("m.md:20"))
        #expect(error("    until: accuracy > 2", "    until: accuracy > 2\n    when: end").contains("does not go with"))
    }

    @Test func runsEveryArmAndSeedAndJudgesTheMeans() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let r = CheckRunner.run(l.checks[0], of: l, dataDirectory: Self.data)
        #expect(r.passed, "\(r.detail)")
        #expect(r.steps == 60)  // 2 arms × 3 seeds × 10 steps: `until` never held
        #expect(english(r.detail)!.contains("versus_parameters = "))
        // Flip the comparison: the same runs must now fail.
        var flipped = l.checks[0]
        flipped.expect = try CheckCondition.parse("parameters < versus_parameters").get()
        #expect(!CheckRunner.run(flipped, of: l, dataDirectory: Self.data).passed)
    }

    /// The lab's background check reaches the verifier's verdict, counts every step
    /// of every run, and stops early when cancelled.
    @Test func backgroundCheckAgreesWithTheRunnerAndCanBeCancelled() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let background = BackgroundCheck(l.checks[0], of: l, dataDirectory: Self.data)
        #expect(background.stepBudget == 60)
        let deadline = Date().addingTimeInterval(120)
        var polled = background.poll()
        while polled.result == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01); polled = background.poll() }
        try #require(polled.result != nil, "no verdict within 120 s")
        #expect(polled.result!.passed, "\(polled.result!.detail)")
        #expect(polled.steps == 60 && polled.result!.steps == 60)

        var long = l.checks[0]
        long.steps = 1_000_000
        let cancelled = BackgroundCheck(long, of: l, dataDirectory: Self.data)
        cancelled.cancel()
        let cancelDeadline = Date().addingTimeInterval(60)
        while cancelled.poll().result == nil && Date() < cancelDeadline { Thread.sleep(forTimeInterval: 0.01) }
        try #require(cancelled.poll().result != nil, "a cancelled check gave no verdict within 60 s")
        let r = cancelled.poll()
        #expect(!r.result!.passed && r.result!.detail == Phrase(.check(.cancelled)) && english(r.result!.detail) == "cancelled")
        #expect(r.steps < 1_000)
    }

    @Test func meanAveragesOnlyWhatEveryRunHas() {
        let m = CheckVerdict.mean([["a": 1, "b": 4], ["a": 3]])
        #expect(m == ["a": 2])
    }

    @Test func untilStopsARunAndRecordsTheStep() throws {
        let l = try LessonParser.parse(Self.lesson.replacingOccurrences(of: "until: accuracy > 2", with: "until: step >= 5")
            .replacingOccurrences(of: "expect: parameters > versus_parameters and reached == 0 and reached_at == 10",
                                  with: "expect: reached == 1 and reached_at == 5"), file: "m.md")
        let r = CheckRunner.run(l.checks[0], of: l, dataDirectory: Self.data)
        #expect(r.passed, "\(r.detail)")
        #expect(r.steps == 30)
    }

    @Test func identityInitialisationGivesRadiusTimesI() throws {
        let e = try Experiment(task: "adding", settings: ["cell": .choice("rnn_relu"), "recurrent_init": .choice("identity"),
                                                           "spectral_radius": .number(1.5), "hidden": .number(6)],
                               dataDirectory: Self.data)
        let w = e.stateDict()["rnn.weight_hh_l0"]!
        for i in 0..<6 { for j in 0..<6 { #expect(abs(w[i, j] - (i == j ? 1.5 : 0)) < 1e-6) } }
        let d = try Experiment(task: "adding", settings: ["cell": .choice("rnn_relu"), "hidden": .number(6)], dataDirectory: Self.data)
        #expect(abs(d.stateDict()["rnn.weight_hh_l0"]![0, 1]) > 0)
    }

    @Test func measurementsAppearOnlyWhenAsked() throws {
        let e = try Experiment(task: "echo", settings: ["T": .number(8), "hidden": .number(6), "batch": .number(4)], dataDirectory: Self.data)
        #expect(e.evaluate().measurements.isEmpty)
        e.measurements = ["rtrl_difference", "input_gate_gap"]
        for _ in 0..<3 { _ = e.trainStep() }
        let v = e.evaluate()
        // A tanh RNN: RTRL applies (and agrees), the LSTM's input gate does not.
        #expect(v.measurements.map(\.id.rawValue) == ["rtrl_difference"])
        #expect(v.measurements[0].value < 1e-4)
        #expect(v.gradientComparison?.rows.map(\.name) == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        #expect(v.gradientComparison!.rows.allSatisfy { $0.bptt > 0 && abs($0.bptt - $0.rtrl) <= 1e-4 * $0.rtrl })
    }

    @Test func mirrorWeightsReadTheAntiDiagonalAndTheCellAfterIt() {
        // L = 3 in a source of S = 4; rows are output steps (3 symbols, then <eos>).
        func map(_ at: (Int) -> Int) -> Tensor {
            var w = [Double](repeating: 0, count: 4 * 4)
            for u in 0..<4 { w[u * 4 + at(u)] = 1 }
            return Tensor(shape: [4, 4], doubles: w)
        }
        let exact = MirrorWeights(map { max(0, 2 - $0) }, length: 3)
        #expect(exact.mirror == 3 && exact.steps == 3 && exact.laterMirror == 2 && exact.next == 0 && exact.laterSteps == 2)
        // One to the right of the mirror on every row but the first (which has no such cell).
        let shifted = MirrorWeights(map { $0 == 0 ? 2 : 3 - $0 }, length: 3)
        #expect(shifted.mirror == 1 && shifted.laterMirror == 0 && shifted.next == 2)
        var sum = exact
        sum.add(shifted)
        #expect(sum.steps == 6 && sum.laterSteps == 4 && sum.next == 2 && sum.laterMirror == 2)
    }

    @Test func attentionMeasurementsSplitTheNearMirrorWeight() throws {
        let e = try Experiment(task: "reverse", settings: ["length": .number(6), "K": .number(4), "hidden": .number(8),
                                                            "embedding": .number(4), "batch": .number(4)],
                               dataDirectory: Self.data)
        e.measurements = ["attention_near_mirror"]
        _ = e.trainStep()
        let m = Dictionary(uniqueKeysWithValues: e.evaluate().measurements.map { ($0.id.rawValue, $0.value) })
        let (mirror, next, near) = try (#require(m["attention_mirror"]), #require(m["attention_next"]), #require(m["attention_near_mirror"]))
        // Both cells are real source positions (padding gets exactly 0), and an untrained
        // model spreads its weight, so neither holds most of it yet.
        #expect(mirror > 0 && next > 0 && near < 0.9)
        #expect(near >= next)  // the pair holds at least what its second cell holds
    }

    @Test func slopeFitsAPowerLaw() {
        let x = [16.0, 32, 64].map { Foundation.log($0) }
        #expect(abs(slope(x, [16.0, 32, 64].map { Foundation.log(3 * $0 * $0 * $0 * $0) }) - 4) < 1e-12)
    }
}

/// A check over several seeds keeps each seed's value, and says the spread.
@Suite struct PerSeedVerdictTests {
    @Test func verdictKeepsEachSeedsValueAndItsSpread() throws {
        let l = try LessonParser.parse(MultiRunCheckTests.lesson, file: "m.md")
        var check = l.checks[0]
        check.expect = try CheckCondition.parse("accuracy > 0.9 and accuracy > versus_accuracy").get()
        func run(_ a: Double) -> CheckRun.Outcome { CheckRun.Outcome(values: ["accuracy": a], steps: 10, end: .budget) }
        let v = CheckVerdict.judge(check, runs: [run(0.93), run(0.95), run(0.91)], versusRuns: [run(0.5), run(0.7), run(0.6)],
                                   seeds: [4, 5, 6])
        #expect(v.passed)
        #expect(abs(v.values["accuracy"]! - 0.93) < 1e-12)
        #expect(v.seeds == [4, 5, 6])
        #expect(v.perSeed["accuracy"] == [0.93, 0.95, 0.91])
        #expect(v.perSeed["versus_accuracy"] == [0.5, 0.7, 0.6])
        #expect(v.spread("accuracy") == 0.91...0.95)
        let rows = CheckRunner.seedValues(v)
        #expect(rows.map(\.metric) == ["accuracy", "versus_accuracy"])
        #expect(rows[0].seeds == "4,5,6" && rows[0].values == "0.93 0.95 0.91")
        #expect(rows[1].values == "0.5 0.7 0.6")
        let detail = Language.english.render(CheckRunner.describe(v))
        #expect(detail.contains("accuracy = 0.93 (want > 0.9) [0.91 to 0.95 over 3 seeds]"), "\(detail)")
        #expect(detail.contains("versus_accuracy 0.5 to 0.7"), "\(detail)")
        // One seed failing is visible even when the mean holds.
        let mixed = CheckVerdict.judge(check, runs: [run(0.99), run(0.99), run(0.85)], versusRuns: [run(0.5), run(0.5), run(0.5)],
                                       seeds: [1, 2, 3])
        #expect(mixed.passed && mixed.spread("accuracy")!.lowerBound == 0.85)
        // A one-run check keeps nothing per seed and says no spread.
        let single = CheckVerdict.judge(check, runs: [run(0.93)], versusRuns: [run(0.5)])
        #expect(single.perSeed.isEmpty && single.seeds.isEmpty && CheckRunner.seedValues(single).isEmpty)
        #expect(!Language.english.render(CheckRunner.describe(single)).contains("seeds"))
    }

    @Test func theRunnerRecordsTheSeedsItRan() throws {
        let l = try LessonParser.parse(MultiRunCheckTests.lesson, file: "m.md")
        let r = CheckRunner.run(l.checks[0], of: l, seed: 7, dataDirectory: MultiRunCheckTests.data)
        let v = try #require(r.verdict)
        #expect(v.seeds == [7, 8, 9])
        #expect(v.perSeed["parameters"]?.count == 3 && v.perSeed["versus_parameters"]?.count == 3)
        #expect(v.perSeed["reached_at"] == [10, 10, 10])
    }
}

/// A check may train on another task than its lesson's (`task:`).
@Suite struct OtherTaskCheckTests {
    static let lesson = MultiRunCheckTests.lesson.replacingOccurrences(of: "checks:\n", with: """
        checks:
          - id: dates
            title: The encoder-decoder runs on dates
            task: dates
            set: {cell: gru, embedding: 4, attention: 0}
            steps: 2
            expect: accuracy > 0.0001 and beam_gain > -1

        """).replacingOccurrences(of: "  eval_every: 5", with: "  eval_every: 5\n  formats: 3")

    @Test func readsTheTaskAndItsSettings() throws {
        // `formats` is a knob of dates, not of echo: the lesson refuses it…
        #expect(throws: LessonError.self) { try LessonParser.parse(Self.lesson, file: "m.md") }
        let text = Self.lesson.replacingOccurrences(of: "\n  formats: 3", with: "")
        let l = try LessonParser.parse(text, file: "m.md")
        let check = l.checks[0]
        #expect(check.task == "dates" && check.taskName(in: l) == "dates" && l.checks[1].task == nil)
        let s = CheckEligibility.settings(of: check, in: l)
        // …the check keeps the lesson's model and training settings and takes dates' knobs.
        #expect(s["formats"] == .number(3) && s["T"] == nil && s["k"] == nil)
        #expect(s["hidden"] == .number(8) && s["batch"] == .number(8) && s["cell"] == .choice("gru"))
        #expect(!CheckEligibility.matches(check, in: l, s))
        // Its metrics are the task's (the seq2seq measurement applies): lint says nothing
        // of its condition (only, as of every check here, that no knob reaches its `set:`).
        let facts = try LessonLint.facts(l).get()
        let problems = LessonLint.problems(l, task: facts, dataDirectory: MultiRunCheckTests.data).map(\.description)
        #expect(!problems.contains { $0.contains("check dates") && !$0.contains("not a knob") }, "\(problems)")
        let r = CheckRunner.run(check, of: l, dataDirectory: MultiRunCheckTests.data)
        #expect(r.passed, "\(r.detail)")
        #expect(r.verdict?.values["beam_gain"] != nil)
        var bogus = text.replacingOccurrences(of: "task: dates", with: "task: nowhere")
        #expect(throws: LessonError.self) { try LessonParser.parse(bogus, file: "m.md") }
        bogus = text.replacingOccurrences(of: "set: {cell: gru,", with: "set: {T: 4, cell: gru,")
        #expect(throws: LessonError.self) { try LessonParser.parse(bogus, file: "m.md") }
    }
}
