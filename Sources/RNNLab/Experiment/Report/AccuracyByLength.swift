import RNNEngine

/// Token accuracy split by source length: for each length L among the validation
/// rows, the target tokens of rows whose source has L real steps, how many were
/// counted and how many predicted right (the same rule as the task's `accuracy`:
/// arg max of the output equals the target, on the steps the target mask counts).
/// Weighted by `counted`, the buckets' accuracies average back to the overall one.
public struct LengthBucket: Sendable, Equatable {
    /// The source length L.
    public var length: Int
    /// Target tokens counted in rows of this source length.
    public var counted: Int
    /// Of those, the ones predicted right.
    public var correct: Int

    public init(length: Int, counted: Int, correct: Int) {
        (self.length, self.counted, self.correct) = (length, counted, correct)
    }

    /// correct / counted (0 for an empty bucket).
    public var accuracy: Double { counted > 0 ? Double(correct) / Double(counted) : 0 }

    /// Buckets by increasing length, from evaluation outputs (B, U, C) per batch
    /// (logits, or one-hot decodings for seq2seq) and their batches.
    public static func buckets(outputs: [Tensor], batches: [SequenceBatch]) -> [LengthBucket] {
        var byLength: [Int: (counted: Int, correct: Int)] = [:]
        for (out, batch) in zip(outputs, batches) {
            guard let targets = batch.targetClasses, let c = out.shape.last, c > 0 else { continue }
            let values = out.doubles
            let perRow = targets.count / max(batch.batchSize, 1)
            for b in 0..<batch.batchSize {
                var bucket = byLength[batch.lengths[b]] ?? (0, 0)
                for s in 0..<perRow where batch.targetMask[b * perRow + s] {
                    let r = b * perRow + s
                    var best = 0
                    for i in 1..<c where values[r * c + i] > values[r * c + best] { best = i }
                    bucket.counted += 1
                    if best == targets[r] { bucket.correct += 1 }
                }
                byLength[batch.lengths[b]] = bucket
            }
        }
        return byLength.keys.sorted().map { LengthBucket(length: $0, counted: byLength[$0]!.counted, correct: byLength[$0]!.correct) }
    }

    /// The probe form: one row per length (labelled with it), columns accuracy and tokens counted.
    public static func grid(_ buckets: [LengthBucket]) -> Grid {
        Grid(rows: buckets.count, columns: 2, values: buckets.flatMap { [$0.accuracy, Double($0.counted)] },
             rowLabels: buckets.map { String($0.length) })
    }
}
