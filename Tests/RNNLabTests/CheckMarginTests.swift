import Foundation
import Testing
@testable import RNNLab

/// `verify --margins`: each clause's worst seed measured against the
/// threshold's distance, a thin pass and a failing seed marked, and an early
/// stop measured by the budget it left.
@Suite struct CheckMarginTests {
    static let lesson = """
    ---
    id: margins
    title: Margins
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
      - id: level
        title: Level
        steps: 100
        when: end
        expect: accuracy > 0.9 and loss < 2
      - id: against
        title: Against
        versus: {hidden: 2}
        steps: 100
        when: end
        expect: accuracy > versus_accuracy and loss == 0.5
      - id: early
        title: Early
        steps: 100
        expect: accuracy > 0.9
    ---

    # Page
    """

    /// The verdict of `check` on one run with these values.
    static func verdict(_ check: LessonCheck, _ values: [String: Double], versus: [String: Double]? = nil, steps: Int = 100) -> CheckVerdict {
        CheckVerdict.judge(check, runs: [CheckRun.Outcome(values: values, steps: steps, end: .budget)],
                           versusRuns: versus.map { [CheckRun.Outcome(values: $0, steps: steps, end: .budget)] } ?? [])
    }

    @Test func theWorstSeedDecidesAndAFailingSeedIsMarked() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let level = l.checks[0]
        let vs = [0.97, 0.93, 0.85].map { Self.verdict(level, ["accuracy": $0, "loss": 0.5]) }
        let m = CheckMargin(level, seeds: [1, 2, 3], verdicts: vs, passed: vs.map(\.passed))
        #expect(!m.passedEverywhere && !m.isThin)
        #expect(m.clauses.map(\.text) == ["accuracy > 0.9", "loss < 2"])
        #expect(m.clauses[0].values == [0.97, 0.93, 0.85] && !m.clauses[0].holdsEverywhere)
        // accuracy is a fraction: the distance from 0.9 is 0.1 (to 1), not 0.9.
        #expect(abs(m.clauses[0].worst! - -0.5) < 1e-9)
        #expect(abs(m.clauses[1].worst! - 0.75) < 1e-9)   // (2 − 0.5) / 2: loss is unbounded above 0
        #expect(m.stoppedAt.isEmpty && m.budgetLeft == nil)
    }

    @Test func aPassUnderTenPercentIsThin() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let level = l.checks[0]
        let thin = [0.99, 0.905].map { Self.verdict(level, ["accuracy": $0, "loss": 0.5]) }
        let m = CheckMargin(level, seeds: [4, 5], verdicts: thin, passed: thin.map(\.passed))
        #expect(m.passedEverywhere && m.isThin && abs(m.worst! - 0.05) < 1e-9)
        let wide = [0.99, 0.95].map { Self.verdict(level, ["accuracy": $0, "loss": 0.5]) }
        #expect(!CheckMargin(level, seeds: [4, 5], verdicts: wide, passed: wide.map(\.passed)).isThin)
    }

    @Test func metricThresholdsMoveWithTheSeedAndEqualityIsExact() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let against = l.checks[1]
        let vs = [(0.8, 0.5), (0.6, 0.55)].map { Self.verdict(against, ["accuracy": $0.0, "loss": 0.5], versus: ["accuracy": $0.1]) }
        let m = CheckMargin(against, seeds: [1, 2], verdicts: vs, passed: vs.map(\.passed))
        #expect(m.passedEverywhere)
        #expect(m.clauses[0].thresholds == [0.5, 0.55])
        // Seed 2: (0.6 − 0.55) / min(0.55, 0.45).
        #expect(abs(m.clauses[0].worst! - 0.05 / 0.45) < 1e-9)
        #expect(m.clauses[1].worst == nil && m.clauses[1].holdsEverywhere)
        #expect(!m.isThin)
    }

    @Test func anEarlyStopIsMeasuredByTheBudgetItLeft() throws {
        let l = try LessonParser.parse(Self.lesson, file: "m.md")
        let early = l.checks[2]
        // Stopped where accuracy first passed 0.9: at step 40 and at step 75; the value says nothing.
        let vs = [(40, 0.91), (75, 0.902)].map { Self.verdict(early, ["accuracy": $0.1, "step": Double($0.0)], steps: $0.0) }
        let m = CheckMargin(early, seeds: [1, 2], verdicts: vs, passed: vs.map(\.passed))
        #expect(m.clauses[0].worst == nil)
        #expect(m.stoppedAt == [40, 75] && abs(m.budgetLeft! - 0.25) < 1e-9 && !m.isThin)
        // One seed that ran its whole budget (passing only at the last evaluation) leaves nothing.
        let late = Self.verdict(early, ["accuracy": 0.95, "step": 100])
        let n = CheckMargin(early, seeds: [1, 2], verdicts: [vs[0], late], passed: [true, true])
        #expect(n.stoppedAt == [40, nil] && n.budgetLeft == 0 && n.isThin)
    }
}
