import Testing
import RNNEngine

/// What the Seq2Seq model does besides its gradient: names, teacher forcing, padding,
/// the attention probe, and the metrics.
@Suite struct Seq2SeqBehaviourTests {
    typealias G = Seq2SeqGradientTests

    static func model(attention: Bool = true, cell: CellKind = .gru, dtype: DType = .float64, seed: UInt64 = 31) -> Seq2Seq {
        var rng = SplitMix64(seed: seed)
        let config = Seq2SeqConfiguration(sourceVocabularySize: 5, targetVocabularySize: 6, embeddingSize: 3, hiddenSize: 4,
                                          cell: cell, bidirectional: true, useAttention: attention, score: .additive)
        return Seq2Seq(config, rng: &rng, dtype: dtype)
    }

    /// A right-to-left encoder keeps its states in source order: the state at s has read
    /// x_s and what follows, so changing the first token changes only the first state,
    /// and the final state (the bridge's input) is the one that read the whole row.
    @Test func aRightToLeftEncoderKeepsSourceOrder() {
        var rng = SplitMix64(seed: 3)
        let config = Seq2SeqConfiguration(sourceVocabularySize: 5, targetVocabularySize: 6, embeddingSize: 3, hiddenSize: 4,
                                          cell: .gru, readsBackwards: true)
        let m = Seq2Seq(config, rng: &rng, dtype: .float64)
        #expect(m.encoder.rnn.options.goBackwards)
        let mask = [true, true, true, false]
        let a = m.encoder([1, 2, 3, 0], batch: 1, steps: 4, mask: mask)
        let b = m.encoder([4, 2, 3, 0], batch: 1, steps: 4, mask: mask)
        func state(_ e: Variable, _ s: Int) -> [Double] { e.value.select(axis: 0, 0).select(axis: 0, s).doubles }
        #expect(state(a.states, 0) != state(b.states, 0))
        #expect(state(a.states, 1) == state(b.states, 1) && state(a.states, 2) == state(b.states, 2))
        #expect(a.finalHidden.value.select(axis: 0, 0).doubles == state(a.states, 0))
        // Bidirectional wins: the flag is dropped rather than half-applied.
        #expect(!Seq2SeqConfiguration(sourceVocabularySize: 5, targetVocabularySize: 6, bidirectional: true, readsBackwards: true).readsBackwards)
    }

