import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// The classifier settings of lessons 9–11: `readout` (last or max over time),
/// `mask` (skip padding or feed it) and `architecture: rcnn` (``RCNNModel``).
@Suite struct ClassifierModelTests {
    func authorship(_ extra: [String: SettingValue]) throws -> Experiment {
        var s: [String: SettingValue] = ["cell": .choice("gru"), "hidden": .number(6), "token_embedding": .number(5),
                                         "batch": .number(8), "eval_every": .number(1000)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "authorship", settings: s, dataDirectory: ExperimentTests.data)
    }

    /// The first `rows` rows of `batch` with `extra` more padded steps at the end of every row.
    func padded(_ batch: SequenceBatch, rows: Int, extra: Int) -> SequenceBatch {
        padded(batch, rows: Array(0..<rows), extra: extra)
    }

    /// Rows `rows` of `batch`, in that order, with `extra` more padded steps at the end of every row.
    func padded(_ batch: SequenceBatch, rows: [Int], extra: Int) -> SequenceBatch {
        let (T, U) = (batch.steps, batch.steps + extra)
        let ids = batch.inputTokens!
        var tokens: [Int] = [], mask: [Bool] = []
        var inputs = Tensor(zeros: [rows.count, U, batch.inputSize])
        for (r, b) in rows.enumerated() {
            for t in 0..<U {
                tokens.append(t < T ? ids[b * T + t] : Vocabulary.pad)
                mask.append(t < T && batch.mask[b * T + t])
                if t < T { for i in 0..<batch.inputSize { inputs[r, t, i] = batch.inputs[b, t, i] } }
            }
        }
        return SequenceBatch(kind: batch.kind, inputs: inputs, inputTokens: tokens, lengths: rows.map { batch.lengths[$0] },
                             mask: mask, targetClasses: rows.map { batch.targetClasses![$0] },
                             targetMask: rows.map { batch.targetMask[$0] })
    }

    func logits(_ e: Experiment, _ batch: SequenceBatch) -> [Double] {
        e.model.isTraining = false
        return e.model.evaluate(batch, task: e.task, recordAttention: false).outputs.doubles
    }

    /// Masked, the logits of a row do not depend on how much padding follows it, for
    /// both read-outs and for the RCNN; with `mask: 0` they do (padding is read as input).
    @Test func maskMakesPaddingIrrelevant() throws {
        for extra: [String: SettingValue] in [[:], ["readout": .choice("max")], ["architecture": .choice("rcnn")]] {
            let e = try authorship(extra)
            let batch = try #require(e.validation.first)
            let rows = [0, 1, 2] + batch.lengths.indices.filter { batch.lengths[$0] == batch.steps }.prefix(2)
            let (a, b) = (logits(e, padded(batch, rows: rows, extra: 0)), logits(e, padded(batch, rows: rows, extra: 7)))
            #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 }, "\(extra): \(a) vs \(b)")
        }
        let unmasked = try authorship(["mask": .number(0)])
        let batch = try #require(unmasked.validation.first)
        // Rows that fill the batch's T: with extra 0 they read no padding at all (a row that
        // already sat through many padded steps can have settled where more change nothing).
        let full = batch.lengths.indices.filter { batch.lengths[$0] == batch.steps }
        try #require(!full.isEmpty)
        let (a, b) = (logits(unmasked, padded(batch, rows: full, extra: 0)), logits(unmasked, padded(batch, rows: full, extra: 7)))
        #expect(zip(a, b).contains { abs($0 - $1) > 1e-4 }, "mask 0 should read the padding: \(a) vs \(b)")
    }

