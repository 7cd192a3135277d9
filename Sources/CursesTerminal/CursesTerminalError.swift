/// Why ``CursesTerminal/start(capabilities:options:)`` failed.
public enum CursesTerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    case notATerminal
    /// A ``CursesTerminal`` is already running in this process.
    case alreadyActive
    /// ncurses could not set up the terminal named by `TERM` (unknown or missing).
    case cannotInitialize(term: String)
    /// The terminal named by `TERM` cannot move the cursor (`dumb`, a
    /// hardcopy or generic type), so a full-screen picture would be garbage.
    case cannotAddressCursor(term: String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .alreadyActive: return "the terminal is already in use"
        case .cannotInitialize(let term):
            return "cannot initialise terminal type '\(term.isEmpty ? "(unset)" : term)'; check TERM"
        case .cannotAddressCursor(let term):
            return "the terminal type '\(term)' cannot move the cursor, so the lab cannot draw on it; "
                + "run it in a full-screen terminal (TERM=xterm-256color, screen, tmux, linux…)"
        }
    }
}
