import Foundation
import RNNEngine

/// Builds synthetic tasks: fixed validation and test sets from seeds derived
/// from the task seed, a fixed training sample for fitting baselines, and a
/// generator of fresh training examples from the caller's RNG.
enum Synthetic {
    static let validationCount = 512
    static let testCount = 1024
    static let trainingSampleCount = 1024

    /// - Parameter partitionKey: for tasks whose inputs come from a finite set,
    ///   the tokens that identify an input; each distinct input then belongs to
    ///   exactly one split (`Splitting.bucket`), so validation and test inputs
    ///   are never trained on. Continuous tasks pass nil: repeats have probability zero.
    static func task(_ info: TaskInfo, seed: UInt64,
                     partitionKey: (@Sendable (SequenceExample) -> [Int])? = nil,
                     generate: @escaping ExampleTask.Generator,
                     baselines: @escaping ExampleTask.BaselineMaker) -> ExampleTask {
        let drawTrain: ExampleTask.Generator
        if let partitionKey {
            drawTrain = { rng in draw(.train, rng: &rng, key: partitionKey, generate: generate) }
        } else {
            drawTrain = generate
        }
        func fixed(_ split: Split, _ count: Int, _ salt: UInt64) -> [SequenceExample] {
            var rng = SplitMix64(seed: seed ^ salt)
            return (0..<count).map { _ in
                partitionKey.map { draw(split, rng: &rng, key: $0, generate: generate) } ?? generate(&rng)
            }
        }
        let examples = Splits(train: fixed(.train, trainingSampleCount, 0x7EA1_0000_0000_0003),
                              validation: fixed(.validation, validationCount, 0x7EA1_0000_0000_0001),
                              test: fixed(.test, testCount, 0x7EA1_0000_0000_0002))
        return ExampleTask(info: info, examples: examples, generator: drawTrain, baselines: baselines)
    }

    /// Draws until the example's key falls in `split`. A task whose whole input
    /// space is smaller than a few dozen inputs may have no input in a split;
    /// after 10 000 tries the last draw is kept rather than looping for ever.
    static func draw(_ split: Split, rng: inout SplitMix64, key: (SequenceExample) -> [Int],
                     generate: ExampleTask.Generator) -> SequenceExample {
        var e = generate(&rng)
        var tries = 1
        while Splitting.bucket(of: key(e)) != split && tries < 10_000 {
            e = generate(&rng)
            tries += 1
        }
        return e
    }

    /// A uniform integer in 0..<n.
    @inline(__always) static func int(_ n: Int, _ rng: inout SplitMix64) -> Int {
        Int(rng.next() % UInt64(n))
    }
}

/// Simple predictors used by several baselines.
enum Predict {
    /// (B, O) filled with the same values in every row.
    static func constant(_ values: [Float], rows: Int) -> Tensor {
        Tensor(shape: [rows, values.count], scalars: Array([[Float]](repeating: values, count: rows).joined()))
    }

    /// Logits for every target row of the batch from a function of (row b, output step s).
    /// Output shape: (B, C) for classification, (B, T or U, C) otherwise.
    static func logits(_ batch: SequenceBatch, classes: Int, _ row: (Int, Int) -> [Float]) -> Tensor {
        let targets = batch.targetClasses!.count
        let b = batch.batchSize
        let perRow = targets / max(b, 1)
        var out = [Float]()
        out.reserveCapacity(targets * classes)
        for r in 0..<b { for s in 0..<perRow { out += row(r, s) } }
        return Tensor(shape: batch.kind == .classification ? [b, classes] : [b, perRow, classes], scalars: out)
    }

    /// Log-probabilities from counts, with add-one (Laplace) smoothing.
    static func logPrior(_ counts: [Int]) -> [Float] {
        let total = Double(counts.reduce(0, +) + counts.count)
        return counts.map { Float(Foundation.log(Double($0 + 1) / total)) }
    }

    /// A logit row putting (almost) all mass on one class.
    static func oneHot(_ k: Int, classes: Int) -> [Float] {
        var row = [Float](repeating: -10, count: classes)
        if k >= 0 && k < classes { row[k] = 10 }
        return row
    }
}
