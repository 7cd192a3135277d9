import LabText
import Foundation
import RNNEngine

/// Everything that describes a task apart from its examples.
struct TaskInfo: Sendable {
    var name: String
    var summary: Phrase
    var kind: TaskKind
    var inputSize: Int
    var outputSize: Int
    var tokenInputs = false
    var inputVocabulary: Vocabulary? = nil
    var outputVocabulary: Vocabulary? = nil
    var classNames: [Phrase]? = nil
    var inputSymbols: [String]? = nil
    var outputSymbols: [String]? = nil
    var preview: PreviewStyle = .series
    /// Regression: outputs and targets are in standardised units; `value · scale + shift`
    /// gives the original units, in which errors are reported.
    var targetScale = 1.0
    var targetShift = 0.0
    /// Regression: the absolute error under which an example counts as solved (adding problem: 0.04).
    var solvedThreshold: Double? = nil
    /// The input feature that marks the steps a task hinges on (the adding problem's
    /// marker bit), for measurements that compare marked and unmarked steps.
    var markerFeature: Int? = nil
    /// Classification: also report cross-entropy in bits per symbol.
    var reportsBits = false
    /// Per-step tasks: also report the fraction of sequences entirely right.
    var reportsExactMatch = false
    /// A data set whose training windows are cut fresh from a long text: its size (in characters).
    var trainingSize: Int? = nil
    /// A task whose inputs are expressions with a known parse: the tree of a row's
    /// input tokens, for a tree model (``TreeLabModel``) to read instead of a sequence model.
    var parseTree: (@Sendable ([Int]) -> ExpressionParse?)? = nil
    /// A text data set: the words (lower-case runs of letters) of its training text, for judging samples.
    var trainingWords: Set<String> = []
    /// A task of nested expressions: `count` fixed held-out examples nested exactly
    /// `depth` deep, for accuracy by depth (`Experiment.accuracyByDepth`), and the depths to measure.
    var examplesAtDepth: (@Sendable (_ depth: Int, _ count: Int) -> [SequenceExample])? = nil
    var measuredDepths: ClosedRange<Int>? = nil
}

/// The one implementation of `SequenceTask`: fixed examples per split and,
/// for synthetic tasks, a generator of fresh training examples.
final class ExampleTask: SequenceTask {
    typealias Generator = @Sendable (inout SplitMix64) -> SequenceExample
    typealias BaselineMaker = @Sendable (ExampleTask, Split) -> [Baseline]

    let info: TaskInfo
    /// The examples of each split; a generated task keeps a fixed training sample here for baselines.
    let examples: Splits<[SequenceExample]>
    let generator: Generator?
    private let makeBaselines: BaselineMaker
    private let memo = Memo()

    init(info: TaskInfo, examples: Splits<[SequenceExample]>, generator: Generator? = nil,
         baselines: @escaping BaselineMaker) {
        self.info = info
        self.examples = examples
        self.generator = generator
        self.makeBaselines = baselines
    }

    var name: String { info.name }
    var summary: Phrase { info.summary }
    var kind: TaskKind { info.kind }
    var inputSize: Int { info.inputSize }
    var outputSize: Int { info.outputSize }
    var markerFeature: Int? { info.markerFeature }
    var solvedThreshold: Double? { info.solvedThreshold }
    var inputVocabulary: Vocabulary? { info.inputVocabulary }
    var outputVocabulary: Vocabulary? { info.outputVocabulary }
    var classNames: [Phrase]? { info.classNames }
    var inputSymbols: [String]? { info.inputSymbols ?? info.inputVocabulary?.symbols }
    var outputSymbols: [String]? { info.outputSymbols ?? info.outputVocabulary?.symbols }
    var preview: PreviewStyle { info.preview }
    var targetScale: Double { info.targetScale }
    var targetShift: Double { info.targetShift }

    var sizes: SplitSizes {
        SplitSizes(train: generator == nil ? examples.train.count : info.trainingSize,
                   validation: examples.validation.count, test: examples.test.count)
    }

    var maxSteps: Int {
        examples.all.lazy.flatMap(\.value).map(\.steps).max() ?? 0
    }

    func trainingBatch(size: Int, rng: inout SplitMix64) -> SequenceBatch {
        var chosen: [SequenceExample] = []
        chosen.reserveCapacity(size)
        if let generator {
            for _ in 0..<size { chosen.append(generator(&rng)) }
        } else {
            let train = examples.train
            precondition(!train.isEmpty, "\(info.name): the training split is empty")
            for _ in 0..<size { chosen.append(train[Int(rng.next() % UInt64(train.count))]) }
        }
        return build(chosen)
    }

    func evaluationBatches(_ split: Split, batchSize: Int) -> [SequenceBatch] {
        let all = examples[split]
        let size = max(batchSize, 1)
        return stride(from: 0, to: all.count, by: size).map { build(Array(all[$0..<min($0 + size, all.count)])) }
    }

    func build(_ chosen: [SequenceExample]) -> SequenceBatch {
        BatchBuilder.build(chosen, kind: info.kind, inputSize: info.inputSize, outputSize: info.outputSize,
                           tokenInputs: info.tokenInputs)
    }

    func score(_ outputs: [Tensor], on batches: [SequenceBatch]) -> [Metric] {
        Scoring.score(outputs, on: batches, info: info)
    }

    func baselines(on split: Split) -> [Baseline] { makeBaselines(self, split) }

    /// A value computed once per task (a fitted baseline model), shared by later calls.
    func memoized<T>(_ key: String, _ make: () -> T) -> T { memo.value(key, make) }

    /// Scores a simple predictor (a function from a batch to outputs) on a split.
    func baseline(_ name: Phrase, on split: Split, batchSize: Int = 512,
                  predict: (SequenceBatch) -> Tensor) -> Baseline {
        let batches = evaluationBatches(split, batchSize: batchSize)
        return Baseline(name: name, split: split, metrics: score(batches.map(predict), on: batches))
    }

    /// Scores a predictor that maps the split's examples (in order) to one output
    /// row each: O values for regression, C logits for classification.
    func baseline(_ name: Phrase, on split: Split, batchSize: Int = 512,
                  rows: ([SequenceExample]) -> [[Float]]) -> Baseline {
        precondition(info.kind == .regression || info.kind == .classification)
        let all = examples[split]
        let out = rows(all)
        // Targets only: the predictor has seen the examples, so the batches skip their inputs.
        let batches = stride(from: 0, to: all.count, by: batchSize).map {
            BatchBuilder.build(Array(all[$0..<min($0 + batchSize, all.count)]), kind: info.kind,
                               inputSize: info.inputSize, outputSize: info.outputSize,
                               tokenInputs: info.tokenInputs, includeInputs: false)
        }
        var outputs: [Tensor] = []
        var start = 0
        for batch in batches {
            let n = batch.batchSize
            outputs.append(Tensor(shape: [n, out[start].count], scalars: Array(out[start..<(start + n)].joined())))
            start += n
        }
        return Baseline(name: name, split: split, metrics: score(outputs, on: batches))
    }
}

/// A lock-protected store of values computed on first use.
private final class Memo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    func value<T>(_ key: String, _ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let v = values[key] as? T { return v }
        let v = make()
        values[key] = v
        return v
    }
}
