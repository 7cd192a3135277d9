import LabText
import Foundation
import Testing
@testable import RNNLab

/// `rnnlab verify`'s schedule: runs trained on several threads, a run two
/// checks need trained once, results in the order given and each the same as
/// the check run on its own (``CheckRunner/run``).
@Suite struct CheckScheduleTests {
    static let data = ExperimentTests.data

    /// Four checks on echo: `early` and `late` ask for the same run (the lesson's
    /// settings) but stop at different points and measure different things;
    /// `wide` shares its seed-1 main arm with them and trains two other runs;
    /// `other` (hidden 4) shares nothing.
    static let lesson = """
    ---
    id: shared
    title: Shared
    chapter: 1. Foundations
    summary: s
    experiment:
      task: echo
      T: 12
      k: 1
      hidden: 8
      batch: 8
      learning_rate: 0.01
      eval_every: 5
      seed: 1
    checks:
      - id: early
        title: Early
        steps: 40
        expect: accuracy > 0.5
      - id: late
        title: Late
        steps: 30
        when: end
        expect: accuracy > 0.3 and memory_r2_lag_1 > -10
      - id: wide
        title: Wide
        seeds: [1, 2]
        versus: {hidden: 2}
        steps: 20
        until: accuracy > 0.6
        expect: reached_at <= versus_reached_at
      - id: other
        title: Other
        set: {hidden: 4}
        steps: 15
        when: end
        expect: accuracy > 0.99
    ---

    # Page
    """

    @Test func sharedRunsJudgeEachCheckAsItsOwnRunWould() throws {
        let l = try LessonParser.parse(Self.lesson, file: "s.md")
        let alone = l.checks.map { CheckRunner.run($0, of: l, dataDirectory: Self.data) }
        for jobs in [1, 2] {
            let schedule = CheckSchedule(l.checks.map { .init(lesson: l, check: $0) }, dataDirectory: Self.data)
            // early, late, wide seed 1 share one run: 1 + 1 + 4 + 1 = 7 runs needed, 5 distinct.
            #expect(schedule.runCounts.needed == 7 && schedule.runCounts.distinct == 5)
            var order: [Int] = []
            schedule.run(jobs: jobs) { i, r in
                order.append(i)
                let a = alone[i]
                #expect(r.check == a.check && r.passed == a.passed && r.steps == a.steps, "\(r.check) at \(jobs) jobs")
                // Every number the verdict holds, bit for bit, and each run's metrics.
                #expect(r.verdict == a.verdict, "\(r.check) at \(jobs) jobs")
                #expect(english(r.detail) == english(a.detail))
            }
            #expect(order == [0, 1, 2, 3])
        }
        // The checks really differ in where they stop, so sharing had something to get right.
        #expect(Set(alone.map(\.steps)).count > 2, "\(alone.map(\.steps))")
        #expect(alone[1].verdict?.values["memory_r2_lag_1"] != nil && alone[0].verdict?.values["memory_r2_lag_1"] == nil)
    }

    @Test func aSweepOfSeedsSharesTheRunsOfNeighbouringSeeds() throws {
        let l = try LessonParser.parse(Self.lesson, file: "s.md")
        let wide = l.checks[2]
        let items = [1, 2, 3].map { CheckSchedule.Item(lesson: l, check: wide, seed: $0) }
        let schedule = CheckSchedule(items, dataDirectory: Self.data)
        // Seed 1 trains seeds 1, 2; seed 2 trains 2, 3; seed 3 trains 3, 4 — per arm.
        #expect(schedule.runCounts.needed == 12 && schedule.runCounts.distinct == 8)
        schedule.run(jobs: 2) { i, r in
            let a = CheckRunner.run(wide, of: l, seed: i + 1, dataDirectory: Self.data)
            #expect(r.verdict == a.verdict && r.verdict?.seeds == [i + 1, i + 2])
        }
    }

    @Test func aRunThatCannotBeBuiltFailsEveryCheckThatNeedsIt() throws {
        var l = try LessonParser.parse(Self.lesson, file: "s.md")
        l.checks[3].set["T"] = .number(-3)  // out of range: the experiment refuses to build
        let schedule = CheckSchedule([.init(lesson: l, check: l.checks[3]), .init(lesson: l, check: l.checks[0])], dataDirectory: Self.data)
        var results: [CheckResult] = []
        schedule.run(jobs: 2) { _, r in results.append(r) }
        #expect(results.count == 2 && !results[0].passed && results[0].verdict == nil && results[0].steps == 0)
        #expect(results[1].check == "early" && results[1].verdict != nil)
    }
}

