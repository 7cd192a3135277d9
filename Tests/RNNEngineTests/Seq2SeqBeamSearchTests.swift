import Foundation
import Testing
import RNNEngine

/// Beam search: the generic procedure on hand-made distributions, and the Seq2Seq
/// wrapper against greedy decoding and the model's own scores.
@Suite struct Seq2SeqBeamSearchTests {
    /// Tokens of the hand-made model: 0 `<bos>`, 1 `<eos>`, 2 A, 3 B.
    /// After `<bos>`: A 0.55, B 0.45. After A: `<eos>` 0.35, A 0.33, B 0.32.
    /// After B: `<eos>` 0.9, A 0.05, B 0.05. After anything longer: `<eos>` 1 (almost).
    /// Greedy takes A then `<eos>`: p = 0.55 · 0.35 = 0.1925. The best sequence is B
    /// `<eos>`: p = 0.45 · 0.9 = 0.405.
    static func table(_ history: [Int]) -> [Double] {
        switch history {
        case []: return [0, 0, 0.55, 0.45]
        case [2]: return [0, 0.35, 0.33, 0.32]
        case [3]: return [0, 0.9, 0.05, 0.05]
        default: return [0, 1 - 2e-9, 1e-9, 1e-9]
        }
    }

    /// Runs the generic beam search on `distribution`; the state is each hypothesis' history.
    static func search(width: Int, maxLength: Int = 5, lengthPenalty: Double = 0,
                       _ distribution: @escaping ([Int]) -> [Double] = table) -> [BeamHypothesis] {
        beamSearch(width: width, maxLength: maxLength, bos: 0, eos: 1, lengthPenalty: lengthPenalty,
                   initialState: [[Int]()],
                   step: { tokens, histories in
                       let next = zip(histories, tokens).map { h, t in t == 0 ? h : h + [t] }
                       return (next.map { distribution($0).map { Foundation.log($0) } }, next)
                   },
                   select: { histories, rows in rows.map { histories[$0] } })
    }

    @Test func beamSearchBeatsGreedyOnAConstructedCase() {
        let greedy = Self.search(width: 1)
        #expect(greedy.first?.tokens == [2])
        #expect(abs(greedy[0].logProbability - Foundation.log(0.55 * 0.35)) < 1e-12)
        let beam = Self.search(width: 2)
        #expect(beam.first?.tokens == [3])
        #expect(beam[0].finished)
        #expect(abs(beam[0].logProbability - Foundation.log(0.45 * 0.9)) < 1e-12)
        #expect(beam[0].logProbability > greedy[0].logProbability)
        // Sorted best first; never more than `width` hypotheses kept per step.
        #expect(zip(beam, beam.dropFirst()).allSatisfy { $0.logProbability >= $1.logProbability })
    }

    /// Raw log p prefers the short B `<eos>` (p 0.45, per token log 0.45 / 2 = −0.40);
    /// dividing by the length (α = 1) prefers A A A `<eos>` (p 0.5·0.9·0.9·0.999 = 0.40,
    /// per token −0.23).
    @Test func lengthPenaltyChangesTheRanking() {
        func d(_ h: [Int]) -> [Double] {
            switch h {
            case []: return [0, 0, 0.5, 0.5]
            case [2], [2, 2]: return [0, 0.1, 0.9, 0]
            case [3]: return [0, 0.9, 0.05, 0.05]
            default: return [0, 0.999, 0.001, 0]
            }
        }
        let raw = Self.search(width: 3, maxLength: 6, lengthPenalty: 0, d)
        #expect(raw[0].tokens == [3])
        let normalised = Self.search(width: 3, maxLength: 6, lengthPenalty: 1, d)
        #expect(normalised[0].tokens == [2, 2, 2])
        #expect(normalised[0].score(lengthPenalty: 1) > normalised.last!.score(lengthPenalty: 1))
    }

