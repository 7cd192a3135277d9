import LabText
import RNNEngine

/// Parity: is the number of ones in a random bit string odd? Every bit
/// matters, so nothing short of the whole sequence beats 50 %.
///
/// Inputs (B, T, 1) with bits 0/1; outputs (B, 2) logits (class 1 = odd).
enum ParityTask {
    static let knobs = [Knob("T", .numberOfBits, range: 8...500, default: 12)]

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let t = k.int("T")
        let info = TaskInfo(name: "parity", summary: Phrase(.task(.parity)),
                            kind: .classification, inputSize: 1, outputSize: 2,
                            classNames: [Phrase(.task(.classEven)), Phrase(.task(.classOdd))], preview: .series)
        return Synthetic.task(info, seed: seed, partitionKey: { $0.features.map { Int($0) } },
                              generate: { rng in generate(t, &rng) }) { task, split in
            [majorityBaseline(task, split, classes: 2)]
        }
    }

    static func generate(_ t: Int, _ rng: inout SplitMix64) -> SequenceExample {
        let bits = (0..<t).map { _ in Synthetic.int(2, &rng) }
        return SequenceExample(steps: t, features: bits.map(Float.init), label: bits.reduce(0, +) % 2)
    }
}

/// Counting: how many ones are in a bit string where each bit is 1 with
/// probability p? The target is standardised by the binomial mean T·p and
/// standard deviation √(T·p·(1−p)); errors are reported in counts, and a
/// sequence is solved when the count is within 0.5 (rounds to the right number).
///
/// Inputs (B, T, 1); outputs (B, 1).
enum CountingTask {
    static let knobs = [
        Knob("T", .sequenceLength, range: 2...1000, default: 20),
        Knob("p", .probabilityOfOne, range: 0.05...0.95, default: 0.3, integer: false),
    ]

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let t = k.int("T"), p = k["p"]
        let mean = Double(t) * p, std = (Double(t) * p * (1 - p)).squareRoot()
        let info = TaskInfo(name: "counting", summary: Phrase(.task(.counting)),
                            kind: .regression, inputSize: 1, outputSize: 1, preview: .series,
                            targetScale: std, targetShift: mean, solvedThreshold: 0.5)
        return Synthetic.task(info, seed: seed, partitionKey: { $0.features.map { Int($0) } },
                              generate: { rng in generate(t, p: p, mean: mean, std: std, &rng) }) { task, split in
            [task.baseline(Phrase(.baseline(.meanCount)), on: split) { Predict.constant([0], rows: $0.batchSize) }]
        }
    }

    static func generate(_ t: Int, p: Double, mean: Double, std: Double, _ rng: inout SplitMix64) -> SequenceExample {
        let bits = (0..<t).map { _ in rng.nextUnit() < p ? 1 : 0 }
        let count = Double(bits.reduce(0, +))
        return SequenceExample(steps: t, features: bits.map(Float.init), values: [Float((count - mean) / std)])
    }
}
