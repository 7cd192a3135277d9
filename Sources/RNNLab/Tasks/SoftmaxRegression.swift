import LabText
import Foundation
import RNNEngine

/// Multinomial logistic regression, logits = W x + b, on standardised
/// features: the "basic model" baseline for classification data sets
/// (bag-of-characters for text, raw pixels for images, time-averaged features
/// for speech).
///
/// Fitted by mini-batch Adam (batches of 32, a few epochs) in plain loops
/// rather than on the engine's tape: a baseline has to be ready in a fraction
/// of a second, in debug builds too, and a linear model needs no autograd.
struct SoftmaxRegression: Sendable {
    /// C × F weights, row-major, and C biases.
    private(set) var weights: [Float]
    private(set) var bias: [Float]
    let standardizer: Standardizer
    let classes: Int

    /// - Parameters:
    ///   - x: rows × features, row-major.
    ///   - labels: one class per row.
    /// Runs at least `minimumSteps` updates (6 epochs or more), so small sets are fitted too.
    /// Features already on a common scale (pixels in 0…1) pass `standardize: false`:
    /// standardising a nearly always blank border pixel would blow it up.
    init(x: [Float], features: Int, labels: [Int], classes: Int, standardize: Bool = true, minimumSteps: Int = 600,
         learningRate: Float = 0.01, weightDecay: Float = 1e-4, seed: UInt64 = 1) {
        standardizer = standardize ? Standardizer(fitting: x, features: features)
            : Standardizer(mean: [Double](repeating: 0, count: features), std: [Double](repeating: 1, count: features))
        self.classes = classes
        let f = features, c = classes, rows = labels.count
        let z = standardizer.apply(x)
        var w = [Float](repeating: 0, count: c * f), b = [Float](repeating: 0, count: c)
        var mw = w, vw = w, mb = b, vb = b
        var gw = w, gb = b
        var p = [Float](repeating: 0, count: c)
        let batch = 32
        let epochs = max(6, (minimumSteps * batch + rows - 1) / max(rows, 1))
        var step: Float = 0
        let beta1: Float = 0.9, beta2: Float = 0.999
        for epoch in 0..<epochs {
            let order = Splitting.shuffledIndices(rows, seed: seed &+ UInt64(epoch))
            for start in stride(from: 0, to: rows, by: batch) {
                let end = min(start + batch, rows)
                for i in gw.indices { gw[i] = 0 }
                for k in 0..<c { gb[k] = 0 }
                z.withUnsafeBufferPointer { zp in
                    w.withUnsafeBufferPointer { wp in
                        gw.withUnsafeMutableBufferPointer { gp in
                            for n in order[start..<end] {
                                let row = n * f
                                var top = -Float.infinity
                                for k in 0..<c {
                                    var s = b[k]
                                    for j in 0..<f { s += wp[k * f + j] * zp[row + j] }
                                    p[k] = s
                                    top = max(top, s)
                                }
                                var total: Float = 0
                                for k in 0..<c { p[k] = Foundation.exp(p[k] - top); total += p[k] }
                                for k in 0..<c {
                                    let g = p[k] / total - (k == labels[n] ? 1 : 0)
                                    gb[k] += g
                                    if g != 0 { for j in 0..<f { gp[k * f + j] += g * zp[row + j] } }
                                }
                            }
                        }
                    }
                }
                step += 1
                let scale = 1 / Float(end - start)
                let lr = learningRate * (1 - Foundation.pow(beta2, step)).squareRoot() / (1 - Foundation.pow(beta1, step))
                for i in w.indices {
                    let g = gw[i] * scale + weightDecay * w[i]
                    mw[i] = beta1 * mw[i] + (1 - beta1) * g
                    vw[i] = beta2 * vw[i] + (1 - beta2) * g * g
                    w[i] -= lr * mw[i] / (vw[i].squareRoot() + 1e-8)
                }
                for k in 0..<c {
                    let g = gb[k] * scale
                    mb[k] = beta1 * mb[k] + (1 - beta1) * g
                    vb[k] = beta2 * vb[k] + (1 - beta2) * g * g
                    b[k] -= lr * mb[k] / (vb[k].squareRoot() + 1e-8)
                }
            }
        }
        weights = w
        bias = b
    }

    /// Logits for each row of `x` (rows × features), as rows of C values.
    func logits(_ x: [Float]) -> [[Float]] {
        let f = standardizer.features
        let z = standardizer.apply(x)
        return (0..<(x.count / f)).map { n in
            (0..<classes).map { k in
                var s = bias[k]
                for j in 0..<f { s += weights[k * f + j] * z[n * f + j] }
                return s
            }
        }
    }

    /// At most this many training examples are used, so a baseline is ready in well under a second.
    static let maxTrainingRows = 4000

    /// Fits on (up to `maxTrainingRows` of) the training examples of `task`, once
    /// per task, and scores on `split`.
    static func baseline(_ name: BaselineKey, task: ExampleTask, split: Split, features: Int, standardize: Bool = true,
                         featurize: @escaping (SequenceExample) -> [Float]) -> Baseline {
        let model = task.memoized(name.rawValue) { () -> SoftmaxRegression in
            let train = Array(task.examples.train.prefix(maxTrainingRows))
            return SoftmaxRegression(x: train.flatMap(featurize), features: features,
                                     labels: train.map(\.label), classes: task.outputSize,
                                     standardize: standardize)
        }
        return task.baseline(Phrase(.baseline(name)), on: split) { model.logits($0.flatMap(featurize)) }
    }

    /// Character frequencies of a token sequence (each count divided by the length).
    static func bagOfCharacters(_ tokens: [Int], vocabulary: Int) -> [Float] {
        var row = [Float](repeating: 0, count: vocabulary)
        for t in tokens { row[t] += 1 }
        let n = Float(max(tokens.count, 1))
        return row.map { $0 / n }
    }
}

/// Character n-gram models with add-one smoothing: the baselines of the
/// language-model tasks, in bits per character.
enum CharacterNGrams {
    /// log p(next) for every context-free prediction, from training token ids.
    static func unigram(_ sequences: [[Int]], vocabulary v: Int) -> [Float] {
        var counts = [Int](repeating: 0, count: v)
        for s in sequences { for t in s { counts[t] += 1 } }
        return Predict.logPrior(counts)
    }

    /// log p(next | previous) as a V × V table, from (previous, next) training pairs.
    static func bigram(_ pairs: [(Int, Int)], vocabulary v: Int) -> [[Float]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: v), count: v)
        for (a, b) in pairs { counts[a][b] += 1 }
        return counts.map(Predict.logPrior)
    }
}

/// The baselines of a two-class text task on token inputs: the majority class, and
/// a logistic regression on character counts (a model with no notion of order).
func textClassificationBaselines(_ task: ExampleTask, _ split: Split, vocabularySize v: Int) -> [Baseline] {
    [majorityBaseline(task, split, classes: 2),
     SoftmaxRegression.baseline(.bagOfCharacters, task: task, split: split,
                                features: v) { SoftmaxRegression.bagOfCharacters($0.tokens, vocabulary: v) }]
}