    /// `readout: max` feeds the head each unit's maximum over the real steps: the
    /// logits equal head(max_t h_t) computed by hand from the layer's outputs.
    @Test func maxReadoutIsTheMaximumOverRealSteps() throws {
        let e = try authorship(["readout": .choice("max")])
        let model = try #require(e.model as? SequenceModel)
        let batch = padded(try #require(e.validation.first), rows: 3, extra: 0)
        let states = withNoGrad { model.recurrent(model.recurrentInputs(batch), mask: batch.mask).output.value }
        let H = states.shape[2]
        var pooled = Tensor(zeros: [3, H])
        for b in 0..<3 {
            for j in 0..<H { pooled[b, j] = (0..<batch.lengths[b]).map { states[b, $0, j] }.max()! }
        }
        let expected = withNoGrad { model.head(Variable(pooled)).value.doubles }
        #expect(zip(logits(e, batch), expected).allSatisfy { abs($0 - $1) < 1e-5 })
        let last = try authorship([:])
        #expect(logits(last, batch) != logits(e, batch))   // same weights (same seed), another read-out
    }

    /// `architecture: rcnn` builds the RCNN: its parameters, (B, T, C) position features,
    /// (B, K) logits; it refuses a task that is not classification.
    @Test func rcnnShapesAndParameters() throws {
        let e = try authorship(["architecture": .choice("rcnn")])
        let model = try #require(e.model as? RCNNModel)
        let names = Set(e.stateDict().keys)
        for name in ["embedding.weight", "initial_left", "initial_right", "position.weight", "head.weight"] {
            #expect(names.contains(name), "\(name) in \(names.sorted())")
        }
        #expect(e.stateDict()["position.weight"]!.shape == [6, 2 * 6 + 5])
        let batch = try #require(e.validation.first)
        #expect(withNoGrad { model.positions(batch).value.shape } == [batch.batchSize, batch.steps, 6])
        #expect(logits(e, batch).count == batch.batchSize * 2)
        #expect(throws: (any Error).self) {
            _ = try Experiment(task: "adding", settings: ["architecture": .choice("rcnn"), "T": .number(10)], dataDirectory: ExperimentTests.data)
        }
        #expect(try authorship([:]).model is SequenceModel)
    }

    /// It learns: over 150 steps the mean training loss of the last 20 falls below
    /// 85% of the first 20's.
    @Test func rcnnTrains() throws {
        let e = try authorship(["architecture": .choice("rcnn"), "learning_rate": .number(0.01), "batch": .number(32)])
        let losses = (0..<150).map { _ in e.trainStep().loss }
        let (first, last) = (losses.prefix(20).reduce(0, +) / 20, losses.suffix(20).reduce(0, +) / 20)
        #expect(last < 0.85 * first, "training loss \(first) → \(last)")
    }

    /// Winners: the first step of each feature's maximum within the real length; the
    /// share counts distinct winning steps over the length.
    @Test func maxPoolWinnersByHand() {
        // T = 4, C = 3; row of length 3 (step 3 is padding with the largest values).
        let f: [Double] = [0.1, 0.9, 0.2,
                           0.5, 0.9, 0.1,
                           0.4, 0.3, 0.7,
                           9.0, 9.0, 9.0]
        let w = MaxPoolWinners.winners(f, steps: 4, channels: 3, length: 3)
        #expect(w == [1, 0, 2])
        #expect(MaxPoolWinners.share(w, length: 3) == 1)
        #expect(MaxPoolWinners.share([1, 1, 1], length: 4) == 0.25)
    }

    /// `winner_share_uniform` is 1 − (1 − 1/L)^C averaged over the first validation
    /// batch's rows, and `winner_share` agrees with the winners of those rows.
    @Test func winnerShareMeasurement() throws {
        let e = try authorship(["architecture": .choice("rcnn")])
        let rows = try #require(e.maxPoolWinnerRows())
        let shares = try #require(e.maxPoolWinnerShares())
        let batch = try #require(e.validation.first)
        let uniform = batch.lengths.map { 1 - pow(1 - 1 / Double($0), 6) }.reduce(0, +) / Double(batch.batchSize)
        #expect(abs(shares.uniform - uniform) < 1e-12)
        let observed = rows.map { Double(Set($0.winners).count) / Double($0.length) }.reduce(0, +) / Double(rows.count)
        #expect(abs(shares.observed - observed) < 1e-12)
        #expect(rows.allSatisfy { r in r.winners.allSatisfy { $0 < r.length } })
        #expect(try authorship([:]).maxPoolWinnerShares() == nil)
    }
}
