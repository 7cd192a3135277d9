import Testing
import RNNEngine

/// The whole Seq2Seq loss, gradient-checked by central differences in float64, with
/// teacher forcing ratio 1 (so that the loss is a deterministic function of the
/// parameters), padded sources and padded targets.
@Suite struct Seq2SeqGradientTests {
    struct Setup: Sendable, CustomStringConvertible {
        var cell: CellKind
        var bidirectional: Bool
        var readsBackwards = false
        var bridge: Seq2SeqBridge
        var useAttention: Bool
        var score: AttentionScore
        var description: String {
            "\(cell) \(bidirectional ? "bi" : readsBackwards ? "right-to-left" : "uni") \(bridge) " + (useAttention ? "\(score) attention" : "fixed context")
        }
    }

    static let setups: [Setup] = [
        Setup(cell: .gru, bidirectional: false, bridge: .lastState, useAttention: true, score: .additive),
        Setup(cell: .gru, bidirectional: false, readsBackwards: true, bridge: .lastState, useAttention: true, score: .general),
        Setup(cell: .lstm, bidirectional: false, readsBackwards: true, bridge: .tanhBackward, useAttention: false, score: .additive),
        Setup(cell: .gru, bidirectional: true, bridge: .tanhBackward, useAttention: true, score: .general),
        Setup(cell: .lstm, bidirectional: true, bridge: .lastState, useAttention: true, score: .dot),
        Setup(cell: .lstm, bidirectional: false, bridge: .tanhBackward, useAttention: true, score: .scaledDot),
        Setup(cell: .gru, bidirectional: true, bridge: .lastState, useAttention: false, score: .additive),
        Setup(cell: .lstm, bidirectional: true, bridge: .tanhBackward, useAttention: false, score: .additive),
    ]

    /// B 2, S 4 (row 1 has 2 real steps), U 3 (row 1 has 2 real steps), V_s 5, V_t 6, E 3, H 3.
    static func model(_ s: Setup, dtype: DType = .float64) -> Seq2Seq {
        var rng = SplitMix64(seed: 21)
        let config = Seq2SeqConfiguration(sourceVocabularySize: 5, targetVocabularySize: 6, embeddingSize: 3,
                                          hiddenSize: 3, cell: s.cell, bidirectional: s.bidirectional,
                                          readsBackwards: s.readsBackwards, bridge: s.bridge,
                                          useAttention: s.useAttention, score: s.score, attentionSize: 4)
        return Seq2Seq(config, rng: &rng, dtype: dtype)
    }

    static let source = [1, 4, 2, 3, 2, 0, 0, 0]
    static let sourceMask = [true, true, true, true, true, true, false, false]
    static let targetInput = [0, 3, 5, 0, 2, 2]
    static let targetOutput = [3, 5, 1, 2, 1, 4]
    static let targetMask = [true, true, true, true, true, false]

    static func loss(_ m: Seq2Seq) -> Variable {
        m.loss(sourceTokens: source, sourceShape: (2, 4), sourceMask: sourceMask,
               targetInputTokens: targetInput, targetOutputTokens: targetOutput, targetMask: targetMask)
    }

    /// Every parameter tensor, 4 elements of each (all of the small ones).
    @Test(arguments: setups)
    func lossGradient(_ s: Setup) {
        let m = Self.model(s)
        let r = gradientCheck(m.parameters, samplesPerInput: 4, seed: 5) { Self.loss(m) }
        #expect(r.passed, "\(s): \(r)")
        // The fixed-context baseline has no attention parameters; the others do (except dot products).
        let attentionNames = m.namedParameters.map(\.name).filter { $0.hasPrefix("decoder.attention.") }
        #expect(attentionNames.isEmpty == (!s.useAttention || s.score == .dot || s.score == .scaledDot))
    }

    /// The gradient reaches every parameter: each gets a nonzero gradient somewhere
    /// (the source rows of unused embedding entries aside).
    @Test(arguments: setups)
    func everyParameterLearns(_ s: Setup) {
        let m = Self.model(s)
        Self.loss(m).backward()
        for (name, p) in m.namedParameters {
            #expect((p.grad?.maxAbs() ?? 0) > 0, "\(s): no gradient for \(name)")
        }
    }
}
