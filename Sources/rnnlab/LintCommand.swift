import ArgumentParser
import Foundation
import LabText
import RNNLab

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check lesson files; report every problem with its file and line.")

    @Argument(help: "Lesson files or folders (default: the lessons/ folder the other commands use).")
    var paths: [String] = []

    @Option(name: .customLong("data-dir"), help: "The folder of data sets, to learn a data set's metrics (default: as for run).")
    var dataDir: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply(followLocale: false)  // English unless --lang or $RNNLAB_LANG: scripts parse it
        let targets = paths.isEmpty ? [LessonOptions.resolveLessons(explicit: nil).path] : paths
        var problems: [LessonError] = []
        var files: [URL] = []
        // Translations (`lessons/zh-Hans/*.md`): a lessons folder's language
        // subfolders, and any file whose front matter has `translation_of:`.
        var translations: [URL] = []
        for path in targets {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { fail(.noSuchPath, ["path": .text(path)]) }
            // A path named *.md is a lesson file even when it is a folder: reading it says so.
            if isDir.boolValue && !path.hasSuffix(".md") {
                do {
                    let found = try LessonLibrary.files(in: URL(fileURLWithPath: path))
                    let subfolders = LessonLibrary.translationFolders(in: URL(fileURLWithPath: path))
                    let inSubfolders = subfolders.flatMap { (try? LessonLibrary.files(in: $0)) ?? [] }
                    if found.isEmpty && inSubfolders.isEmpty { problems.append(LessonError(file: path, line: 1, .noLessonFiles)) }
                    for f in found { if TranslationLint.isTranslation(f) { translations.append(f) } else { files.append(f) } }
                    translations += inSubfolders
                } catch let e as LessonError { problems.append(e) }
            } else if TranslationLint.isTranslation(URL(fileURLWithPath: path)) {
                translations.append(URL(fileURLWithPath: path))
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        let dataDirectory = dataDirectory(for: targets)
        var library = LessonLibrary(lessons: [], problems: [])
        var facts: [String: Result<LessonLint.TaskFacts, Reason>] = [:]
        for file in files {
            let (lesson, found) = LessonParser.check(file)
            var fileProblems = found
            if let lesson, TaskCatalog.entry(named: lesson.task) != nil {
                let key = lesson.task + " " + lesson.settings.keys.sorted().map { "\($0)=\(lesson.settings[$0]!)" }.joined(separator: " ")
                let result = facts[key] ?? LessonLint.facts(lesson, dataDirectory: dataDirectory)
                facts[key] = result
                switch result {
                case .success(let task): fileProblems += LessonLint.problems(lesson, task: task, dataDirectory: dataDirectory)
                case .failure(let reason):
                    sayError(.command(.lintNote), ["file": .text(file.path), "reason": .phrase(reason.phrase)])
                }
            }
            if let lesson, !lesson.id.isEmpty {
                let before = library.problems.count
                library.add(lesson)
                fileProblems += library.problems[before...]
            }
            problems += fileProblems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        }
        problems += TranslationLint.lint(translations)
        for p in problems { say(p.phrase) }
        say(.command(.lintSummary), ["files": .integer(files.count + translations.count), "problems": .integer(problems.count)])
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// --data-dir, else $RNNLAB_DATA_DIR, else datasets/ beside the first lessons folder, else the default.
    private func dataDirectory(for targets: [String]) -> DataDirectory {
        if dataDir == nil, ProcessInfo.processInfo.environment[DataDirectory.environmentVariable] == nil, let first = targets.first {
            var folder = URL(fileURLWithPath: first)
            if !first.hasSuffix("/") && first.hasSuffix(".md") { folder.deleteLastPathComponent() }
            let sibling = folder.deletingLastPathComponent().appendingPathComponent("datasets")
            if FileManager.default.fileExists(atPath: sibling.path) { return DataDirectory(path: sibling.path) }
        }
        return .resolve(explicit: dataDir)
    }
}
