import LabText
import RNNEngine

/// Temporal order (Hochreiter & Schmidhuber 1997, experiment 6a): a sequence
/// of distractors a, b, c, d framed by B … E holds two relevant symbols, each X
/// or Y, one at 10–20 % of the length and one at 50–60 %. The class is their
/// order: XX, XY, YX or YY. Majority guessing scores 25 %.
///
/// Input ids: a b c d X Y B E (0…7); inputs (B, T, 8) one-hot; outputs (B, 4) logits.
enum TemporalOrderTask {
    static let knobs = [Knob("T", .sequenceLength, range: 20...1000, default: 100)]
    static let symbols = ["a", "b", "c", "d", "X", "Y", "B", "E"]
    /// Symbols, not words.
    static let classes: [Phrase] = ["XX", "XY", "YX", "YY"].map(Phrase.verbatim)

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let t = k.int("T")
        let info = TaskInfo(name: "temporal-order", summary: Phrase(.task(.temporalOrder)),
                            kind: .classification, inputSize: 8, outputSize: 4, tokenInputs: true,
                            classNames: classes, inputSymbols: symbols, preview: .text)
        return Synthetic.task(info, seed: seed, partitionKey: { $0.tokens },
                              generate: { rng in generate(t, &rng) }) { task, split in
            [majorityBaseline(task, split, classes: 4)]
        }
    }

    static func generate(_ t: Int, _ rng: inout SplitMix64) -> SequenceExample {
        var tokens = (0..<t).map { _ in Synthetic.int(4, &rng) }
        tokens[0] = 6
        tokens[t - 1] = 7
        let first = Int(0.1 * Double(t)) + Synthetic.int(max(Int(0.1 * Double(t)), 1), &rng)
        let second = Int(0.5 * Double(t)) + Synthetic.int(max(Int(0.1 * Double(t)), 1), &rng)
        let a = Synthetic.int(2, &rng), b = Synthetic.int(2, &rng)
        tokens[max(first, 1)] = 4 + a
        tokens[min(second, t - 2)] = 4 + b
        return SequenceExample(steps: t, tokens: tokens, label: 2 * a + b)
    }
}

/// The majority-class baseline: the training split's class frequencies as logits.
func majorityBaseline(_ task: ExampleTask, _ split: Split, classes: Int) -> Baseline {
    var counts = [Int](repeating: 0, count: classes)
    for e in task.examples.train { counts[e.label] += 1 }
    let prior = Predict.logPrior(counts)
    return task.baseline(Phrase(.baseline(.majorityClass)), on: split) { batch in
        Predict.logits(batch, classes: classes) { _, _ in prior }
    }
}
