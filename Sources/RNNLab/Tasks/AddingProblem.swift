import LabText
import RNNEngine

/// The adding problem (Hochreiter & Schmidhuber 1997), in the common modern
/// form: T steps of (value, marker) with values uniform in [0, 1); exactly
/// two markers, one in each half of the sequence; the target is the sum of
/// the two marked values. Predicting the mean, 1, scores MSE ≈ 1/6.
/// A sequence counts as solved when the absolute error is below 0.04.
///
/// Inputs (B, T, 2); outputs (B, 1).
enum AddingProblem {
    static let knobs = [Knob("T", .sequenceLength, range: 4...1000, default: 50)]

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let t = k.int("T")
        let info = TaskInfo(name: "adding", summary: Phrase(.task(.adding)),
                            kind: .regression, inputSize: 2, outputSize: 1, preview: .series, solvedThreshold: 0.04, markerFeature: 1)
        return Synthetic.task(info, seed: seed, generate: { rng in generate(t, &rng) }) { task, split in
            let train = task.examples.train
            let mean = train.map { Double($0.values[0]) }.reduce(0, +) / Double(max(train.count, 1))
            return [task.baseline(Phrase(.baseline(.meanOfTargets)), on: split) { Predict.constant([Float(mean)], rows: $0.batchSize) }]
        }
    }

    /// One example; features are (value, marker) per step.
    static func generate(_ t: Int, _ rng: inout SplitMix64) -> SequenceExample {
        var features = [Float](repeating: 0, count: t * 2)
        for s in 0..<t { features[2 * s] = Float(rng.nextUnit()) }
        let half = t / 2
        let first = Synthetic.int(half, &rng)
        let second = half + Synthetic.int(t - half, &rng)
        features[2 * first + 1] = 1
        features[2 * second + 1] = 1
        return SequenceExample(steps: t, features: features, values: [features[2 * first] + features[2 * second]])
    }
}
