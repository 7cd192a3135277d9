/// An encoder–decoder for sequence-to-sequence tasks, with or without attention.
///
///   encoder:  embedding → one-way or bidirectional GRU/LSTM → states (B, S, D·H)
///   bridge:   decoder state s₀ from the encoder's final states (`Seq2SeqBridge`)
///   decoder:  from `<bos>`, one step per output token (`Seq2SeqDecoder`), with the
///             attention context or, with `useAttention` false, one fixed context C
///
/// Token sequences are flat, batch-major arrays: source (B·S), target (B·U), with
/// B·S / B·U flags marking the real (true) and padded (false) positions.
///
/// Parameters: `encoder.…` (see `Seq2SeqEncoder`), `bridge.weight` (D·H, H) and
/// `bridge.bias` with `.tanhBackward`, `decoder.…` (see `Seq2SeqDecoder`).
public final class Seq2Seq: Module {
    public let configuration: Seq2SeqConfiguration
    public let encoder: Seq2SeqEncoder
    /// The W of s₀ = tanh(W h←_1 + b), with `.tanhBackward`.
    public let bridge: Linear?
    public let decoder: Seq2SeqDecoder
    /// The probability of feeding the reference token rather than the model's own
    /// previous prediction at each step of `loss` (1: teacher forcing, 0: free running).
    /// Changeable between steps.
    public var teacherForcingRatio: Double
    /// Draws the teacher-forcing coins (none are drawn when the ratio is 0 or 1).
    public var rng: SplitMix64
    /// Set to a batch row to record its attention weights in `attentionProbe`; nil records nothing.
    public var probeSample: Int?
    /// (U, S): the attention weights of `probeSample` at each output step of the last
    /// `loss` or `greedyDecode` (rows: output steps, columns: source steps); nil when
    /// off or without attention.
    public private(set) var attentionProbe: Tensor?

    public init(_ configuration: Seq2SeqConfiguration, teacherForcingRatio: Double = 1,
                rng: inout SplitMix64, dtype: DType = .float32) {
        let c = configuration
        self.configuration = c
        self.teacherForcingRatio = teacherForcingRatio
        encoder = Seq2SeqEncoder(c.cell, vocabularySize: c.sourceVocabularySize, embeddingSize: c.embeddingSize,
                                 hiddenSize: c.hiddenSize, bidirectional: c.bidirectional, readsBackwards: c.readsBackwards,
                                 rng: &rng, dtype: dtype)
        bridge = c.bridge == .tanhBackward ? Linear(c.hiddenSize, c.contextSize, rng: &rng, dtype: dtype) : nil
        decoder = Seq2SeqDecoder(c.cell, vocabularySize: c.targetVocabularySize, embeddingSize: c.embeddingSize,
                                 hiddenSize: c.contextSize, contextSize: c.contextSize,
                                 score: c.useAttention ? c.score : nil, attentionSize: c.attentionSize,
                                 rng: &rng, dtype: dtype)
        self.rng = rng.fork()
    }

