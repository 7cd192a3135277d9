/// Decoding without a reference: greedy, beam search, and the log-probability of
/// given outputs. Outputs are token lists without `<bos>` and without `<eos>`.
/// All three run inside `withNoGrad`: they build no tape and keep no activations.
extension Seq2Seq {
    /// Greedy decoding of a batch: from `<bos>`, each step feeds back its arg max; a row
    /// stops at `<eos>` (not included) or after `maxLength` tokens. Records
    /// `attentionProbe` (one row per step run) when `probeSample` is set.
    /// - Parameters: sourceTokens B·S ids, sourceShape (B, S), sourceMask B·S flags or nil.
    public func greedyDecode(sourceTokens: [Int], sourceShape: (batch: Int, steps: Int), sourceMask: [Bool]? = nil,
                             maxLength: Int, bos: Int, eos: Int) -> [[Int]] {
        withNoGrad { greedyDecodeWithoutTape(sourceTokens: sourceTokens, sourceShape: sourceShape, sourceMask: sourceMask,
                                             maxLength: maxLength, bos: bos, eos: eos) }
    }

    private func greedyDecodeWithoutTape(sourceTokens: [Int], sourceShape: (batch: Int, steps: Int), sourceMask: [Bool]?,
                                         maxLength: Int, bos: Int, eos: Int) -> [[Int]] {
        let B = sourceShape.batch
        let (context, initial) = encode(sourceTokens, batch: B, steps: sourceShape.steps, mask: sourceMask)
        var state = initial
        var tokens = [Int](repeating: bos, count: B)
        var outputs = [[Int]](repeating: [], count: B)
        var finished = [Bool](repeating: false, count: B)
        var probe: [Tensor] = []
        for _ in 0..<maxLength {
            let step = decoder.step(tokens, state: state, context: context)
            if let b = probeSample, let w = step.weights { probe.append(w.value.select(axis: 0, b)) }
            tokens = argmaxRows(step.logits.value)
            for b in 0..<B where !finished[b] {
                if tokens[b] == eos { finished[b] = true } else { outputs[b].append(tokens[b]) }
            }
            if !finished.contains(false) { break }
            state = Seq2SeqState(hidden: step.state.hidden.detached(), cell: step.state.cell?.detached())
        }
        setAttentionProbe(probe)
        return outputs
    }

    /// Beam search of width k for every row of the batch (see the free function
    /// `beamSearch` for the procedure and the length handling): the best hypothesis of each row.
    public func beamSearch(sourceTokens: [Int], sourceShape: (batch: Int, steps: Int), sourceMask: [Bool]? = nil,
                           width: Int, maxLength: Int, bos: Int, eos: Int, lengthPenalty: Double = 0) -> [[Int]] {
        beamHypotheses(sourceTokens: sourceTokens, sourceShape: sourceShape, sourceMask: sourceMask, width: width,
                       maxLength: maxLength, bos: bos, eos: eos, lengthPenalty: lengthPenalty).map { $0[0].tokens }
    }

    /// Every hypothesis beam search ends with, per batch row, best first.
    public func beamHypotheses(sourceTokens: [Int], sourceShape: (batch: Int, steps: Int), sourceMask: [Bool]? = nil,
                               width: Int, maxLength: Int, bos: Int, eos: Int,
                               lengthPenalty: Double = 0) -> [[BeamHypothesis]] {
        withNoGrad { beamHypothesesWithoutTape(sourceTokens: sourceTokens, sourceShape: sourceShape, sourceMask: sourceMask,
                                               width: width, maxLength: maxLength, bos: bos, eos: eos,
                                               lengthPenalty: lengthPenalty) }
    }

