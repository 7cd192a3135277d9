#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swift's crash backtracer, on a terminal, ends every crash report (and a
/// `kill -QUIT`) with "Press space to interact, D to debug, or any other key
/// to quit (30s)" and waits, with the tty in raw mode. Inside the lab that
/// means a dead program that lingers for 30 s after the terminal is restored.
///
/// The runtime reads `SWIFT_BACKTRACE` once, when the process starts, and has
/// no call to change it later. So the lab, before it takes over the terminal,
/// sets `interactive=no` (keeping whatever else the variable says) and starts
/// itself again with `execv`: same process id, same arguments, and crashes
/// still print their backtrace, then exit at once. A learner who wrote
/// `interactive=` into `SWIFT_BACKTRACE` keeps their choice.
enum BacktracerSetting {
    /// Re-executes the program with a non-interactive backtracer when the
    /// current one would prompt. Returns only when nothing needed doing, or
    /// when the re-exec failed (the lab then runs as it is).
    static func makeNonInteractive() {
        #if os(Linux)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }  // no prompt without a tty
        let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? ""
        guard !current.contains("interactive=") else { return }
        let value = current.isEmpty ? "interactive=no" : current + ",interactive=no"
        guard setenv("SWIFT_BACKTRACE", value, 1) == 0 else { return }
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        // Still here: the exec failed. Run on; the backtracer may prompt after a crash.
        for p in argv { free(p) }
        #endif
    }
}
