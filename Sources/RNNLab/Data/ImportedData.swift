import Foundation
import LabText

/// Data sets the learner brings (`rnnlab data import FILE --kind … --name …`),
/// kept in the state folder's `data/NAME/`, one file a set, named for its kind.
/// A lesson trains on one with the setting `data=NAME` (see ``ImportedTasks``).
///
/// Layouts (UTF-8, `\n` or `\r\n` line ends, no blank lines inside):
/// - **regression**: a CSV with the header `time,value`, then one row per
///   observation in time order: a time (any increasing number: a year such as
///   1990.5, a day number, a date as yyyymmdd) and the value. An empty value is
///   a missing observation: filled between its neighbours for the inputs,
///   never a target. One series a file.
/// - **classification**: a CSV with the header `label,text`, then one example
///   per row: the label (a class name), a comma, then the text (everything after
///   the first comma, so the text may hold commas; one pair of surrounding
///   double quotes is removed). At least two labels.
/// - **text**: any plain text, for a character language model.
public enum ImportedData {
    public enum Kind: String, CaseIterable, Sendable {
        case regression, classification, text

        /// The file a set of this kind is stored as.
        var fileName: String {
            switch self {
            case .regression: return "series.csv"
            case .classification: return "examples.csv"
            case .text: return "corpus.txt"
            }
        }

        /// The lessons' tasks that train on a set of this kind (their knobs apply to it).
        public var tasks: [String] {
            switch self {
            case .regression: return ["sunspots", "co2"]
            case .classification: return ["authorship"]
            case .text: return ["shakespeare"]
            }
        }
    }

    /// One imported set.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// The stored file.
        public var path: String
    }

    /// The value of the `data` setting that keeps the lesson's own data.
    public static let lessonData = "lesson"

    /// `data/` in the state folder.
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        ProgressStore.defaultFolder(environment: environment).appendingPathComponent("data")
    }

    /// Every imported set, by name.
    public static func list(in root: URL = root()) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return names.sorted().compactMap { find($0, in: root) }
    }

    /// The set called `name`, if one is imported.
    public static func find(_ name: String, in root: URL = root()) -> Entry? {
        guard isValidName(name) else { return nil }
        for kind in Kind.allCases {
            let path = root.appendingPathComponent(name).appendingPathComponent(kind.fileName).path
            if FileManager.default.fileExists(atPath: path) { return Entry(name: name, kind: kind, path: path) }
        }
        return nil
    }

    /// The kind of data `task` can swap for an imported set, if any.
    public static func kind(acceptedBy task: String) -> Kind? { Kind.allCases.first { $0.tasks.contains(task) } }

    /// 1–40 characters of a–z, 0–9, `-`, `_`, starting with a letter (a folder name on every system).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.unicodeScalars.count <= 40 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Checks `path` against the layout of `kind` (refusing with the file, the line
    /// and what was expected) and returns how many rows (characters, for text) it holds.
    public static func validate(_ path: String, kind: Kind) throws -> Int {
        switch kind {
        case .regression: return try readSeries(path).count
        case .classification: return try readExamples(path).count
        case .text: return try TextFiles.loadCorpus(path: path).count
        }
    }

    /// Checks the file and copies it to `root/NAME/`; nothing is written when it is refused.
    @discardableResult
    public static func importFile(_ path: String, kind: Kind, name: String, root: URL = root()) throws -> (entry: Entry, count: Int) {
        let count = try validate(path, kind: kind)
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stored = folder.appendingPathComponent(kind.fileName)
        try SafeFile.write(try Data(contentsOf: URL(fileURLWithPath: path)), to: stored)
        return (Entry(name: name, kind: kind, path: stored.path), count)
    }

    /// The regression layout as a series (see the type's documentation).
    static func readSeries(_ path: String) throws -> TimeSeries {
        try TimeSeries.load(path: path, header: ["time", "value"], timeColumn: 0, valueColumn: 1, allowMissing: true)
    }

    /// The classification layout as (label, text) pairs, in file order.
    static func readExamples(_ path: String) throws -> [(label: String, text: String)] {
        let file = try DataFile(path: path)
        var rows: [(label: String, text: String)] = []
        var sawHeader = false
        var blankLine: Int? = nil
        try file.forEachLine { line, range in
            if range.isEmpty { blankLine = blankLine ?? line; return }
            if let blankLine { throw DataError(path: path, line: blankLine, .blankLine) }
            let text = file.text(range).trimmingCharacters(in: ["\r"])
            guard let comma = text.firstIndex(of: ",") else { throw DataError(path: path, line: line, .labelTextRow) }
            let label = text[..<comma].trimmingCharacters(in: .whitespaces)
            var body = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !sawHeader {
                guard label == "label", body == "text" else {
                    throw DataError(path: path, line: line, .header, ["expected": .text("label,text"), "found": .text(DataFile.excerpt(text))])
                }
                sawHeader = true
                return
            }
            if body.count >= 2, body.hasPrefix("\""), body.hasSuffix("\"") { body = String(body.dropFirst().dropLast()) }
            guard !label.isEmpty else { throw DataError(path: path, line: line, .emptyLabel) }
            guard !body.isEmpty else { throw DataError(path: path, line: line, .emptyText) }
            rows.append((label, body))
        }
        guard sawHeader else { throw DataError(path: path, .empty) }
        let least = 10
        guard rows.count >= least else { throw DataError(path: path, .tooFewExamples, ["count": .integer(rows.count), "least": .integer(least)]) }
        let labels = Set(rows.map(\.label))
        guard labels.count >= 2 else { throw DataError(path: path, .oneLabel, ["label": .text(rows[0].label)]) }
        return rows
    }
}
