import ArgumentParser
import Foundation
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

    /// Sets the engine's thread count from --threads or $RNNLAB_THREADS (default 1).
    func applyThreads() {
        let requested = threads ?? ProcessInfo.processInfo.environment["RNNLAB_THREADS"].flatMap { Int($0) } ?? 1
        guard (1...max(1, Parallel.coreCount)).contains(requested) else {
            fail("--threads must be between 1 and \(Parallel.coreCount) on this machine, got \(requested)")
        }
        Parallel.maxThreads = requested
        Allocator.keepFreedMemory()
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
    func library() throws -> LessonLibrary {
        applyThreads()
        let library = LessonLibrary.load(lessonsURL)
        guard !library.lessons.isEmpty || !library.problems.isEmpty else {
            fail("no lessons in \(lessonsURL.path) (give the folder with --lessons-dir or $RNNLAB_LESSONS_DIR)")
        }
        return library
    }
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Refuses a bad argument: the message on standard error, exit status 2.
func fail(_ message: String) -> Never {
    printError("rnnlab: " + message)
    exit(2)
}

/// Parses `name=value` settings given with --set.
func parseSettings(_ pairs: [String], lesson: Lesson) -> [String: SettingValue] {
    var out: [String: SettingValue] = [:]
    let definitions = Experiment.definitions(forTask: lesson.task)
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fail("--set takes name=value, got \"\(pair)\"") }
        guard let d = definitions.first(where: { $0.name == parts[0] }) else {
            fail("unknown setting \(parts[0]) (settings: \(definitions.map(\.name).joined(separator: ", ")))")
        }
        let v = d.parse(parts[1])
        if let reason = d.refusal(v) { fail(reason) }
        out[parts[0]] = v
    }
    return out
}
