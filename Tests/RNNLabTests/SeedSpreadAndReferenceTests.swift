import LabText
import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// A multi-seed check may weigh the seed-to-seed spread of a metric against the
/// gap between its two arms (`spread_accuracy`, `gap_accuracy`), and a lesson may
/// quote results from elsewhere with their sample size (`references:`).
@Suite struct SeedSpreadAndReferenceTests {
    func run(_ a: Double) -> CheckRun.Outcome { CheckRun.Outcome(values: ["accuracy": a], steps: 10, end: .budget) }

    func check(_ expect: String) throws -> LessonCheck {
        var c = try LessonParser.parse(MultiRunCheckTests.lesson, file: "m.md").checks[0]
        c.expect = try CheckCondition.parse(expect).get()
        return c
    }

    @Test func spreadIsGreatestMinusLeastAndGapIsTheMeansApart() throws {
        let c = try check("spread_accuracy > 1.5 * gap_accuracy and versus_spread_accuracy > 1.5 * gap_accuracy")
        // Means 0.92 and 0.93, gap 0.01; spreads 0.04 and 0.02: both beyond 1.5 × the gap.
        let wide = CheckVerdict.judge(c, runs: [run(0.90), run(0.94), run(0.92)], versusRuns: [run(0.92), run(0.94), run(0.93)], seeds: [1, 2, 3])
        #expect(abs(wide.values["spread_accuracy"]! - 0.04) < 1e-12)
        #expect(abs(wide.values["versus_spread_accuracy"]! - 0.02) < 1e-12)
        #expect(abs(wide.values["gap_accuracy"]! - 0.01) < 1e-12)
        #expect(wide.passed)
        // Cells ten points apart: the gap outweighs every seed's reach, and the check fails.
        let apart = CheckVerdict.judge(c, runs: [run(0.90), run(0.94), run(0.92)], versusRuns: [run(0.80), run(0.83), run(0.82)], seeds: [1, 2, 3])
        #expect(!apart.passed)
        #expect(apart.values["gap_accuracy"]! > 0.09)
        // The per-seed lines show the metrics the aggregates are taken over.
        #expect(CheckRunner.seedValues(wide).map(\.metric) == ["accuracy", "versus_accuracy"])
        #expect(wide.perSeed["versus_accuracy"] == [0.92, 0.94, 0.93])
    }

    @Test func theVocabularyOffersSpreadOnlyOverSeedsAndGapOnlyWithVersus() throws {
        let l = try LessonParser.parse(MultiRunCheckTests.lesson, file: "m.md")
        let metrics = [MetricKind.accuracy]
        var c = l.checks[0]
        let multi = CheckVocabulary(lesson: l, check: c, taskMetrics: metrics, taskKind: .classification, hasMarker: false)
        #expect(multi.problem("spread_accuracy") == nil && multi.problem("versus_spread_accuracy") == nil && multi.problem("gap_accuracy") == nil)
        #expect(multi.kinds["spread_accuracy"]?.range == 0...1 && multi.kinds["spread_accuracy"]?.isFraction == true)
        c.seeds = []
        let one = CheckVocabulary(lesson: l, check: c, taskMetrics: metrics, taskKind: .classification, hasMarker: false)
        #expect(one.problem("spread_accuracy").map(Language.english.render)?.contains("seeds") == true)
        c.versus = nil
        let alone = CheckVocabulary(lesson: l, check: c, taskMetrics: metrics, taskKind: .classification, hasMarker: false)
        #expect(alone.problem("gap_accuracy") != nil)
    }

    static func lesson(_ block: String) -> String {
        MultiRunCheckTests.lesson.replacingOccurrences(of: "---\n\n# Page", with: block + "---\n\n# Page")
    }

    @Test func referencesParseWithTheirStandardError() throws {
        let l = try LessonParser.parse(Self.lesson("""
        references:
          - label: seed 001 GRUCell
            metric: accuracy
            value: 0.9921875
            n: 128
          - label: a paper
            metric: mse
            value: 3.5

        """), file: "m.md")
        #expect(l.references.map(\.label) == ["seed 001 GRUCell", "a paper"])
        let se = try #require(l.references[0].standardError)
        #expect(abs(se - (0.9921875 * 0.0078125 / 128).squareRoot()) < 1e-15)
        #expect(l.references[1].standardError == nil && l.references[1].n == nil)
    }

    @Test func aBadReferenceIsRefusedWithItsLine() throws {
        func problems(_ block: String) -> [String] { LessonParser.check(Self.lesson(block), file: "m.md").problems.map(\.description) }
        let notFraction = problems("references:\n  - label: x\n    metric: accuracy\n    value: 94.5\n    n: 128\n")
        #expect(notFraction.contains { $0.contains("m.md:25") && $0.contains("from 0 to 1, not 94.5") }, "\(notFraction)")
        let badCount = problems("references:\n  - label: x\n    metric: accuracy\n    value: 0.9\n    n: 12.5\n")
        #expect(badCount.contains { $0.contains("m.md:26") && $0.contains("at least 1, not 12.5") }, "\(badCount)")
        let unknown = problems("references:\n  - label: x\n    metric: accuracy\n    value: 0.9\n    source: y\n")
        #expect(unknown.contains { $0.contains("m.md:26") && $0.contains("source") }, "\(unknown)")
    }
}
