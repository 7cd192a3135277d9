import ArgumentParser
import Foundation
import LabText
import RNNEngine
import RNNLab

/// Where the lessons and data live; shared by the commands that read lessons.
struct LessonOptions: ParsableArguments {
    @Option(name: .customLong("lessons-dir"), help: "The folder of lesson files (default: lessons/ here or next to the program, or $RNNLAB_LESSONS_DIR).")
    var lessonsDir: String?

    @Option(name: .customLong("data-dir"), help: "The folder of data sets (default: datasets/ next to the lessons, or $RNNLAB_DATA_DIR).")
    var dataDir: String?

    @Option(help: "Threads for the engine's kernels, 1 or 2 (default: $RNNLAB_THREADS, else 1; see DECISIONS.md).")
    var threads: Int?

    @Option(name: .customLong("max-memory"),
            help: "Refuse settings whose estimated memory is over this, e.g. 8G or 512M (default: $RNNLAB_MAX_MEMORY, else 4G).")
    var maxMemory: String?

    @OptionGroup var language: LanguageOption

    /// Sets the engine's thread count from --threads or $RNNLAB_THREADS (default 1).
    func applyThreads(environment: [String: String] = ProcessInfo.processInfo.environment) {
        switch LessonOptions.threadCount(option: threads, environment: environment, cores: Parallel.coreCount) {
        case .success(let n): Parallel.maxThreads = n
        case .failure(let refusal): fail(refusal.phrase)
        }
        Allocator.keepFreedMemory()
    }

    /// The thread count from --threads, else $RNNLAB_THREADS, else 1; a refusal
    /// names the source and the range.
    static func threadCount(option: Int?, environment: [String: String], cores: Int) -> Result<Int, Reason> {
        let range = 1...max(1, cores)
        if let option {
            guard range.contains(option) else {
                return .failure(Reason(.command(.badThreads), ["most": .integer(range.upperBound), "value": .integer(option)]))
            }
            return .success(option)
        }
        guard let text = environment["RNNLAB_THREADS"], !text.isEmpty else { return .success(1) }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), range.contains(n) else {
            return .failure(Reason(.command(.badThreadsVariable), ["most": .integer(range.upperBound), "value": .text(text)]))
        }
        return .success(n)
    }

    /// Sets the memory cap from --max-memory or $RNNLAB_MAX_MEMORY (default 4 GiB); refuses a bad size.
    func applyMemoryLimit(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let maxMemory {
            do { MemoryEstimate.limit = try MemoryEstimate.parseSize(maxMemory) } catch {
                fail(.optionRefused, ["option": "--max-memory", "reason": .phrase(Phrase.describing(error))])
            }
        } else if let text = environment[MemoryEstimate.environmentVariable], !text.isEmpty {
            do { MemoryEstimate.limit = try MemoryEstimate.parseSize(text) } catch {
                fail(.optionRefused, ["option": .text("$" + MemoryEstimate.environmentVariable), "reason": .phrase(Phrase.describing(error))])
            }
        }
    }

    var lessonsURL: URL { LessonOptions.resolveLessons(explicit: lessonsDir) }

    /// --lessons-dir, else $RNNLAB_LESSONS_DIR, else `lessons/` in the working folder,
    /// else `lessons/` beside or above the executable (so it runs from anywhere).
    static func resolveLessons(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let env = environment["RNNLAB_LESSONS_DIR"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("lessons")
        if FileManager.default.fileExists(atPath: local.path) { return local }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("lessons")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return local
    }

    var dataDirectory: DataDirectory {
        if dataDir == nil, ProcessInfo.processInfo.environment[DataDirectory.environmentVariable] == nil {
            let sibling = lessonsURL.deletingLastPathComponent().appendingPathComponent("datasets")
            if FileManager.default.fileExists(atPath: sibling.path) { return DataDirectory(path: sibling.path) }
        }
        return .resolve(explicit: dataDir)
    }

    /// The library, or exit status 2 with a message when the folder has no lessons.
    /// Sets the command line's language first (``LanguageOption``; `verify`
    /// passes `followLocale: false`), so every message is in it.
    func library(followLocale: Bool = true) throws -> LessonLibrary {
        language.apply(followLocale: followLocale)
        applyThreads()
        applyMemoryLimit()
        let library = LessonLibrary.load(lessonsURL)
        guard !library.lessons.isEmpty || !library.problems.isEmpty else {
            fail(.noLessons, ["folder": .text(lessonsURL.path)])
        }
        return library
    }

    /// A lesson by id, file name or number; a bare number matches the file's
    /// two-digit prefix too (`1` finds `01-….md`).
    static func find(_ name: String, in library: LessonLibrary) -> Lesson? {
        if let lesson = library.lesson(named: name) { return lesson }
        guard !name.isEmpty, name.count < 4, name.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(name) else { return nil }
        return library.lesson(named: String(format: "%02d", n))
    }
}

/// Parses `name=value` settings given with --set.
func parseSettings(_ pairs: [String], lesson: Lesson) -> [String: SettingValue] {
    var out: [String: SettingValue] = [:]
    let definitions = Experiment.definitions(forTask: lesson.task)
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fail(.setSyntax, ["text": .text(pair)]) }
        guard let d = definitions.first(where: { $0.name == parts[0] }) else {
            fail(Phrase(.setting(.unknown), ["name": .text(parts[0]), "settings": .list(definitions.map(\.name))]))
        }
        let v = d.parse(parts[1])
        if let reason = d.refusal(v) { fail(reason) }
        out[parts[0]] = v
    }
    return out
}
