import LabText
import RNNEngine

extension ProbeID {
    /// Accuracy by nesting depth on fixed held-out expressions of each depth the task
    /// names (`TaskInfo.measuredDepths`): a grid, one row per depth (labelled with it),
    /// columns accuracy and examples counted (`DepthBucket`).
    public static let accuracyByDepth = ProbeID(rawValue: "accuracy_by_depth")
}

/// The accuracy on expressions nested exactly `depth` deep.
public struct DepthBucket: Sendable, Equatable {
    public var depth: Int
    public var counted: Int
    public var correct: Int

    public init(depth: Int, counted: Int, correct: Int) {
        (self.depth, self.counted, self.correct) = (depth, counted, correct)
    }

    /// correct / counted (0 for an empty bucket).
    public var accuracy: Double { counted > 0 ? Double(correct) / Double(counted) : 0 }

    /// The probe form: one row per depth, labelled with it; columns accuracy and counted.
    public static func grid(_ buckets: [DepthBucket]) -> Grid {
        Grid(rows: buckets.count, columns: 2, values: buckets.flatMap { [$0.accuracy, Double($0.counted)] },
             rowLabels: buckets.map { String($0.depth) })
    }

    /// The buckets of a probe grid; empty for anything else.
    public static func buckets(_ grid: Grid?) -> [DepthBucket] {
        guard let grid, grid.columns == 2, grid.values.count == 2 * grid.rows, grid.rowLabels.count == grid.rows else { return [] }
        return (0..<grid.rows).compactMap { r in
            guard let depth = Int(grid.rowLabels[r]) else { return nil }
            let counted = Int(grid.values[2 * r + 1])
            return DepthBucket(depth: depth, counted: counted, correct: Int((grid.values[2 * r] * Double(counted)).rounded()))
        }
    }
}

extension ProbeMeasurement {
    /// Held-out expressions per depth.
    static let depthExamples = 128

    static let accuracyByDepth = ProbeMeasurement(
        id: .accuracyByDepth,
        unavailable: { $0 == .classification ? nil : Phrase(.check(.needsAccuracy)) },
        compute: { e in e.accuracyByDepth().map { .grid(DepthBucket.grid($0)) } })
}

extension Experiment {
    /// Accuracy at each depth of `TaskInfo.measuredDepths`, the model's arg max against
    /// the value, on `ProbeMeasurement.depthExamples` fixed expressions per depth; nil
    /// for a task without depths.
    func accuracyByDepth() -> [DepthBucket]? {
        guard let task = task as? ExampleTask, let depths = task.info.measuredDepths, let make = task.info.examplesAtDepth else { return nil }
        let batches = task.memoized("depth-batches") {
            depths.map { task.build(make($0, ProbeMeasurement.depthExamples)) }
        }
        model.isTraining = false
        defer { model.isTraining = true }
        return zip(depths, batches).map { depth, batch in
            let logits = withNoGrad { model.evaluate(batch, task: task, recordAttention: false).outputs }
            let c = logits.shape[1], values = logits.doubles, targets = batch.targetClasses ?? []
            var correct = 0
            for b in 0..<batch.batchSize {
                var best = 0
                for i in 1..<c where values[b * c + i] > values[b * c + best] { best = i }
                if best == targets[b] { correct += 1 }
            }
            return DepthBucket(depth: depth, counted: batch.batchSize, correct: correct)
        }
    }
}
