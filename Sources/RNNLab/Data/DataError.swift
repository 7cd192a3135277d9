import LabText

/// Why a data file was refused: which file, which line (1-based, when the
/// problem sits on one line) and what is wrong with it.
///
/// Loaders never return a partial data set: any malformed line refuses the
/// whole file with one of these.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as it was opened.
    public var path: String
    /// The 1-based line number, or `nil` when the problem is the whole file.
    public var line: Int?
    /// What is wrong, without the place.
    public var problem: Phrase

    public init(path: String, line: Int? = nil, _ key: DataKey, _ arguments: [String: TextArgument] = [:]) {
        self.init(path: path, line: line, problem: Phrase(.data(key), arguments))
    }

    public init(path: String, line: Int? = nil, problem: Phrase) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    /// The whole message with its place: "datasets/x.csv:12: blank line inside the data".
    public var phrase: Phrase {
        if let line { return Phrase(.data(.atLine), ["file": .text(path), "line": .integer(line), "problem": .phrase(problem)]) }
        return Phrase(.data(.inFile), ["file": .text(path), "problem": .phrase(problem)])
    }

    /// The problem in English, without the place.
    public var reason: String { Language.english.render(problem) }
    public var description: String { Language.english.render(phrase) }

    /// Two refusals are the same when they name the same place and say the same thing.
    public static func == (a: DataError, b: DataError) -> Bool {
        a.path == b.path && a.line == b.line && a.reason == b.reason
    }
}

/// A request for a task that cannot be met: an unknown name or a knob out of range.
public struct TaskError: Error, Equatable, Sendable, CustomStringConvertible {
    public var phrase: Phrase
    public init(_ key: RunKey, _ arguments: [String: TextArgument] = [:]) { phrase = Phrase(.run(key), arguments) }
    public init(_ phrase: Phrase) { self.phrase = phrase }
    public var reason: String { Language.english.render(phrase) }
    public var description: String { reason }

    /// Two refusals are the same when they say the same thing.
    public static func == (a: TaskError, b: TaskError) -> Bool { a.reason == b.reason }
}
