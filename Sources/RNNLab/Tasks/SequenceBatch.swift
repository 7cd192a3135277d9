import RNNEngine
import LabText

/// What a task asks of a model, which fixes the shape of its outputs.
///
/// Letters: B batch, T input steps, I input features, U output steps,
/// O regression outputs, C classes, V output vocabulary.
public enum TaskKind: String, Sendable, CaseIterable {
    /// One real vector per sequence, read after the last step: outputs (B, O).
    case regression
    /// One class per sequence, read after the last valid step: outputs (B, C) logits.
    case classification
    /// A class at every input step (language models, copy, echo): outputs (B, T, C) logits.
    case perStepClassification
    /// An output sequence from an input sequence (encoder–decoder): outputs (B, U, V) logits.
    case seq2seq
}

/// One batch of sequences, padded to a common length, ready for a model.
///
/// Rows are padded at the end: step t of row b is real when `mask[b·T + t]`
/// (equivalently `t < lengths[b]`); padded inputs are zeros and padded token
/// ids are `<pad>` (0). Pass `targetClasses` and `targetMask` straight to
/// `crossEntropy(logits, targets:, mask:)`.
public struct SequenceBatch: Sendable {
    public let kind: TaskKind
    /// (B, T, I) inputs; for token inputs the rows are one-hot over the input vocabulary.
    public var inputs: Tensor
    /// B·T input token ids, row-major, when the inputs are tokens (for an `Embedding`); else nil.
    public var inputTokens: [Int]?
    /// B: the number of real steps of each row.
    public var lengths: [Int]
    /// B·T: true for real steps, false for padding.
    public var mask: [Bool]
    /// Regression targets (B, O), standardised like the inputs when the task says so.
    public var targetValues: Tensor?
    /// Class targets: B for `classification`, B·T for `perStepClassification`, B·U for `seq2seq`.
    public var targetClasses: [Int]?
    /// One flag per entry of `targetClasses` (or per row of `targetValues`): which ones count in the loss.
    public var targetMask: [Bool]
    /// Seq2seq only: B·U decoder input ids, `<bos>` y₁ … y_{U−1} (teacher forcing).
    public var decoderTokens: [Int]?
    /// Seq2seq only: (B, U, V) one-hot decoder inputs matching `decoderTokens`.
    public var decoderInputs: Tensor?

    /// B.
    public var batchSize: Int { inputs.shape[0] }
    /// T, the padded input length.
    public var steps: Int { inputs.shape[1] }
    /// I.
    public var inputSize: Int { inputs.shape[2] }
    /// U, the padded output length (seq2seq), else T for per-step tasks and 1 otherwise.
    public var outputSteps: Int {
        switch kind {
        case .seq2seq: return decoderInputs?.shape[1] ?? 0
        case .perStepClassification: return steps
        default: return 1
        }
    }

    public init(kind: TaskKind, inputs: Tensor, inputTokens: [Int]? = nil, lengths: [Int], mask: [Bool],
                targetValues: Tensor? = nil, targetClasses: [Int]? = nil, targetMask: [Bool],
                decoderTokens: [Int]? = nil, decoderInputs: Tensor? = nil) {
        self.kind = kind
        self.inputs = inputs
        self.inputTokens = inputTokens
        self.lengths = lengths
        self.mask = mask
        self.targetValues = targetValues
        self.targetClasses = targetClasses
        self.targetMask = targetMask
        self.decoderTokens = decoderTokens
        self.decoderInputs = decoderInputs
    }
}

extension SequenceBatch {
    /// The first `n` sequences (n ≤ batchSize) of a batch that is not seq2seq.
    func prefix(_ n: Int) -> SequenceBatch {
        precondition(kind != .seq2seq && n <= batchSize, "prefix(\(n)) of a \(kind) batch of \(batchSize)")
        let (T, U) = (steps, outputSteps)
        let targetWidth = targetValues.map { $0.count / batchSize } ?? 0
        return SequenceBatch(kind: kind, inputs: inputs.slice(axis: 0, 0..<n), inputTokens: inputTokens.map { Array($0[..<(n * T)]) },
                             lengths: Array(lengths[..<n]), mask: Array(mask[..<(n * T)]),
                             targetValues: targetValues.map { Tensor(shape: [n] + Array($0.shape.dropFirst()), scalars: Array($0.scalars[..<(n * targetWidth)])) },
                             targetClasses: targetClasses.map { Array($0[..<(n * U)]) }, targetMask: Array(targetMask[..<(n * U)]))
    }
}

extension TaskKind {
    /// The kind as people read it: "per-step classification", not `perStepClassification`.
    public var label: Phrase {
        switch self {
        case .regression: Phrase(.command(.kindRegression))
        case .classification: Phrase(.command(.kindClassification))
        case .perStepClassification: Phrase(.command(.kindPerStepClassification))
        case .seq2seq: Phrase(.command(.kindSeq2seq))
        }
    }
}
