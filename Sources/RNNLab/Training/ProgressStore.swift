import Foundation
import RNNEngine

/// Which checks the learner has met, kept between sessions in a small JSON file
/// (`$RNNLAB_STATE_DIR`, else `$XDG_STATE_HOME/rnnlab`, else `~/.local/state/rnnlab`).
/// Written atomically; a corrupt file is set aside, not trusted and not lost.
public struct ProgressStore: Sendable {
    public let url: URL
    /// lesson id → ids of the checks met.
    public private(set) var completed: [String: Set<String>] = [:]
    /// True until the first lesson is opened: the home screen says welcome.
    public private(set) var firstStart = true
    /// Set when the file existed but could not be read.
    public private(set) var warning: String?

    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["RNNLAB_STATE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir).appendingPathComponent("progress.json")
        }
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".local/state")
        return base.appendingPathComponent("rnnlab/progress.json")
    }

    private struct File: Codable { var completed: [String: [String]]; var started: Bool }

    public init(url: URL = ProgressStore.defaultURL()) {
        self.url = url
        guard let data = try? Data(contentsOf: url) else { return }
        if let file = try? JSONDecoder().decode(File.self, from: data) {
            completed = file.completed.mapValues(Set.init)
            firstStart = !file.started
        } else {
            let aside = url.appendingPathExtension("corrupt")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: url, to: aside)
            warning = "progress file \(url.path) was not valid; it was moved to \(aside.lastPathComponent) and progress starts afresh"
        }
    }

    public func isDone(_ lesson: String, _ check: String) -> Bool { completed[lesson]?.contains(check) ?? false }
    public func doneCount(_ lesson: Lesson) -> Int { lesson.checks.filter { isDone(lesson.id, $0.id) }.count }

    public mutating func markDone(_ lesson: String, _ check: String) throws {
        completed[lesson, default: []].insert(check)
        try save()
    }

    public mutating func markStarted() throws {
        firstStart = false
        try save()
    }

    func save() throws {
        let file = File(completed: completed.mapValues { $0.sorted() }, started: !firstStart)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(try encoder.encode(file), to: url)
    }
}
