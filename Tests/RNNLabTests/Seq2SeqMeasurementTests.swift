import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// The encoder–decoder lessons' measurements: beam against greedy decoding,
/// attention on a date's month, accuracy beyond the trained lengths.
@Suite struct Seq2SeqMeasurementTests {
    static let data = ExperimentTests.data

    @Test func monthSpanFindsTheMonthAsAWholeWord() {
        for format in 0..<3 {
            let text = DateWords.words(year: 1994, month: 5, day: 23, format: format)
            let span = DateWords.monthSpan(in: text)
            #expect(span.map { String(Array(text)[$0]) } == "may", "\(text)")
        }
        #expect(DateWords.monthSpan(in: "first of march two thousand") == 9..<14)
        #expect(DateWords.monthSpan(in: "mayday nineteen") == nil)   // not a whole word
        #expect(DateWords.iso(year: 1994, month: 3, day: 7).map(String.init)[DateWords.monthOutputSteps].joined() == "03")
    }

    @Test func monthWeightsSumTheMonthColumnsOfTheMonthRows() {
        // A source of 10 characters (12 columns, 2 padded) whose month word is at 3..<6;
        // 11 output rows, each putting 0.5 on column 4 and 0.5 on column 8, except the
        // two month rows (5 and 6), which put 0.9 and 0.6 on the month's columns.
        var w = [Double](repeating: 0, count: 11 * 12)
        for u in 0..<11 { w[u * 12 + 4] = 0.5; w[u * 12 + 8] = 0.5 }
        for c in 0..<12 { w[5 * 12 + c] = 0; w[6 * 12 + c] = 0 }
        w[5 * 12 + 3] = 0.5; w[5 * 12 + 5] = 0.4; w[5 * 12 + 9] = 0.1
        w[6 * 12 + 4] = 0.6; w[6 * 12 + 0] = 0.4
        let m = MonthWeights(Tensor(shape: [11, 12], doubles: w), month: 3..<6, length: 10)
        #expect(m.steps == 2)
        #expect(abs(m.onMonth - 1.5) < 1e-6)
        #expect(abs(m.uniform - 0.6) < 1e-12)   // 3 of 10 characters, twice
        // A decoding that stopped before the month writes nothing.
        let short = MonthWeights(Tensor(shape: [5, 12], doubles: Array(w[0..<60])), month: 3..<6, length: 10)
        #expect(short.steps == 0 && short.onMonth == 0)
        var sum = m
        sum.add(m)
        #expect(sum.steps == 4 && abs(sum.onMonth - 3) < 1e-6)
    }

    @Test func longerReversalsHaveExactlyTheirLength() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5 {
            let e = ReversalTask.example(length: 25, alphabet: 8, &rng)
            #expect(e.steps == 25 && e.tokens.count == 25 && e.outputs == e.tokens.reversed())
            #expect(e.tokens.allSatisfy { (4..<12).contains($0) })
        }
    }

    func measured(_ e: Experiment) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: e.evaluate().measurements.map { ($0.id.rawValue, $0.value) })
            .merging(e.evaluate().metrics.map { ($0.id.rawValue, $0.value) }) { a, _ in a }
    }

    /// The beam measurement decodes the same weights both ways: its greedy half is the
    /// evaluation's exact match, and with `beam_width` 4 the evaluation's own exact
    /// match is the beam's.
    @Test func beamGainComparesTheSameWeightsDecodedTwoWays() throws {
        let settings: [String: SettingValue] = ["length": .number(6), "K": .number(4), "hidden": .number(8),
                                                "embedding": .number(4), "batch": .number(16), "attention": .number(0)]
        let e = try Experiment(task: "reverse", settings: settings, dataDirectory: Self.data)
        e.measurements = ["beam_gain"]
        for _ in 0..<30 { _ = e.trainStep() }
        let m = measured(e)
        let (beam, gain, greedy) = try (#require(m["beam_exact_match"]), #require(m["beam_gain"]), #require(m["exact_match"]))
        #expect(abs(gain - (beam - greedy)) < 1e-12)
        try e.apply("beam_width", .number(4))
        let b = measured(e)
        #expect(b["exact_match"] == beam && b["beam_exact_match"] == beam)
    }

    @Test func accuracyBeyondScoresLongerSourcesAndItsDropFromTheLongest() throws {
        let e = try Experiment(task: "reverse", settings: ["length": .number(12), "K": .number(4), "hidden": .number(8),
                                                            "embedding": .number(4), "batch": .number(16)], dataDirectory: Self.data)
        e.measurements = ["accuracy_beyond"]
        for _ in 0..<5 { _ = e.trainStep() }
        let m = measured(e)
        let beyond = try #require(m["accuracy_beyond"])
        let drop = try #require(m["beyond_drop"])
        #expect((0...1).contains(beyond))
        let long = try #require(LengthBucket.split(e.accuracyByLength(), span: Measurement.lengthSpan)?.long)
        #expect(abs(drop - (long - beyond)) < 1e-12)
        // Only the reversal has lengths to go beyond.
        let d = try Experiment(task: "dates", settings: ["hidden": .number(8), "embedding": .number(4), "batch": .number(8)],
                               dataDirectory: Self.data)
        d.measurements = ["accuracy_beyond", "attention_on_month"]
        _ = d.trainStep()
        let dm = measured(d)
        #expect(dm["accuracy_beyond"] == nil)
        // An untrained attention spreads its weight: on the month about its share of the source.
        let (month, uniform) = try (#require(dm["attention_on_month"]), #require(dm["month_uniform"]))
        #expect(uniform > 0.05 && uniform < 0.4 && month > 0 && month < 3 * uniform)
    }
}
