/// The command-line program's own texts.
public enum CLIKey: String, CaseIterable, Sendable {
    /// `rnnlab --help`'s one line.
    case abstract
    /// `rnnlab launch --help`'s one line.
    case launchAbstract
    /// `rnnlab launch --help` on `--no-mouse`.
    case noMouseHelp
    /// An error printed after the terminal is restored: "rnnlab: …".
    case error

    public var placeholders: Set<String> {
        switch self {
        case .error: return ["error"]
        default: return []
        }
    }
}
