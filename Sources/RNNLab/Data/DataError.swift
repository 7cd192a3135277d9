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
    /// What is wrong, in words.
    public var reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}

/// A request for a task that cannot be met: an unknown name or a knob out of range.
public struct TaskError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
