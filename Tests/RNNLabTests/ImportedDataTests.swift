import Foundation
import Testing
@testable import RNNLab
import LabText

/// `rnnlab data import`: each layout is checked line by line and a malformed
/// file is refused with its path, the line and what was expected (each refusal
/// tested); a good file is stored under `data/NAME/` and becomes the lesson
/// task's data, split and normalised as the lesson's own.
@Suite struct ImportedDataTests {
    /// A fresh folder for the test's files and imported sets.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, in dir: URL, _ name: String = "in.csv") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func refusal(_ text: String, _ kind: ImportedData.Kind) throws -> String {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(text, in: dir)
        do {
            _ = try ImportedData.validate(path, kind: kind)
        } catch let e as DataError {
            return e.description.replacingOccurrences(of: path, with: "F")
        }
        return "accepted"
    }

    static func series(_ n: Int) -> String {
        "time,value\n" + (0..<n).map { "\($0),\(100 + Double($0) * 0.5 + sin(Double($0) / 3))" }.joined(separator: "\n") + "\n"
    }

    static func labelled(_ n: Int) -> String {
        "label,text\n" + (0..<n).map { i in i % 2 == 0 ? "calm,\"a quiet, slow line number \(i)\"" : "storm,WIND AND RAIN! line \(i)" }
            .joined(separator: "\n") + "\n"
    }

    @Test func regressionRefusalsNameTheLineAndWhatWasExpected() throws {
        #expect(try refusal("date,co2\n1,2\n2,3\n", .regression) == "F:1: expected the header time,value, found date,co2")
        #expect(try refusal("time,value\n1,2\n2,x\n", .regression) == "F:3: value 'x' is not a number")
        #expect(try refusal("time,value\n1,2\n1,3\n", .regression) == "F:3: time 1 does not come after the previous row")
        #expect(try refusal("time,value\n1,2\n2,3,4\n", .regression) == "F:3: expected 2 columns, found 3")
        #expect(try refusal("time,value\n1,2\n\n3,4\n", .regression) == "F:3: blank line inside the data")
        #expect(try refusal("time,value\n1,2\n", .regression) == "F: no data rows after the header")
        #expect(try refusal("", .regression) == "F: file is empty")
        #expect(try refusal(Self.series(30), .regression) == "accepted")
    }

    @Test func classificationRefusalsNameTheLineAndWhatWasExpected() throws {
        #expect(try refusal("text,label\na,b\n", .classification) == "F:1: expected the header label,text, found text,label")
        #expect(try refusal("label,text\ncalm a quiet line\n", .classification) == "F:2: expected a label, a comma, then the text (label,text)")
        #expect(try refusal("label,text\n,a quiet line\n", .classification) == "F:2: the label before the comma is empty")
        #expect(try refusal("label,text\ncalm, \n", .classification) == "F:2: the text after the label is empty")
        #expect(try refusal("label,text\na,x\n\nb,y\n", .classification) == "F:3: blank line inside the data")
        let oneLabel = "label,text\n" + (0..<12).map { "calm,line \($0)" }.joined(separator: "\n")
        #expect(try refusal(oneLabel, .classification) == "F: every row has the label calm; a classifier needs at least two labels")
        #expect(try refusal("label,text\na,x\nb,y\n", .classification) == "F: 2 rows of data; the splits need at least 10")
        #expect(try refusal(Self.labelled(20), .classification) == "accepted")
    }

    @Test func textRefusals() throws {
        #expect(try refusal("", .text) == "F: file is empty")
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bad.txt")
        try Data([0x61, 0x62, 0xFF, 0x0A]).write(to: url)
        #expect(throws: DataError.self) { try ImportedData.validate(url.path, kind: .text) }
    }

    @Test func anImportIsStoredAndARefusedOneWritesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = dir.appendingPathComponent("data")
        let good = try write(Self.series(300), in: dir)
        let (entry, count) = try ImportedData.importFile(good, kind: .regression, name: "my-series", root: root)
        #expect(count == 300)
        #expect(entry == ImportedData.find("my-series", in: root))
        #expect(ImportedData.list(in: root).map(\.name) == ["my-series"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: entry.path)) == Data(Self.series(300).utf8))
        let bad = try write("time,value\n1,2\n2,x\n", in: dir, "bad.csv")
        #expect(throws: DataError.self) { try ImportedData.importFile(bad, kind: .regression, name: "bad", root: root) }
        #expect(ImportedData.find("bad", in: root) == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("bad").path))
        #expect(!ImportedData.isValidName("My Series") && !ImportedData.isValidName("1abc") && ImportedData.isValidName("abc_1-x"))
    }

    /// The series is cut 70/15/15 in time order and standardised with the training part's mean and deviation.
    @Test func aSeriesIsSplitAndStandardisedAsTheForecastLessons() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (entry, _) = try ImportedData.importFile(try write(Self.series(400), in: dir), kind: .regression, name: "s", root: dir)
        let task = try ImportedTasks.make(entry, lessonTask: "sunspots", knobs: ["T": 20], seed: 1)
        let values = (0..<280).map { 100 + Double($0) * 0.5 + sin(Double($0) / 3) }
        let mean = values.reduce(0, +) / 280
        #expect(abs(task.targetShift - mean) < 1e-3 * mean)
        // Windows of 20 and the value after: 280 − 20 train, 60 − 20 validation and test.
        #expect(task.sizes.validation == 40 && task.sizes.test == 40)
        #expect(task.kind == .regression && task.inputSize == 1)
        // The forecasting lessons' knobs apply; another lesson's task does not take a series.
        #expect(throws: (any Error).self) { try ImportedTasks.make(entry, lessonTask: "sunspots", knobs: ["T": 500], seed: 1) }
    }

    @Test func labelledTextsBecomeAClassifierWithTheirLabels() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (entry, count) = try ImportedData.importFile(try write(Self.labelled(200), in: dir), kind: .classification, name: "w", root: dir)
        #expect(count == 200)
        let task = try ImportedTasks.make(entry, lessonTask: "authorship", knobs: [:], seed: 1)
        #expect(task.kind == .classification && task.outputSize == 2)
        #expect(task.sizes.validation == 20 && task.sizes.test == 20)
    }

    @Test func aTextBecomesACharacterLanguageModel() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 200)
        let (entry, _) = try ImportedData.importFile(try write(text, in: dir, "t.txt"), kind: .text, name: "fox", root: dir)
        let task = try ImportedTasks.make(entry, lessonTask: "shakespeare", knobs: ["T": 50], seed: 1)
        #expect(task.kind == .perStepClassification)
        // 5 % of 9000 characters, 450, in windows of 50 each followed by its next character: 8.
        #expect(task.sizes.validation == 8 && task.sizes.test == 8)
    }
}