    @Test func theLengthLimitCutsHypotheses() {
        // `<eos>` never wins: everything is cut at the limit, unfinished.
        let r = Self.search(width: 2, maxLength: 3) { _ in [0, 0.1, 0.5, 0.4] }
        #expect(r.count == 2 && r.allSatisfy { !$0.finished && $0.tokens.count == 3 })
        #expect(r[0].tokens == [2, 2, 2])
        #expect(Self.search(width: 2, maxLength: 0).map(\.tokens) == [[]])
    }

    static let sources = [2, 3, 4, 1, 2, 4, 4, 0, 0, 0, 1, 1, 1, 2, 3, 3, 2, 0, 0, 0, 4, 3, 2, 1, 0, 0, 1, 2, 3, 0]
    static let mask = [5, 3, 5, 2, 5, 4].flatMap { n in (0..<5).map { $0 < n } }

    static func model(_ cell: CellKind, attention: Bool, score: AttentionScore = .additive, dtype: DType) -> Seq2Seq {
        var rng = SplitMix64(seed: 41)
        let config = Seq2SeqConfiguration(sourceVocabularySize: 5, targetVocabularySize: 7, embeddingSize: 4, hiddenSize: 5,
                                          cell: cell, bidirectional: true, useAttention: attention, score: score)
        return Seq2Seq(config, rng: &rng, dtype: dtype)
    }

    static let models: [(CellKind, Bool, AttentionScore)] = [
        (.gru, true, .additive), (.lstm, true, .dot), (.gru, false, .additive), (.lstm, false, .general),
    ]

    /// Width 1 is greedy decoding, token for token, in float32 (eos 1, limit 8).
    @Test(arguments: models)
    func widthOneIsGreedy(cell: CellKind, attention: Bool, score: AttentionScore) {
        let m = Self.model(cell, attention: attention, score: score, dtype: .float32)
        for eos in [1, 6] {
            let greedy = m.greedyDecode(sourceTokens: Self.sources, sourceShape: (6, 5), sourceMask: Self.mask,
                                        maxLength: 8, bos: 0, eos: eos)
            let beam = m.beamSearch(sourceTokens: Self.sources, sourceShape: (6, 5), sourceMask: Self.mask,
                                    width: 1, maxLength: 8, bos: 0, eos: eos)
            #expect(beam == greedy, "eos \(eos)")
            #expect(greedy.allSatisfy { $0.count <= 8 && !$0.contains(eos) })
        }
    }

    /// Each hypothesis' log p is the model's log p of its tokens (and `<eos>`), and a
    /// wider beam's best is, on these sources, at least as likely as greedy's.
    @Test(arguments: models)
    func hypothesisScoresAreTheModelsLogProbabilities(cell: CellKind, attention: Bool, score: AttentionScore) {
        let m = Self.model(cell, attention: attention, score: score, dtype: .float64)
        let args = (tokens: Self.sources, shape: (batch: 6, steps: 5))
        let wide = m.beamHypotheses(sourceTokens: args.tokens, sourceShape: args.shape, sourceMask: Self.mask,
                                    width: 4, maxLength: 12, bos: 0, eos: 1)
        let narrow = m.beamHypotheses(sourceTokens: args.tokens, sourceShape: args.shape, sourceMask: Self.mask,
                                      width: 1, maxLength: 12, bos: 0, eos: 1)
        let best = wide.map { $0[0] }
        let finished = best.allSatisfy(\.finished)
        if finished {
            let logp = m.logProbabilities(of: best.map(\.tokens), sourceTokens: args.tokens, sourceShape: args.shape,
                                          sourceMask: Self.mask, bos: 0, eos: 1)
            #expect(maxRelativeDifference(best.map(\.logProbability), logp) < 1e-10)
        }
        for (w, n) in zip(wide, narrow) {
            #expect(w[0].logProbability >= n[0].logProbability - 1e-12)
        }
    }
}
