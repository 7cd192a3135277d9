import ArgumentParser
import Foundation
import LabText
import RNNLab

/// `rnnlab data import FILE --kind … --name …`: checks a file against the layout
/// of its kind and keeps it in the state folder's `data/NAME/`, where a lesson's
/// `--set data=NAME` finds it (layouts: ``ImportedData``).
struct DataImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a CSV or text file and keep it as a data set a lesson can train on (--set data=NAME).",
        discussion: """
            regression: a CSV with the header time,value and one row per observation in time order \
            (an empty value is missing). classification: a CSV with the header label,text and one \
            example per row (the text is everything after the first comma). text: any plain UTF-8 text.
            """)

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "regression, classification or text.")
    var kind: String

    @Option(help: "The data set's name: 1 to 40 of a-z, 0-9, - and _, starting with a letter.")
    var name: String

    @Option(name: .customLong("lessons-dir"), help: "The folder of lesson files (to name the lessons that train on it).")
    var lessonsDir: String?

    func run() throws {
        guard let kind = ImportedData.Kind(rawValue: kind) else {
            fail(Phrase(.command(.importBadKind), ["kind": .text(self.kind), "kinds": .list(ImportedData.Kind.allCases.map(\.rawValue))]))
        }
        guard ImportedData.isValidName(name) else { fail(Phrase(.command(.importBadName), ["name": .text(name)])) }
        guard TaskCatalog.entry(named: name) == nil, name != ImportedData.lessonData else {
            fail(Phrase(.command(.importBuiltInName), ["name": .text(name)]))
        }
        let root = ImportedData.root()
        if ImportedData.find(name, in: root) != nil || FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path) {
            fail(Phrase(.command(.importNameTaken), ["name": .text(name), "folder": .text(root.appendingPathComponent(name).path)]))
        }
        let imported: (entry: ImportedData.Entry, count: Int)
        do { imported = try ImportedData.importFile(file, kind: kind, name: name, root: root) } catch { fail(error) }
        let folder = URL(fileURLWithPath: imported.entry.path).deletingLastPathComponent().path
        if kind == .text {
            say(.command(.dataImportedText), ["name": .text(name), "count": .integer(imported.count), "folder": .text(folder)])
        } else {
            say(.command(.dataImported), ["name": .text(name), "kind": .text(kind.rawValue), "count": .integer(imported.count), "folder": .text(folder)])
        }
        let library = LessonLibrary.load(LessonOptions.resolveLessons(explicit: lessonsDir)).lessons
        let lessons = ImportedData.lessons(for: kind, in: library)
        say(.command(.dataImportNext), ["lessons": .list(lessons.isEmpty ? kind.tasks : lessons), "name": .text(name)])
    }
}
