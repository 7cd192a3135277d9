import LabText
import Foundation

/// Which checks the learner has met, kept between sessions in `progress.json`
/// in the state folder (`$RNNLAB_STATE_DIR`, else `$XDG_STATE_HOME/rnnlab`,
/// else `~/.local/state/rnnlab`).
///
/// Saves merge: under the folder's lock the file is re-read and the checks met
/// are the union of both, so two labs on one folder lose nothing. A corrupt
/// file is set aside (never over an earlier backup); an unreadable one is
/// reported in ``warning`` and left alone. Saves are synced to disk.
public struct ProgressStore: Sendable {
    public let url: URL
    /// lesson id → ids of the checks met.
    public private(set) var completed: [String: Set<String>] = [:]
    /// True until the first lesson is opened: the home screen says welcome.
    public private(set) var firstStart = true
    /// Set when the file existed but could not be read (and what became of it).
    public private(set) var notice: Phrase?
    /// The notice in English.
    public var warning: String? { notice.map(Language.english.render) }

    /// The state folder: `$RNNLAB_STATE_DIR`, else `$XDG_STATE_HOME/rnnlab`, else `~/.local/state/rnnlab`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["RNNLAB_STATE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".local/state")
        return base.appendingPathComponent("rnnlab")
    }

    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        defaultFolder(environment: environment).appendingPathComponent("progress.json")
    }

    private var file: StateFile { StateFile(url: url, durable: true) }

    /// The file's contents as values.
    struct Contents: Equatable {
        var completed: [String: Set<String>] = [:]
        var started = false
    }

    /// Loads the file. Leftover temporary files of a killed save are removed.
    public init(url: URL = ProgressStore.defaultURL()) {
        self.url = url
        let file = StateFile(url: url, durable: true)
        file.removeLeftovers()
        let (contents, notice) = file.load(Self.decode)
        if let contents {
            completed = contents.completed
            firstStart = !contents.started
        }
        self.notice = notice
    }

    public func isDone(_ lesson: String, _ check: String) -> Bool { completed[lesson]?.contains(check) ?? false }
    public func doneCount(_ lesson: Lesson) -> Int { lesson.checks.filter { isDone(lesson.id, $0.id) }.count }

    /// Records a check as met and saves (merging with the file as it is now).
    public mutating func markDone(_ lesson: String, _ check: String) throws {
        completed[lesson, default: []].insert(check)
        try save()
    }

    /// Records that a lesson was opened and saves.
    public mutating func markStarted() throws {
        firstStart = false
        try save()
    }

    /// Writes the union of what this lab knows and what the file holds now;
    /// afterwards this store knows the union too.
    mutating func save() throws {
        let mine = Contents(completed: completed, started: !firstStart)
        let merged = try file.save(Self.decode, merge: { theirs in
            var out = mine
            if let theirs {
                for (lesson, checks) in theirs.completed { out.completed[lesson, default: []].formUnion(checks) }
                out.started = out.started || theirs.started
            }
            return out
        }, encode: Self.encode)
        completed = merged.completed
        firstStart = !merged.started
    }

    /// `{"completed": {lesson: [check, …]}, "started": Bool}`; nil when the shape is wrong.
    static func decode(_ json: JSONValue) -> StateFile.Decoded<Contents>? {
        guard case .object(let object) = json, case .object(let lessons)? = object["completed"] else { return nil }
        var out = Contents()
        for (lesson, checks) in lessons {
            guard case .array(let ids) = checks else { return nil }
            var set = Set<String>()
            for id in ids {
                guard case .string(let s) = id else { return nil }
                set.insert(s)
            }
            out.completed[lesson] = set
        }
        switch object["started"] {
        case nil: out.started = false
        case .bool(let b)?: out.started = b
        default: return nil
        }
        return StateFile.Decoded(out)
    }

    static func encode(_ contents: Contents) throws -> Data {
        struct File: Encodable { var completed: [String: [String]]; var started: Bool }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(File(completed: contents.completed.mapValues { $0.sorted() }, started: contents.started))
    }
}
