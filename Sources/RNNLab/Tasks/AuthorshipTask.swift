import LabText
import RNNEngine

/// Who wrote this line, Shakespeare or Milton? Lines of at least 25
/// characters, trimmed (Milton's lines carry a trailing space in the file
/// that would give the answer away) and cut to 120 characters, from the nine
/// Shakespeare works and Paradise Lost. A line that occurs more than once is
/// kept once, and a line found in both is dropped, so no line is in two
/// splits. Shuffled, then 80/10/10. The classes are unbalanced (about three
/// Shakespeare lines to one of Milton), so the majority class is the first bar.
///
/// Inputs (B, T, V) one-hot characters, padded; outputs (B, 2) logits.
enum AuthorshipTask {
    /// The authors' names: data, not the lab's words.
    static let classes: [Phrase] = [.verbatim("Shakespeare"), .verbatim("Milton")]
    static let miltonFile = "milton/paradise_lost.txt"

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { raw -> String? in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.count >= 25 ? String(line.prefix(120)) : nil
        }
    }

    static func make(directory: DataDirectory, seed: UInt64) throws -> ExampleTask {
        var shakespeare: [String] = []
        for file in CharLanguageModelTask.files { shakespeare += lines(try TextFiles.loadCorpus(path: directory.file(file))) }
        let milton = lines(try TextFiles.loadCorpus(path: directory.file(miltonFile)))
        guard !shakespeare.isEmpty else {
            throw DataError(path: directory.file("shakespeare"), .noLongLinesInFiles, ["files": .integer(CharLanguageModelTask.files.count)])
        }
        guard !milton.isEmpty else {
            throw DataError(path: directory.file(miltonFile), .noLongLines)
        }
        var seen: [String: Int] = [:]
        var ordered: [(String, Int)] = []
        for (label, group) in [shakespeare, milton].enumerated() {
            for line in group {
                if let previous = seen[line] {
                    if previous != label { seen[line] = -1 }  // in both works: drop
                    continue
                }
                seen[line] = label
                ordered.append((line, label))
            }
        }
        let labelled = ordered.filter { seen[$0.0] != -1 }
        return try classifier(labelled, classes: classes, name: "authorship", summary: Phrase(.task(.authorship)),
                              path: directory.file(miltonFile), source: directory.path, seed: seed)
    }

    /// A text classifier on labelled lines (an imported set's too): shuffled,
    /// 80/10/10, the vocabulary from the training lines. `path` names the data in
    /// a refusal, `source` the vocabulary's.
    static func classifier(_ labelled: [(String, Int)], classes: [Phrase], name: String, summary: Phrase,
                           path: String, source: String, seed: UInt64) throws -> ExampleTask {
        let parts = Splitting.partition(labelled.count, validation: 0.1, test: 0.1, seed: seed)
        if let empty = parts.firstEmpty {
            throw DataError(path: path, .tooFewLines, ["count": .integer(labelled.count), "split": .text(empty.rawValue)])
        }
        let vocabulary = try Vocabulary.limited(training: parts.train.map { labelled[$0].0 }, source: source)
        let examples = parts.map { indices in
            indices.map { i in
                let tokens = vocabulary.encode(labelled[i].0)
                return SequenceExample(steps: tokens.count, tokens: tokens, label: labelled[i].1, origin: i)
            }
        }
        let v = vocabulary.count
        let info = TaskInfo(name: name, summary: summary,
                            kind: .classification, inputSize: v, outputSize: classes.count, tokenInputs: true,
                            inputVocabulary: vocabulary, classNames: classes, preview: .text)
        return ExampleTask(info: info, examples: examples) { task, split in
            textClassificationBaselines(task, split, vocabularySize: v)
        }
    }
}
