import LabText
import RNNEngine

/// How `rnnlab data show` draws a sample.
public enum PreviewStyle: Sendable, Equatable {
    /// Token sequences, decoded to text.
    case text
    /// Each input sequence as an image: T rows of I pixels (digits, MNIST).
    case image
    /// A real-valued series, drawn as a small plot of its first feature.
    case series
}

/// A problem a lesson trains on: a synthetic generator or a real data set.
///
/// A lesson gets one by name from `TaskCatalog.make(_:knobs:…)`, draws
/// training batches from its own seeded generator, and scores the model's
/// outputs on the fixed validation and test batches with `score`, the same
/// way the baselines are scored.
public protocol SequenceTask: Sendable {
    var name: String { get }
    var summary: Phrase { get }
    var kind: TaskKind { get }
    /// I: features per input step (the input vocabulary size for token inputs).
    var inputSize: Int { get }
    /// O for regression, C for classification, V (output vocabulary) for per-step and seq2seq tasks.
    var outputSize: Int { get }
    /// Examples per split; `train == nil` when batches are generated fresh.
    var sizes: SplitSizes { get }
    /// The longest input, in steps (the T of a full batch).
    var maxSteps: Int { get }
    /// Set for token inputs.
    var inputVocabulary: Vocabulary? { get }
    /// Set for token outputs (per-step and seq2seq tasks).
    var outputVocabulary: Vocabulary? { get }
    /// Names of the C classes of a classification task.
    var classNames: [Phrase]? { get }
    /// Display names of the input token ids (token inputs only).
    var inputSymbols: [String]? { get }
    /// Display names of the output token ids (per-step and seq2seq tasks).
    var outputSymbols: [String]? { get }
    var preview: PreviewStyle { get }
    /// Regression: targets and outputs are in standardised units; `value · targetScale + targetShift`
    /// is the value in the data's own units (1 and 0 when nothing was standardised).
    var targetScale: Double { get }
    var targetShift: Double { get }
    /// Regression: the absolute error (in the data's units) under which an example counts as solved, if the task has one.
    var solvedThreshold: Double? { get }

    /// A training batch of B examples drawn with `rng` (fresh examples for a
    /// synthetic task, a random sample of the training split for a data set).
    /// The input feature that is 1 on marked steps (the adding problem's markers), if any.
    var markerFeature: Int? { get }
    func trainingBatch(size: Int, rng: inout SplitMix64) -> SequenceBatch
    /// A whole split, in a fixed order, cut into batches of at most `batchSize`.
    func evaluationBatches(_ split: Split, batchSize: Int) -> [SequenceBatch]
    /// Scores outputs (one tensor per batch, shaped as `kind` says) against the batches' targets.
    func score(_ outputs: [Tensor], on batches: [SequenceBatch]) -> [Metric]
    /// The baselines of this task, computed for real on `split`.
    func baselines(on split: Split) -> [Baseline]
}

extension SequenceTask {
    /// A one-line shape summary, e.g. "B×8×8 → 10 classes".
    public var shape: Phrase {
        let arguments: [String: TextArgument] = ["steps": .integer(maxSteps), "inputs": .integer(inputSize), "outputs": .integer(outputSize)]
        switch kind {
        case .regression: return Phrase(.run(.shapeRegression), arguments)
        case .classification: return Phrase(.run(.shapeClassification), arguments)
        case .perStepClassification: return Phrase(.run(.shapePerStep), arguments)
        case .seq2seq: return Phrase(.run(.shapeSeq2Seq), arguments)
        }
    }

    /// The shape summary in English.
    public var shapeDescription: String { Language.english.render(shape) }
}
