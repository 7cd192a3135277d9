import Foundation
import LabText

/// A lesson's task on an imported data set (the setting `data=NAME`): the same
/// model, knobs, splits, normalisation and baselines as the lesson's own data.
///
/// - regression (forecasting lessons): the series cut in time order 70/15/15,
///   standardised with the training part's mean and deviation, windows of T
///   values and the value `horizon` steps later (as `sunspots`; no seasonal
///   baseline, the season being unknown). Inputs (B, T, 1); outputs (B, 1).
/// - classification (text classification): rows shuffled 80/10/10 by the seed,
///   characters as tokens from the training rows' vocabulary; labels in order
///   of first appearance. Inputs (B, T, V); outputs (B, labels).
/// - text (character language model): cut 90/5/5 in reading order (as each
///   Shakespeare work). Inputs (B, T, V); outputs (B, T, V).
enum ImportedTasks {
    static func make(_ entry: ImportedData.Entry, lessonTask: String, knobs: [String: Double], seed: UInt64) throws -> any SequenceTask {
        let knobList = TaskCatalog.entry(named: lessonTask)?.knobs ?? []
        let k = try KnobValues(knobs, knobs: knobList, task: lessonTask)
        switch entry.kind {
        case .regression:
            let base = lessonTask == "co2" ? ForecastTasks.co2 : ForecastTasks.sunspots
            let format = ForecastTasks.Format(name: entry.name, file: ImportedData.Kind.regression.fileName,
                                              summary: Phrase(.task(.importedRegression), ["name": .text(entry.name)]),
                                              defaultWindow: base.defaultWindow, season: nil, load: ImportedData.readSeries)
            let folder = URL(fileURLWithPath: entry.path).deletingLastPathComponent().path
            return try ForecastTasks.make(format, k, directory: DataDirectory(path: folder))
        case .classification:
            let rows = try ImportedData.readExamples(entry.path)
            var labels: [String] = []
            var index: [String: Int] = [:]
            let labelled = rows.map { row -> (String, Int) in
                if index[row.label] == nil { index[row.label] = labels.count; labels.append(row.label) }
                return (row.text, index[row.label]!)
            }
            return try AuthorshipTask.classifier(labelled, classes: labels.map(Phrase.verbatim), name: entry.name,
                                                 summary: Phrase(.task(.importedClassification), ["name": .text(entry.name)]),
                                                 path: entry.path, source: entry.path, seed: seed)
        case .text:
            let scalars = Array(try TextFiles.loadCorpus(path: entry.path).unicodeScalars)
            let text = Splitting.cut(scalars, validation: 0.05, test: 0.05).map { piece -> String in
                var s = String.UnicodeScalarView()
                s.append(contentsOf: piece)
                return String(s)
            }
            return try CharLanguageModelTask.make(k, text: text, name: entry.name,
                                                  summary: Phrase(.task(.importedText), ["name": .text(entry.name)]),
                                                  folder: entry.path, fileCount: 1)
        }
    }
}

extension ImportedData {
    /// The set as the first lesson task of its kind trains on it, with that task's default knobs (for `rnnlab data`).
    public static func task(_ entry: Entry, seed: UInt64 = TaskCatalog.defaultSeed) throws -> any SequenceTask {
        try ImportedTasks.make(entry, lessonTask: entry.kind.tasks[0], knobs: [:], seed: seed)
    }

    /// The lessons in `library` whose task takes sets of `kind`, by id.
    public static func lessons(for kind: Kind, in library: [Lesson]) -> [String] {
        library.filter { kind.tasks.contains($0.task) }.map(\.id)
    }
}