    @Test func parameterNamesFollowTheStateDictConvention() {
        var rng = SplitMix64(seed: 1)
        let config = Seq2SeqConfiguration(sourceVocabularySize: 7, targetVocabularySize: 9, embeddingSize: 3, hiddenSize: 4,
                                          cell: .gru, bidirectional: true, bridge: .tanhBackward, attentionSize: 5)
        let m = Seq2Seq(config, rng: &rng)
        let names = m.namedParameters.map { "\($0.name) \($0.parameter.shape)" }
        #expect(names == [
            "encoder.embedding.weight [7, 3]",
            "encoder.rnn.weight_ih_l0 [12, 3]", "encoder.rnn.weight_hh_l0 [12, 4]",
            "encoder.rnn.bias_ih_l0 [12]", "encoder.rnn.bias_hh_l0 [12]",
            "encoder.rnn.weight_ih_l0_reverse [12, 3]", "encoder.rnn.weight_hh_l0_reverse [12, 4]",
            "encoder.rnn.bias_ih_l0_reverse [12]", "encoder.rnn.bias_hh_l0_reverse [12]",
            "bridge.weight [8, 4]", "bridge.bias [8]",
            "decoder.embedding.weight [9, 3]",
            "decoder.cell.weight_ih [24, 11]", "decoder.cell.weight_hh [24, 8]",
            "decoder.cell.bias_ih [24]", "decoder.cell.bias_hh [24]",
            "decoder.attention.W_s.weight [5, 8]", "decoder.attention.W_h.weight [5, 8]", "decoder.attention.v.weight [1, 5]",
            "decoder.out.weight [9, 16]", "decoder.out.bias [9]",
        ])
        // A state dict round-trips into a fresh model.
        var other = SplitMix64(seed: 2)
        let copy = Seq2Seq(config, rng: &other)
        #expect(throws: Never.self) { try copy.loadStateDict(m.stateDict()) }
        #expect(copy.stateDict() == m.stateDict())
    }

    static func loss(_ m: Seq2Seq, input: [Int] = G.targetInput, output: [Int] = G.targetOutput,
                     source: [Int] = G.source) -> Double {
        m.loss(sourceTokens: source, sourceShape: (2, 4), sourceMask: G.sourceMask, targetInputTokens: input,
               targetOutputTokens: output, targetMask: G.targetMask).value.item
    }

    /// Ratio 1 feeds the reference tokens, ratio 0 the model's own predictions (so the
    /// reference inputs after `<bos>` do not matter); in between, the coins come from `rng`.
    @Test func teacherForcingRatioDecidesWhatIsFed() {
        let m = Self.model()
        let changed = [0, 4, 4, 0, 3, 3]  // same <bos> column, other tokens after it
        m.teacherForcingRatio = 1
        #expect(Self.loss(m) != Self.loss(m, input: changed))
        m.teacherForcingRatio = 0
        #expect(Self.loss(m) == Self.loss(m, input: changed))
        m.teacherForcingRatio = 0.5
        m.rng = SplitMix64(seed: 4)
        let a = Self.loss(m)
        m.rng = SplitMix64(seed: 4)
        #expect(Self.loss(m) == a)
        // At ratio 0.3, some draws feed only predictions (all 4 coins, p 0.24), others not.
        m.teacherForcingRatio = 0.3
        var sawTeacher = false, sawOwn = false
        for seed in 0..<20 as Range<UInt64> {
            m.rng = SplitMix64(seed: seed)
            let x = Self.loss(m), y = Self.loss(m, input: changed)
            if x != y { sawTeacher = true } else { sawOwn = true }
        }
        #expect(sawTeacher && sawOwn)
    }

    /// Padded source tokens and padded target outputs change nothing; padded source steps
    /// get exactly zero attention; each probe row sums to 1.
    @Test func paddingIsIgnored() {
        let m = Self.model()
        let base = Self.loss(m)
        var source = G.source
        source[6] = 4; source[7] = 1   // row 1, steps 2 and 3: padding
        #expect(Self.loss(m, source: source) == base)
        var output = G.targetOutput
        output[5] = 0                  // row 1, step 2: padding
        #expect(Self.loss(m, output: output) == base)

        m.probeSample = 1
        _ = Self.loss(m)
        let probe = try! #require(m.attentionProbe)
        #expect(probe.shape == [3, 4])
        for u in 0..<3 {
            #expect(probe[u, 2] == 0 && probe[u, 3] == 0)
            #expect(abs(probe[u, 0] + probe[u, 1] - 1) < 1e-12)
        }
    }

    @Test func probeIsOffUnlessAskedAndAbsentWithoutAttention() {
        let m = Self.model()
        _ = Self.loss(m)
        #expect(m.attentionProbe == nil)
        m.probeSample = 0
        _ = m.greedyDecode(sourceTokens: G.source, sourceShape: (2, 4), sourceMask: G.sourceMask, maxLength: 5, bos: 0, eos: 1)
        #expect(m.attentionProbe.map { $0.shape[1] } == 4)
        let fixed = Self.model(attention: false)
        fixed.probeSample = 0
        _ = Self.loss(fixed)
        #expect(fixed.attentionProbe == nil)
    }

    @Test func accuracyMetrics() {
        let reference = [[2, 3, 4], [5, 5], [2]]
        let predicted = [[2, 3, 4], [5, 4, 3], []]
        #expect(tokenAccuracy(predicted: predicted, reference: reference) == 4.0 / 6.0)
        #expect(sequenceAccuracy(predicted: predicted, reference: reference) == 1.0 / 3.0)
        #expect(tokenAccuracy(predicted: reference, reference: reference) == 1)
        #expect(sequenceAccuracy(predicted: [[2, 3, 4, 5]], reference: [[2, 3, 4]]) == 0)
        #expect(tokenAccuracy(predicted: [[2, 3, 4, 5]], reference: [[2, 3, 4]]) == 1)
    }

    /// With ratio 0, `loss` feeds back its arg max, so on the greedy output it is the
    /// mean −log p of that output, which beam search of width 1 reports (`<eos>` −1
    /// never comes, so all three run to the length limit).
    @Test func freeRunningLossScoresTheGreedyOutput() {
        let m = Self.model(seed: 33)
        let greedy = m.greedyDecode(sourceTokens: G.source, sourceShape: (2, 4), sourceMask: G.sourceMask,
                                    maxLength: 3, bos: 0, eos: -1)
        #expect(greedy.allSatisfy { $0.count == 3 })
        let beams = m.beamHypotheses(sourceTokens: G.source, sourceShape: (2, 4), sourceMask: G.sourceMask,
                                     width: 1, maxLength: 3, bos: 0, eos: -1)
        #expect(beams.map { $0[0].tokens } == greedy)
        #expect(beams.allSatisfy { $0.count == 1 && !$0[0].finished })
        m.teacherForcingRatio = 0
        let l = m.loss(sourceTokens: G.source, sourceShape: (2, 4), sourceMask: G.sourceMask,
                       targetInputTokens: [0, 2, 2, 0, 2, 2], targetOutputTokens: greedy.flatMap { $0 }).value.item
        let expected = -(beams[0][0].logProbability + beams[1][0].logProbability) / 6
        #expect(abs(l - expected) < 1e-12, "loss \(l), expected \(expected)")
    }
}
