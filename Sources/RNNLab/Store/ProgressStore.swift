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
    /// lesson id → question id → the choice (0-based) the learner predicted.
    public private(set) var answers: [String: [String: Int]] = [:]
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
        var answers: [String: [String: Int]] = [:]
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
            answers = contents.answers
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

    /// The learner's prediction for a lesson's question, if any.
    public func answer(_ lesson: String, _ question: String) -> Int? { answers[lesson]?[question] }

    /// Records the learner's prediction (a choice, 0-based) and saves; a later
    /// answer to the same question replaces it.
    public mutating func recordAnswer(_ lesson: String, _ question: String, choice: Int) throws {
        answers[lesson, default: [:]][question] = choice
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
        let mine = Contents(completed: completed, started: !firstStart, answers: answers)
        let merged = try file.save(Self.decode, merge: { theirs in
            var out = mine
            if let theirs {
                for (lesson, checks) in theirs.completed { out.completed[lesson, default: []].formUnion(checks) }
                out.started = out.started || theirs.started
                // This lab's answers win; the other lab's answers to other questions stay.
                for (lesson, theirAnswers) in theirs.answers {
                    out.answers[lesson, default: [:]].merge(theirAnswers) { mine, _ in mine }
                }
            }
            return out
        }, encode: Self.encode)
        completed = merged.completed
        firstStart = !merged.started
        answers = merged.answers
    }

    /// `{"completed": {lesson: [check, …]}, "started": Bool, "answers": {lesson: {question: choice}}}`
    /// (`answers` may be absent); nil when the shape is wrong.
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
        var dropped: [String] = []
        switch object["answers"] {
        case nil: break
        case .object(let lessons)?: (out.answers, dropped) = decodeAnswers(lessons)
        case let other?: dropped.append("answers: \(other.brief)")
        }
        return StateFile.Decoded(out, dropped: dropped)
    }

    /// `{lesson: {question: choice}}`, choices whole numbers from 0. An entry of
    /// another shape is dropped alone (described for the notice): a bad answer
    /// never costs the checks met.
    static func decodeAnswers(_ lessons: [String: JSONValue]) -> (answers: [String: [String: Int]], dropped: [String]) {
        var out: [String: [String: Int]] = [:], dropped: [String] = []
        for lesson in lessons.keys.sorted() {
            guard case .object(let questions) = lessons[lesson]! else {
                dropped.append("answers.\(lesson): \(lessons[lesson]!.brief)")
                continue
            }
            for question in questions.keys.sorted() {
                guard case .number(let n) = questions[question]!, n >= 0, n < 100, n == n.rounded() else {
                    dropped.append("answers.\(lesson).\(question) = \(questions[question]!.brief)")
                    continue
                }
                out[lesson, default: [:]][question] = Int(n)
            }
        }
        return (out, dropped)
    }

    static func encode(_ contents: Contents) throws -> Data {
        struct File: Encodable { var completed: [String: [String]]; var started: Bool; var answers: [String: [String: Int]] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(File(completed: contents.completed.mapValues { $0.sorted() }, started: contents.started,
                                          answers: contents.answers))
    }
}