    private func beamHypothesesWithoutTape(sourceTokens: [Int], sourceShape: (batch: Int, steps: Int), sourceMask: [Bool]?,
                                           width: Int, maxLength: Int, bos: Int, eos: Int,
                                           lengthPenalty: Double) -> [[BeamHypothesis]] {
        let B = sourceShape.batch
        let (context, initial) = encode(sourceTokens, batch: B, steps: sourceShape.steps, mask: sourceMask)
        return (0..<B).map { b in
            // This row's context, repeated for as many hypotheses as are live.
            let own = context.rows([b])
            var repeated: [Int: Seq2SeqContext] = [:]
            func repeatedContext(_ n: Int) -> Seq2SeqContext {
                if let c = repeated[n] { return c }
                let c = own.rows([Int](repeating: 0, count: n))
                repeated[n] = c
                return c
            }
            return RNNEngine.beamSearch(
                width: width, maxLength: maxLength, bos: bos, eos: eos, lengthPenalty: lengthPenalty,
                initialState: initial.rows([b]),
                step: { tokens, state in
                    let s = decoder.step(tokens, state: state, context: repeatedContext(tokens.count))
                    let logp = s.logits.value.logSoftmaxRows()
                    let V = logp.shape[1], values = logp.doubles
                    return ((0..<tokens.count).map { Array(values[($0 * V)..<($0 * V + V)]) }, s.state)
                },
                select: { state, rows in state.rows(rows) })
        }
    }

    /// log p(output + `<eos>` | source) of each row's given output, with the model's own
    /// step-by-step probabilities (teacher forcing on the given tokens).
    public func logProbabilities(of outputs: [[Int]], sourceTokens: [Int], sourceShape: (batch: Int, steps: Int),
                                 sourceMask: [Bool]? = nil, bos: Int, eos: Int) -> [Double] {
        withNoGrad { scoreWithoutTape(outputs, sourceTokens: sourceTokens, sourceShape: sourceShape,
                                      sourceMask: sourceMask, bos: bos, eos: eos) }
    }

    private func scoreWithoutTape(_ outputs: [[Int]], sourceTokens: [Int], sourceShape: (batch: Int, steps: Int),
                                  sourceMask: [Bool]?, bos: Int, eos: Int) -> [Double] {
        let B = sourceShape.batch
        precondition(outputs.count == B, "\(outputs.count) outputs for a batch of \(B)")
        let U = (outputs.map(\.count).max() ?? 0) + 1
        let (context, initial) = encode(sourceTokens, batch: B, steps: sourceShape.steps, mask: sourceMask)
        var state = initial
        var total = [Double](repeating: 0, count: B)
        for t in 0..<U {
            let tokens = (0..<B).map { b in t == 0 ? bos : (t - 1 < outputs[b].count ? outputs[b][t - 1] : eos) }
            let step = decoder.step(tokens, state: state, context: context)
            let logp = step.logits.value.logSoftmaxRows()
            for b in 0..<B where t <= outputs[b].count {
                total[b] += logp[b, t < outputs[b].count ? outputs[b][t] : eos]
            }
            state = Seq2SeqState(hidden: step.state.hidden.detached(), cell: step.state.cell?.detached())
        }
        return total
    }
}

/// The fraction of reference tokens predicted right, position by position: for each
/// row, reference[i] counts as right when prediction[i] equals it (a short prediction
/// misses the rest; extra predicted tokens are not counted). Sequences without `<eos>`.
public func tokenAccuracy(predicted: [[Int]], reference: [[Int]]) -> Double {
    precondition(predicted.count == reference.count, "\(predicted.count) predictions for \(reference.count) references")
    var (right, total) = (0, 0)
    for (p, r) in zip(predicted, reference) {
        total += r.count
        right += zip(p, r).filter { $0.0 == $0.1 }.count
    }
    return total == 0 ? 1 : Double(right) / Double(total)
}

/// The fraction of rows predicted exactly (same tokens, same length).
public func sequenceAccuracy(predicted: [[Int]], reference: [[Int]]) -> Double {
    precondition(predicted.count == reference.count, "\(predicted.count) predictions for \(reference.count) references")
    guard !reference.isEmpty else { return 1 }
    return Double(zip(predicted, reference).filter { $0.0 == $0.1 }.count) / Double(reference.count)
}
