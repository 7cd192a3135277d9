import LabText
import RNNEngine

/// Validation examples of a classification task counted by true class (rows)
/// and predicted class (columns): `counts[t · C + p]` examples of class t were
/// predicted as p, the prediction being the arg max of the C logits (ties go to
/// the lower class, as `accuracy` decides them). The diagonal holds the right
/// answers, so it sums to accuracy × total.
public struct ConfusionMatrix: Sendable, Equatable {
    /// The C class names, in class order (data or the lab's own words).
    public var classes: [Phrase]
    /// C·C counts, true class by predicted class, row by row.
    public var counts: [Int]

    public init(classes: [Phrase], counts: [Int]) {
        precondition(counts.count == classes.count * classes.count, "\(counts.count) counts for \(classes.count) classes")
        self.classes = classes
        self.counts = counts
    }

    /// C.
    public var size: Int { classes.count }
    /// Examples of class `truth` predicted as `predicted`.
    public func count(truth: Int, predicted: Int) -> Int { counts[truth * size + predicted] }
    /// Every example counted.
    public var total: Int { counts.reduce(0, +) }
    /// Examples of class `truth`.
    public func rowTotal(_ truth: Int) -> Int { (0..<size).reduce(0) { $0 + count(truth: truth, predicted: $1) } }
    /// The share right (0 with nothing counted).
    public var accuracy: Double {
        let right = (0..<size).reduce(0) { $0 + count(truth: $1, predicted: $1) }
        return total > 0 ? Double(right) / Double(total) : 0
    }

    /// Counts the rows of `batches` whose target mask is set, from their (B, C)
    /// logits `outputs` (one tensor per batch), for C = `classes.count`.
    public static func counting(outputs: [Tensor], batches: [SequenceBatch], classes: [Phrase]) -> ConfusionMatrix {
        let c = classes.count
        var counts = [Int](repeating: 0, count: c * c)
        for (out, batch) in zip(outputs, batches) {
            guard let targets = batch.targetClasses, out.shape.count == 2, out.shape[1] == c, c > 0 else { continue }
            let values = out.doubles
            for b in 0..<min(batch.batchSize, targets.count) where batch.targetMask[b] && (0..<c).contains(targets[b]) {
                var best = 0
                for i in 1..<c where values[b * c + i] > values[b * c + best] { best = i }
                counts[targets[b] * c + best] += 1
            }
        }
        return ConfusionMatrix(classes: classes, counts: counts)
    }
}
