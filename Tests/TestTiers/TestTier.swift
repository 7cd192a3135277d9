import Foundation

/// Which tests run: the fast tier (unit tests, gradient checks, PyTorch parity,
/// snapshots) always; the slow tier (tests that train lessons to their claims,
/// read the large data sets, or drive the built program in tmux) unless
/// `RNNLAB_TESTS=fast`. CI runs both; a developer iterating runs the fast one.
public enum TestTier {
    /// Whether the slow tier runs in this process.
    public static let slow: Bool = runsSlowTier(ProcessInfo.processInfo.environment)

    /// Whether an environment asks for the slow tier: every value of
    /// `RNNLAB_TESTS` but `fast` does, and so does its absence.
    public static func runsSlowTier(_ environment: [String: String]) -> Bool {
        environment["RNNLAB_TESTS"] != "fast"
    }
}
