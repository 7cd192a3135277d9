import LabText
import RNNEngine

/// Images read row by row: each of the H rows is one step of W pixel features.
/// Pixels are scaled by the format's fixed maximum (16 for digits, 255 for
/// MNIST) into 0…1, which needs no fitting. Images are shuffled with the seed
/// before the 70/15/15 split (the MNIST subset is sorted by label).
///
/// Inputs (B, H, W); outputs (B, 10) logits.
enum ImageTasks {
    struct Format: Sendable {
        var name: String
        var file: String
        var summary: Phrase
        var height: Int
        var width: Int
        var maxPixel: Int
        var rows: Int
    }

    static let digits = Format(name: "digits", file: "digits.csv.gz",
                               summary: Phrase(.task(.digits)),
                               height: 8, width: 8, maxPixel: 16, rows: 1797)
    static let mnist = Format(name: "mnist", file: "mnist_5k.csv.gz",
                              summary: Phrase(.task(.mnist)),
                              height: 28, width: 28, maxPixel: 255, rows: 5000)

    static func make(_ format: Format, directory: DataDirectory, seed: UInt64) throws -> ExampleTask {
        let images = try ImageSet.load(path: directory.file(format.file), height: format.height, width: format.width,
                                       maxPixel: format.maxPixel, expectedRows: format.rows)
        let p = format.height * format.width
        let scale = 1 / Float(format.maxPixel)
        let parts = Splitting.partition(images.count, validation: 0.15, test: 0.15, seed: seed)
        let examples = parts.map { indices in
            indices.map { n in
                SequenceExample(steps: format.height, features: images.pixels[(n * p)..<((n + 1) * p)].map { $0 * scale },
                                label: images.labels[n], origin: n)
            }
        }
        let info = TaskInfo(name: format.name, summary: format.summary, kind: .classification,
                            inputSize: format.width, outputSize: 10, classNames: (0..<10).map { .verbatim(String($0)) },
                            preview: .image)
        return ExampleTask(info: info, examples: examples) { task, split in
            [majorityBaseline(task, split, classes: 10),
             SoftmaxRegression.baseline(.logisticPixels, task: task, split: split,
                                        features: p, standardize: false) { $0.features }]
        }
    }
}
