import LabText
import RNNEngine

/// A character-level language model on nine Shakespeare works: at each step,
/// predict the next character.
///
/// Each work is cut in reading order into 90 % train, 5 % validation and 5 %
/// test; the parts of all works are joined per split. The vocabulary comes
/// from the training text only; an unseen character reads as `<unk>`.
/// Training windows start anywhere in the training text; validation and test
/// are fixed, non-overlapping windows.
///
/// Inputs (B, T, V) one-hot (or `inputTokens` for an embedding); outputs (B, T, V) logits.
enum CharLanguageModelTask {
    static let works = ["hamlet", "macbeth", "lear", "othello", "romeo_and_juliet", "julius_caesar",
                        "tempest", "midsummer_nights_dream", "sonnets"]
    static var files: [String] { works.map { "shakespeare/\($0)_gut.txt" } }
    static let knobs = [Knob("T", .charactersPerWindow, range: 8...1000, default: 100)]

    /// The nine works' texts cut per split. A file with more distinct
    /// characters than a vocabulary may hold is refused with its path.
    static func loadSplits(_ directory: DataDirectory) throws -> Splits<String> {
        var parts = Splits<[String]>(train: [], validation: [], test: [])
        for file in files {
            let scalars = Array(try TextFiles.loadCorpus(path: directory.file(file)).unicodeScalars)
            for (split, piece) in Splitting.cut(scalars, validation: 0.05, test: 0.05).all {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: piece)
                parts[split].append(String(s))
            }
        }
        return parts.map { $0.joined(separator: "\n\n") }
    }

    static func make(_ k: KnobValues, directory: DataDirectory) throws -> ExampleTask {
        try make(k, text: try loadSplits(directory), name: "shakespeare", summary: Phrase(.task(.shakespeare)),
                 folder: directory.file("shakespeare"), fileCount: files.count)
    }

    /// The model on any text cut per split (an imported one too); `folder` and
    /// `fileCount` name where it came from in a refusal.
    static func make(_ k: KnobValues, text: Splits<String>, name: String, summary: Phrase,
                     folder: String, fileCount: Int) throws -> ExampleTask {
        let t = k.int("T")
        let vocabulary = try Vocabulary.limited(training: [text.train], source: folder)
        let ids = text.map(vocabulary.encode)
        // Every split needs one window of T inputs and the character after them.
        for (split, part) in ids.all where part.count < t + 1 {
            throw DataError(path: folder, .textTooShort, ["split": .text(split.rawValue), "share": .percent(split == .train ? 0.9 : 0.05, decimals: 0),
                                                          "files": .integer(fileCount), "length": .integer(part.count), "window": .integer(t + 1)])
        }
        let train = ids.train
        let v = vocabulary.count
        func windows(_ ids: [Int]) -> [SequenceExample] {
            stride(from: 0, to: ids.count - t, by: t).map { window(ids, $0, t) }
        }
        var info = TaskInfo(name: name, summary: summary,
                            kind: .perStepClassification, inputSize: v, outputSize: v, tokenInputs: true,
                            inputVocabulary: vocabulary, outputVocabulary: vocabulary, preview: .text,
                            reportsBits: true, trainingSize: train.count)
        info.trainingWords = Set(TextWords.words(text.train))
        let examples = Splits(train: Array(windows(train).prefix(64)), validation: windows(ids.validation),
                              test: windows(ids.test))
        return ExampleTask(info: info, examples: examples, generator: { rng in
            window(train, Synthetic.int(train.count - t, &rng), t)
        }) { task, split in
            let unigram = CharacterNGrams.unigram([train], vocabulary: v)
            let bigram = CharacterNGrams.bigram(Array(zip(train, train.dropFirst())), vocabulary: v)
            return [task.baseline(Phrase(.baseline(.unigramCharacters)), on: split) { batch in
                        Predict.logits(batch, classes: v) { _, _ in unigram }
                    },
                    task.baseline(Phrase(.baseline(.bigramCharacters)), on: split) { batch in
                        Predict.logits(batch, classes: v) { b, s in bigram[batch.inputTokens![b * batch.steps + s]] }
                    }]
        }
    }

    /// Inputs ids[start ..< start+T], targets ids[start+1 … start+T].
    static func window(_ ids: [Int], _ start: Int, _ t: Int) -> SequenceExample {
        SequenceExample(steps: t, tokens: Array(ids[start..<(start + t)]),
                        outputs: Array(ids[(start + 1)...(start + t)]), origin: start)
    }
}
