import Foundation
import Testing
import RNNEngine
@testable import RNNLab

/// The seq2seq bridge and beam width as settings, and accuracy by source length.
@Suite struct Seq2SeqSettingsTests {
    static func reverse(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["length": .number(6), "K": .number(5), "cell": .choice("gru"), "hidden": .number(8),
                                         "embedding": .number(6), "batch": .number(16), "eval_every": .number(10)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "reverse", settings: s, dataDirectory: ExperimentTests.data)
    }

    static func translation(_ e: Experiment) throws -> TranslationModel {
        try #require(e.model as? TranslationModel)
    }

    /// s₀ is the encoder's last state with `last_state`, and tanh(W h←_1 + b) with
    /// `tanh_backward` (bidirectional: h←_1 is the backward direction's final state).
    @Test(arguments: [false, true])
    func bridgeChoosesTheInitialDecoderState(bidirectional: Bool) throws {
        let bi: SettingValue = .number(bidirectional ? 1 : 0)
        let last = try Self.translation(try Self.reverse(["bridge": .choice("last_state"), "bidirectional": bi])).seq2seq
        let bahdanau = try Self.translation(try Self.reverse(["bridge": .choice("tanh_backward"), "bidirectional": bi])).seq2seq
        #expect(last.bridge == nil && last.configuration.bridge == .lastState)
        let bridge = try #require(bahdanau.bridge)
        #expect(bahdanau.configuration.bridge == .tanhBackward)
        #expect(bahdanau.namedParameters.contains { $0.name == "bridge.weight" })

        let e = try Self.reverse()
        let batch = try #require(e.validation.first)
        let (B, S) = (batch.batchSize, batch.steps)
        for model in [last, bahdanau] {
            let state = model.encode(batch.inputTokens!, batch: B, steps: S, mask: batch.mask).state.hidden.value
            let finals = model.encoder(batch.inputTokens!, batch: B, steps: S, mask: batch.mask).finalHidden
            let D = model.configuration.directions
            let expected: Tensor
            if model === bahdanau {
                expected = bridge(finals.select(axis: 0, D - 1)).tanh().value
                // The bridge's state is not the encoder's last state.
                let joined = D == 1 ? finals.select(axis: 0, 0).value
                    : Variable.concat([finals.select(axis: 0, 0), finals.select(axis: 0, 1)], axis: 1).value
                #expect(state.shape != joined.shape || zip(state.doubles, joined.doubles).contains { abs($0 - $1) > 1e-3 })
            } else {
                expected = D == 1 ? finals.select(axis: 0, 0).value
                    : Variable.concat([finals.select(axis: 0, 0), finals.select(axis: 0, 1)], axis: 1).value
            }
            #expect(state.shape == expected.shape && state.doubles == expected.doubles)
        }
    }

    /// Beam search of width 1 decodes exactly as greedy decoding.
    @Test func beamOfOneIsGreedy() throws {
        let e = try Self.reverse()
        for _ in 0..<20 { _ = e.trainStep() }
        let model = try Self.translation(e).seq2seq
        let batch = try #require(e.validation.first)
        let (B, S, U) = (batch.batchSize, batch.steps, batch.outputSteps)
        let greedy = model.greedyDecode(sourceTokens: batch.inputTokens!, sourceShape: (B, S), sourceMask: batch.mask,
                                        maxLength: U, bos: Vocabulary.begin, eos: Vocabulary.end)
        let beam = model.beamSearch(sourceTokens: batch.inputTokens!, sourceShape: (B, S), sourceMask: batch.mask,
                                    width: 1, maxLength: U, bos: Vocabulary.begin, eos: Vocabulary.end)
        #expect(beam == greedy)
        #expect(greedy.contains { !$0.isEmpty })
    }

