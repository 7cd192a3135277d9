import LabText
import RNNEngine

/// First names from the 1990 US census lists (4,275 female, 1,219 male),
/// lower-cased. A name on both lists is kept once, labelled by the list where
/// it is more frequent. Shuffled, then 80/10/10; the vocabulary is the
/// letters of the training names.
enum NameTasks {
    static let files = ["census_names/dist.female.first", "census_names/dist.male.first"]
    static let classes = [Phrase(.task(.classFemale)), Phrase(.task(.classMale))]

    /// Unique lower-case names with their label (0 female, 1 male), in file order.
    static func load(_ directory: DataDirectory) throws -> [(name: String, label: Int)] {
        let female = try TextFiles.loadCensusNames(path: directory.file(files[0]))
        let male = try TextFiles.loadCensusNames(path: directory.file(files[1]))
        var best: [String: (label: Int, percent: Double)] = [:]
        var order: [String] = []
        for (label, list) in [female, male].enumerated() {
            for entry in list {
                if let seen = best[entry.name] {
                    if entry.percent > seen.percent { best[entry.name] = (label, entry.percent) }
                } else {
                    best[entry.name] = (label, entry.percent)
                    order.append(entry.name)
                }
            }
        }
        return order.compactMap { name in best[name].map { (name.lowercased(), $0.label) } }
    }

    static func splitNames(_ directory: DataDirectory, seed: UInt64)
        throws -> (names: [(name: String, label: Int)], parts: Splits<[Int]>, vocabulary: Vocabulary) {
        let names = try load(directory)
        let parts = Splitting.partition(names.count, validation: 0.1, test: 0.1, seed: seed)
        let folder = directory.file("census_names")
        if let empty = parts.firstEmpty {
            throw DataError(path: folder, .tooFewNames, ["count": .integer(names.count), "split": .text(empty.rawValue)])
        }
        return (names, parts, try Vocabulary.limited(training: parts.train.map { names[$0].name }, source: folder))
    }

    /// Character-level generation: inputs `<bos>` n a m e, targets n a m e `<eos>`.
    /// Inputs (B, T, V) one-hot, padded; outputs (B, T, V) logits.
    static func makeGeneration(directory: DataDirectory, seed: UInt64) throws -> ExampleTask {
        let (names, parts, vocabulary) = try splitNames(directory, seed: seed)
        let v = vocabulary.count
        let examples = parts.map { indices in
            indices.map { i -> SequenceExample in
                let ids = vocabulary.encode(names[i].name)
                return SequenceExample(steps: ids.count + 1, tokens: [Vocabulary.begin] + ids,
                                       outputs: ids + [Vocabulary.end], origin: i)
            }
        }
        let info = TaskInfo(name: "names", summary: Phrase(.task(.names)),
                            kind: .perStepClassification, inputSize: v, outputSize: v, tokenInputs: true,
                            inputVocabulary: vocabulary, outputVocabulary: vocabulary, preview: .text,
                            reportsBits: true)
        return ExampleTask(info: info, examples: examples) { task, split in
            let train = task.examples.train
            let unigram = CharacterNGrams.unigram(train.map(\.outputs), vocabulary: v)
            let bigram = CharacterNGrams.bigram(train.flatMap { Array(zip($0.tokens, $0.outputs)) }, vocabulary: v)
            return [task.baseline(Phrase(.baseline(.unigramLetters)), on: split) { batch in
                        Predict.logits(batch, classes: v) { _, _ in unigram }
                    },
                    task.baseline(Phrase(.baseline(.bigramLetters)), on: split) { batch in
                        Predict.logits(batch, classes: v) { b, s in bigram[batch.inputTokens![b * batch.steps + s]] }
                    }]
        }
    }

    /// Female or male first name? Inputs (B, T, V) one-hot letters, padded; outputs (B, 2) logits.
    static func makeClassification(directory: DataDirectory, seed: UInt64) throws -> ExampleTask {
        let (names, parts, vocabulary) = try splitNames(directory, seed: seed)
        let v = vocabulary.count
        let examples = parts.map { indices in
            indices.map { i -> SequenceExample in
                let ids = vocabulary.encode(names[i].name)
                return SequenceExample(steps: ids.count, tokens: ids, label: names[i].label, origin: i)
            }
        }
        let info = TaskInfo(name: "names-gender", summary: Phrase(.task(.namesGender)),
                            kind: .classification, inputSize: v, outputSize: 2, tokenInputs: true,
                            inputVocabulary: vocabulary, classNames: classes, preview: .text)
        return ExampleTask(info: info, examples: examples) { task, split in
            textClassificationBaselines(task, split, vocabularySize: v)
        }
    }
}
