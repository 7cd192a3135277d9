/// Why ``CursesTerminal/start(capabilities:options:)`` failed.
public enum CursesTerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    case notATerminal
    /// A ``CursesTerminal`` is already running in this process.
    case alreadyActive
    /// ncurses could not set up the terminal named by `TERM` (unknown or missing).
    case cannotInitialize(term: String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .alreadyActive: return "the terminal is already in use"
        case .cannotInitialize(let term):
            return "cannot initialise terminal type '\(term.isEmpty ? "(unset)" : term)'; check TERM"
        }
    }
}