    /// `beam_width` is live: it reaches the running model, whose evaluation then decodes
    /// with beam search of that width.
    @Test func beamWidthReachesTheModel() throws {
        let e = try Self.reverse()
        for _ in 0..<20 { _ = e.trainStep() }
        #expect(try Self.translation(e).beamWidth == 1)
        #expect(try e.apply("beam_width", .number(4)) == .live)
        let model = try Self.translation(e)
        #expect(model.beamWidth == 4 && e.step == 20)
        let batch = try #require(e.validation.first)
        let out = model.evaluate(batch, task: e.task, recordAttention: false).outputs
        let (U, V) = (out.shape[1], out.shape[2])
        let beam = model.seq2seq.beamSearch(sourceTokens: batch.inputTokens!, sourceShape: (batch.batchSize, batch.steps),
                                            sourceMask: batch.mask, width: 4, maxLength: U, bos: Vocabulary.begin, eos: Vocabulary.end)
        for b in 0..<batch.batchSize {
            let decoded = (0..<U).map { u in (0..<V).first { out[b, u, $0] == 1 }! }
            #expect(Array(decoded.prefix(beam[b].count)) == beam[b])
            if beam[b].count < U { #expect(decoded[beam[b].count] == Vocabulary.end) }
        }
    }

    /// Values outside the schema are refused, and nothing changes.
    @Test func outOfRangeValuesAreRefused() throws {
        let e = try Self.reverse()
        for bad in [0.0, 17, 2.5, -1] {
            #expect(throws: (any Error).self) { try e.apply("beam_width", .number(bad)) }
        }
        #expect(throws: (any Error).self) { try e.apply("bridge", .choice("average")) }
        #expect(throws: (any Error).self) { try e.apply("bridge", .number(1)) }
        #expect(e.configuration.beamWidth == 1 && e.configuration.bridge == .lastState)
        let def = try #require(ExperimentSettings.definition("beam_width"))
        #expect(def.kind == .integer(1...16) && def.effect == .live)
        #expect(ExperimentSettings.definition("bridge")?.effect == .rebuild)
        #expect(ExperimentSettings.definition("bridge")?.kind == .choice(["last_state", "tanh_backward"]))
    }

    /// The buckets partition the validation tokens: their counts add up, and their
    /// accuracies weighted by counts give the task's own accuracy.
    @Test func accuracyByLengthAddsUpToAccuracy() throws {
        let e = try Self.reverse()
        for _ in 0..<30 { _ = e.trainStep() }
        let buckets = e.accuracyByLength()
        let accuracy = try #require(e.evaluate().metrics[.accuracy])
        // Reversal with length 6 draws sources of 3…6 letters.
        #expect(buckets.count > 1 && buckets.allSatisfy { (3...6).contains($0.length) })
        #expect(buckets.map(\.length) == buckets.map(\.length).sorted())
        let counted = buckets.reduce(0) { $0 + $1.counted }
        let tokens = e.validation.reduce(0) { $0 + $1.targetMask.filter { $0 }.count }
        #expect(counted == tokens)
        let weighted = buckets.reduce(0.0) { $0 + $1.accuracy * Double($1.counted) } / Double(counted)
        #expect(abs(weighted - accuracy) < 1e-12)
        // As a probe, when asked for.
        e.measurements = ["accuracy_by_length"]
        let grid = try #require(e.evaluate().probes[.accuracyByLength]?.grid)
        #expect(grid.rows == buckets.count && grid.columns == 2 && grid.rowLabels == buckets.map { String($0.length) })
    }

    /// A hand-made batch: rows of source lengths 2, 3, 2, predicted right on 2 of 3, 1 of 4, 3 of 3 tokens.
    @Test func bucketsOfAHandMadeBatch() {
        let (U, C) = (4, 3)
        let targets = [0, 1, 2, 0, /**/ 1, 1, 1, 1, /**/ 2, 0, 1, 0]
        let mask = [true, true, true, false, /**/ true, true, true, true, /**/ true, true, true, false]
        let guesses = [0, 1, 0, 2, /**/ 1, 0, 0, 0, /**/ 2, 0, 1, 1]
        var out = Tensor(zeros: [3, U, C])
        for r in 0..<12 { out[r / U, r % U, guesses[r]] = 1 }
        let batch = SequenceBatch(kind: .seq2seq, inputs: Tensor(zeros: [3, 3, 1]), lengths: [2, 3, 2], mask: Array(repeating: true, count: 9),
                                  targetClasses: targets, targetMask: mask)
        let buckets = LengthBucket.buckets(outputs: [out], batches: [batch])
        #expect(buckets == [LengthBucket(length: 2, counted: 6, correct: 5), LengthBucket(length: 3, counted: 4, correct: 1)])
    }
}
