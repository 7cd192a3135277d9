import LabText
import RNNEngine

/// A toy translation for seq2seq: a date in English words, character by
/// character, to its ISO form ("third of march nineteen ninety-four" →
/// "1994-03-03" `<eos>`). Dates run from 1900 to 2099; each calendar date
/// belongs to one split only, whatever its wording.
///
/// Inputs (B, T, Vs) one-hot over letters, space, comma and hyphen;
/// outputs (B, 11, Vt) logits over digits, hyphen and `<eos>`.
enum DateTranslationTask {
    static let knobs = [Knob("formats", .wordOrders, range: 1...3, default: 3)]
    static let source = Vocabulary(characters: Array("abcdefghijklmnopqrstuvwxyz ,-".unicodeScalars))
    static let target = Vocabulary(characters: Array("0123456789-".unicodeScalars))

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let formats = k.int("formats")
        let info = TaskInfo(name: "dates", summary: Phrase(.task(.dates)),
                            kind: .seq2seq, inputSize: source.count, outputSize: target.count,
                            tokenInputs: true, inputVocabulary: source, outputVocabulary: target, preview: .text)
        return Synthetic.task(info, seed: seed, partitionKey: { $0.outputs },
                              generate: { rng in generate(formats: formats, &rng) }) { task, split in
            [positionMajority(task, split)]
        }
    }

    static func generate(formats: Int, _ rng: inout SplitMix64) -> SequenceExample {
        let y = 1900 + Synthetic.int(200, &rng)
        let m = 1 + Synthetic.int(12, &rng)
        let d = 1 + Synthetic.int(DateWords.daysIn(month: m, year: y), &rng)
        let format = Synthetic.int(formats, &rng)
        let tokens = source.encode(DateWords.words(year: y, month: m, day: d, format: format))
        return SequenceExample(steps: tokens.count, tokens: tokens,
                               outputs: target.encode(DateWords.iso(year: y, month: m, day: d)))
    }

    /// Guesses, at each output position, the character most frequent there in the training sample.
    static func positionMajority(_ task: ExampleTask, _ split: Split) -> Baseline {
        let v = target.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: v), count: 11)
        for e in task.examples.train {
            for (u, id) in (e.outputs + [Vocabulary.end]).enumerated() where u < 11 { counts[u][id] += 1 }
        }
        let priors = counts.map(Predict.logPrior)
        return task.baseline(Phrase(.baseline(.frequentCharacterPerPosition)), on: split) { batch in
            Predict.logits(batch, classes: v) { _, u in priors[min(u, 10)] }
        }
    }
}
