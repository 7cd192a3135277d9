import LabText
import RNNEngine

/// Japanese vowels (Kudo, Toyama & Shimbo 1999): 12 LPC cepstrum features per
/// step, 7 to 29 steps, nine speakers. The file's TRAIN part is shuffled and
/// cut 80/20 into train and validation; its TEST part is the test split. The
/// features are standardised with the training split's per-feature statistics.
/// Lengths vary, so batches are padded and the mask matters.
///
/// Inputs (B, T ≤ 29, 12); outputs (B, 9) logits, read at each row's last real step.
enum JapaneseVowelsTask {
    static let files = ["japanese_vowels/JapaneseVowels_TRAIN.ts", "japanese_vowels/JapaneseVowels_TEST.ts"]

    static func make(directory: DataDirectory, seed: UInt64) throws -> ExampleTask {
        let trainFile = try LabelledSeriesSet.load(path: directory.file(files[0]))
        let testFile = try LabelledSeriesSet.load(path: directory.file(files[1]))
        guard trainFile.dimensions == testFile.dimensions, trainFile.classLabels == testFile.classLabels else {
            throw DataError(path: directory.file(files[1]), .differsFromTrain)
        }
        let d = trainFile.dimensions
        let parts = Splitting.partition(trainFile.series.count, validation: 0.2, test: 0, seed: seed)
        if parts.train.isEmpty || parts.validation.isEmpty {
            throw DataError(path: directory.file(files[0]), .tooFewSeries,
                            ["count": .integer(trainFile.series.count), "split": .text(parts.train.isEmpty ? "train" : "validation")])
        }
        let train = parts.train.map { trainFile.series[$0] }
        let standardizer = Standardizer(fitting: train.flatMap(\.values), features: d)
        func example(_ s: LabelledSeries) -> SequenceExample {
            SequenceExample(steps: s.steps, features: standardizer.apply(s.values), label: s.label)
        }
        let examples = Splits(train: train.map(example),
                              validation: parts.validation.map { example(trainFile.series[$0]) },
                              test: testFile.series.map(example))
        let classes = trainFile.classLabels.count
        let info = TaskInfo(name: "japanese-vowels", summary: Phrase(.task(.japaneseVowels)),
                            kind: .classification, inputSize: d, outputSize: classes,
                            classNames: trainFile.classLabels.map { Phrase(.task(.classSpeaker), ["number": .text($0)]) }, preview: .series)
        return ExampleTask(info: info, examples: examples) { task, split in
            [majorityBaseline(task, split, classes: classes),
             SoftmaxRegression.baseline(.logisticAveragedFeatures, task: task, split: split,
                                        features: d) { e in
                 var mean = [Float](repeating: 0, count: d)
                 for t in 0..<e.steps { for k in 0..<d { mean[k] += e.features[t * d + k] / Float(e.steps) } }
                 return mean
             }]
        }
    }
}
