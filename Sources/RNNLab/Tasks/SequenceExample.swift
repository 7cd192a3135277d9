import RNNEngine

/// One sequence with its target, before padding into a batch.
struct SequenceExample: Sendable {
    /// The number of input steps.
    var steps: Int
    /// steps × I real features (empty for token inputs).
    var features: [Float] = []
    /// steps input token ids (empty for real-valued inputs).
    var tokens: [Int] = []
    /// The class of a classification example.
    var label: Int = 0
    /// The O regression targets.
    var values: [Float] = []
    /// Per-step tasks: one target id per step. Seq2seq: the output tokens, without `<bos>`/`<eos>`.
    var outputs: [Int] = []
    /// Per-step tasks: which steps count in the loss (nil: every real step).
    var outputMask: [Bool]? = nil
    /// Series windows: the index in the series of the last input step (the forecast origin).
    var origin: Int = 0
}

/// Pads examples into a `SequenceBatch`.
enum BatchBuilder {
    /// - Parameters:
    ///   - inputSize: I; for token inputs, the input vocabulary size (inputs become one-hot).
    ///   - outputSize: O for regression; V for seq2seq (decoder inputs are one-hot over it).
    static func build(_ examples: [SequenceExample], kind: TaskKind, inputSize: Int, outputSize: Int,
                      tokenInputs: Bool, includeInputs: Bool = true) -> SequenceBatch {
        let b = examples.count
        let t = max(examples.map(\.steps).max() ?? 1, 1)
        let inputSize = includeInputs ? inputSize : 0
        var inputs = [Float](repeating: 0, count: b * t * inputSize)
        var tokens = [Int](repeating: Vocabulary.pad, count: tokenInputs ? b * t : 0)
        var mask = [Bool](repeating: false, count: b * t)
        for (r, e) in examples.enumerated() {
            for s in 0..<e.steps {
                mask[r * t + s] = true
                let base = (r * t + s) * inputSize
                if tokenInputs {
                    tokens[r * t + s] = e.tokens[s]
                    if includeInputs { inputs[base + e.tokens[s]] = 1 }
                } else {
                    for f in 0..<inputSize { inputs[base + f] = e.features[s * inputSize + f] }
                }
            }
        }
        var batch = SequenceBatch(kind: kind, inputs: Tensor(shape: [b, t, inputSize], scalars: inputs),
                                  inputTokens: tokenInputs ? tokens : nil, lengths: examples.map(\.steps),
                                  mask: mask, targetMask: [])
        switch kind {
        case .regression:
            batch.targetValues = Tensor(shape: [b, outputSize], scalars: examples.flatMap(\.values))
            batch.targetMask = [Bool](repeating: true, count: b)
        case .classification:
            batch.targetClasses = examples.map(\.label)
            batch.targetMask = [Bool](repeating: true, count: b)
        case .perStepClassification:
            var targets = [Int](repeating: 0, count: b * t)
            var targetMask = [Bool](repeating: false, count: b * t)
            for (r, e) in examples.enumerated() {
                for s in 0..<e.steps {
                    targets[r * t + s] = e.outputs[s]
                    targetMask[r * t + s] = e.outputMask?[s] ?? true
                }
            }
            batch.targetClasses = targets
            batch.targetMask = targetMask
        case .seq2seq:
            let u = (examples.map(\.outputs.count).max() ?? 0) + 1
            var decoder = [Int](repeating: Vocabulary.pad, count: b * u)
            var targets = [Int](repeating: Vocabulary.pad, count: b * u)
            var targetMask = [Bool](repeating: false, count: b * u)
            var oneHot = [Float](repeating: 0, count: b * u * outputSize)
            for (r, e) in examples.enumerated() {
                let shifted = [Vocabulary.begin] + e.outputs
                let expected = e.outputs + [Vocabulary.end]
                for s in 0..<shifted.count {
                    decoder[r * u + s] = shifted[s]
                    targets[r * u + s] = expected[s]
                    targetMask[r * u + s] = true
                    oneHot[(r * u + s) * outputSize + shifted[s]] = 1
                }
            }
            batch.decoderTokens = decoder
            batch.decoderInputs = Tensor(shape: [b, u, outputSize], scalars: oneHot)
            batch.targetClasses = targets
            batch.targetMask = targetMask
        }
        return batch
    }
}