    public var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("encoder", encoder) + (bridge.map { prefixed("bridge", $0) } ?? []) + prefixed("decoder", decoder)
    }

    /// Runs the encoder and the bridge: the context source for the decoder and s₀.
    /// - Parameters:
    ///   - tokens: B·S source ids; `mask`: B·S flags or nil.
    public func encode(_ tokens: [Int], batch: Int, steps: Int, mask: [Bool]? = nil)
        -> (context: Seq2SeqContext, state: Seq2SeqState) {
        let (states, finalHidden, finalCell) = encoder(tokens, batch: batch, steps: steps, mask: mask)
        let D = configuration.directions
        /// [forward, backward] final states (B, D·H).
        func joined(_ finals: Variable) -> Variable {
            D == 1 ? finals.select(axis: 0, 0) : Variable.concat([finals.select(axis: 0, 0), finals.select(axis: 0, 1)], axis: 1)
        }
        let last = joined(finalHidden)
        let state: Seq2SeqState
        if let bridge {
            let h0 = bridge(finalHidden.select(axis: 0, D - 1)).tanh()
            state = Seq2SeqState(hidden: h0, cell: finalCell.map { _ in Variable(Tensor(zeros: h0.shape, dtype: h0.dtype)) })
        } else {
            state = Seq2SeqState(hidden: last, cell: finalCell.map(joined))
        }
        let context: Seq2SeqContext = decoder.attention.map { .attention($0.memory(keys: states, mask: mask)) } ?? .fixed(last)
        return (context, state)
    }

    /// The mean cross entropy of the target tokens (counted where `targetMask` is
    /// true), decoding with teacher forcing at `teacherForcingRatio`.
    ///
    /// - Parameters:
    ///   - sourceTokens: B·S ids; `sourceShape` (B, S); `sourceMask` B·S flags or nil.
    ///   - targetInputTokens: B·U ids, the decoder's inputs: row b is `<bos>` followed by
    ///     the target shifted right.
    ///   - targetOutputTokens: B·U ids, what each step should predict (the target, then `<eos>`).
    ///   - targetMask: B·U flags or nil; padded steps add nothing to the loss.
    /// At step t > 0 each row feeds, with probability `teacherForcingRatio`, the reference
    /// token `targetInputTokens[b·U + t]`, and otherwise the model's own arg-max prediction
    /// of step t − 1 (one coin per row and step, as in scheduled sampling, Bengio et al. 2015).
    /// The prediction is fed as a constant: no gradient flows through the arg max.
    public func loss(sourceTokens: [Int], sourceShape: (batch: Int, steps: Int), sourceMask: [Bool]? = nil,
                     targetInputTokens: [Int], targetOutputTokens: [Int], targetMask: [Bool]? = nil) -> Variable {
        let B = sourceShape.batch
        precondition(B > 0 && targetInputTokens.count % B == 0 && targetInputTokens.count > 0,
                     "\(targetInputTokens.count) target tokens for a batch of \(B)")
        precondition(targetOutputTokens.count == targetInputTokens.count, "target input and output differ in length")
        let U = targetInputTokens.count / B
        let (context, initial) = encode(sourceTokens, batch: B, steps: sourceShape.steps, mask: sourceMask)
        var state = initial
        let ratio = teacherForcingRatio
        var tokens = (0..<B).map { targetInputTokens[$0 * U] }
        var logits: [Variable] = []
        var probe: [Tensor] = []
        for t in 0..<U {
            if t > 0 {
                let predicted = ratio >= 1 ? [] : argmaxRows(logits[t - 1].value)
                for b in 0..<B {
                    let teacher = ratio >= 1 || (ratio > 0 && rng.nextUnit() < ratio)
                    tokens[b] = teacher ? targetInputTokens[b * U + t] : predicted[b]
                }
            }
            let step = decoder.step(tokens, state: state, context: context)
            if let b = probeSample, let w = step.weights { probe.append(w.value.select(axis: 0, b)) }
            logits.append(step.logits)
            state = step.state
        }
        attentionProbe = probe.isEmpty ? nil : Tensor.stack(probe, axis: 0)
        return crossEntropy(Variable.stack(logits, axis: 1), targets: targetOutputTokens, mask: targetMask)
    }

    /// Records the probe rows of a decoding run (used by `greedyDecode`).
    func setAttentionProbe(_ rows: [Tensor]) {
        attentionProbe = rows.isEmpty ? nil : Tensor.stack(rows, axis: 0)
    }
}

/// The index of the largest value of each row of a (N, C) tensor (the first one on ties).
func argmaxRows(_ t: Tensor) -> [Int] {
    let (n, c) = (t.shape[0], t.shape[1])
    let v = t.doubles
    return (0..<n).map { r in
        var best = 0
        for j in 1..<c where v[r * c + j] > v[r * c + best] { best = j }
        return best
    }
}
