import Testing
import RNNEngine
@testable import RNNLab

/// `accuracy_short` / `accuracy_long` / `accuracy_gap` (seq2seq by source length) and
/// `input_gate_gap_top` (the LSTM's writing units).
@Suite struct LengthSplitAndWritingUnitsTests {
    /// Pools the `span` shortest and longest lengths that have tokens, weighted by tokens.
    @Test func splitPoolsTheShortestAndLongestLengths() throws {
        let buckets = [LengthBucket(length: 3, counted: 10, correct: 10), LengthBucket(length: 4, counted: 30, correct: 20),
                       LengthBucket(length: 5, counted: 0, correct: 0),   // empty: skipped
                       LengthBucket(length: 6, counted: 50, correct: 25), LengthBucket(length: 7, counted: 50, correct: 5)]
        let split = try #require(LengthBucket.split(buckets, span: 2))
        #expect(split.short == 30.0 / 40.0)
        #expect(split.long == 30.0 / 100.0)
        // Too few filled lengths for two disjoint groups.
        #expect(LengthBucket.split(buckets, span: 3) == nil)
    }

    /// On a reversal run the three metrics agree with the per-length probe grid.
    @Test func metricsAgreeWithTheLengthGrid() throws {
        let e = try Seq2SeqSettingsTests.reverse(["length": .number(12)])
        e.measurements = ["accuracy_gap", "accuracy_by_length"]
        let evaluation = e.evaluate()
        let short = try #require(evaluation.measurements[MetricID("accuracy_short")])
        let long = try #require(evaluation.measurements[MetricID("accuracy_long")])
        let gap = try #require(evaluation.measurements[MetricID("accuracy_gap")])
        #expect(gap == short - long)
        let grid = try #require(evaluation.probes[.accuracyByLength]?.grid)
        var buckets: [LengthBucket] = []
        for r in 0..<grid.rows {
            let length = try #require(Int(grid.rowLabels[r]))
            let counted: Double = grid.values[r * 2 + 1]
            let accuracy: Double = grid.values[r * 2]
            buckets.append(LengthBucket(length: length, counted: Int(counted), correct: Int((accuracy * counted).rounded())))
        }
        let expected = try #require(LengthBucket.split(buckets, span: Measurement.lengthSpan))
        #expect(abs(expected.short - short) < 1e-12 && abs(expected.long - long) < 1e-12)
    }

    /// The writing units are those whose cell state moved most at the first marker,
    /// and the gap is taken on them alone.
    @Test func inputGateGapUsesTheUnitsThatWrote() throws {
        // T = 4, H = 4: the first marker at t = 1; unit 2 jumps there, the others barely move.
        let cell = Tensor(shape: [4, 4], doubles: [0, 0, 0, 0,
                                         0.01, 0.02, 0.9, 0,
                                         0.01, 0.02, 0.9, 0,
                                         0.01, 0.02, 1.5, 0])
        let marked = [false, true, false, true]
        #expect(WritingUnits.top(cell: cell, marked: marked) == [2])
        // Unit 2's input gate: 0.9 on the markers, 0.1 elsewhere; unit 0's the reverse.
        var g = [Double](repeating: 0.5, count: 16)
        for t in 0..<4 { g[t * 4 + 2] = marked[t] ? 0.9 : 0.1; g[t * 4] = marked[t] ? 0.1 : 0.9 }
        let gate = Tensor(shape: [4, 4], doubles: g)
        let gap = try #require(WritingUnits.inputGateGap(gate: gate, cell: cell, marked: marked))
        #expect(abs(gap - 0.8) < 1e-12)
        #expect(WritingUnits.inputGateGap(gate: gate, cell: cell, marked: [false, false, false, false]) == nil)
    }
}
