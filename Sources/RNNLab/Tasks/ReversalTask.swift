import LabText
import RNNEngine

/// Sequence reversal, the first seq2seq exercise: read L letters (L varies
/// from ⌈max/2⌉ to max, so batches need padding and masks), write them back
/// in reverse order, then `<eos>`.
///
/// Input and output use the same vocabulary (4 reserved ids, then the letters).
/// Inputs (B, T, V) one-hot; decoder inputs `<bos>` y…; outputs (B, U, V) logits.
enum ReversalTask {
    static let knobs = [
        Knob("length", .longestSequence, range: 2...50, default: 10),
        Knob("K", .alphabetLetters, range: 2...26, default: 10),
    ]

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let maxLength = k.int("length"), alphabet = k.int("K")
        let vocabulary = Vocabulary(characters: (0..<alphabet).map { UnicodeScalar(UInt8(97 + $0)) })
        let info = TaskInfo(name: "reverse", summary: Phrase(.task(.reverse)),
                            kind: .seq2seq, inputSize: vocabulary.count, outputSize: vocabulary.count,
                            tokenInputs: true, inputVocabulary: vocabulary, outputVocabulary: vocabulary,
                            preview: .text)
        let v = vocabulary.count
        return Synthetic.task(info, seed: seed, partitionKey: { $0.tokens },
                              generate: { rng in generate(maxLength: maxLength, alphabet: alphabet, &rng) }) { task, split in
            [task.baseline(Phrase(.baseline(.copyWithoutReversing)), on: split) { batch in
                Predict.logits(batch, classes: v) { b, u in
                    u < batch.lengths[b] ? Predict.oneHot(batch.inputTokens![b * batch.steps + u], classes: v)
                                         : Predict.oneHot(Vocabulary.end, classes: v)
                }
            }]
        }
    }

    static func generate(maxLength: Int, alphabet: Int, _ rng: inout SplitMix64) -> SequenceExample {
        let shortest = (maxLength + 1) / 2
        return example(length: shortest + Synthetic.int(maxLength - shortest + 1, &rng), alphabet: alphabet, &rng)
    }

    /// One reversal of exactly `length` letters from the first `alphabet` letters.
    static func example(length: Int, alphabet: Int, _ rng: inout SplitMix64) -> SequenceExample {
        let tokens = (0..<length).map { _ in 4 + Synthetic.int(alphabet, &rng) }
        return SequenceExample(steps: length, tokens: tokens, outputs: tokens.reversed())
    }
}
