#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Synchronization

/// Process-wide state that puts the terminal back on every exit path: a normal
/// ``CursesTerminal/stop()``, `exit()` (an `atexit` hook), a quit signal, a crash.
///
/// ``restore()`` may run inside a signal handler, so it touches only atomics,
/// `endwin()` and file-descriptor calls (`dup2`, `lseek`, `read`, `write`,
/// `close`). `endwin()` is not formally async-signal-safe, but it only writes
/// the terminal's reset sequences and resets the tty modes; it is what every
/// curses program's crash handler does.
enum TerminalGuard {
    /// Whether curses is running (between `newterm` and `endwin`).
    static let active = Atomic<Bool>(false)
    /// The real standard error while it is redirected to ``captureDescriptor``, else -1.
    static let savedStandardError = Atomic<Int32>(-1)
    /// The unlinked temporary file standard error writes to while curses runs, else -1.
    static let captureDescriptor = Atomic<Int32>(-1)
    /// Scratch space for copying the captured text (allocated once, before any handler runs).
    nonisolated(unsafe) static let copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
    /// Whether the `atexit` hook is registered.
    static let exitHookRegistered = Atomic<Bool>(false)

    /// Touches every lazily initialised static so no signal handler is the
    /// first to do it (lazy initialisation takes a lock).
    static func prepare() {
        _ = active.load(ordering: .relaxed)
        _ = savedStandardError.load(ordering: .relaxed)
        _ = captureDescriptor.load(ordering: .relaxed)
        _ = copyBuffer
        if !exitHookRegistered.exchange(true, ordering: .relaxed) {
            atexit { TerminalGuard.restore() }
        }
    }

    /// Leaves curses mode (once) and puts standard error back, then prints
    /// what was written to it meanwhile. Safe to call repeatedly and from a
    /// signal handler.
    static func restore() {
        if active.exchange(false, ordering: .sequentiallyConsistent) {
            endwin()
        }
        restoreStandardError()
    }

    /// Redirects standard error to an unlinked temporary file, so messages
    /// written while curses owns the screen (including Swift's `Fatal error:`
    /// line before a crash) neither garble the picture nor vanish with the
    /// alternate screen. Does nothing when standard error is not a terminal.
    static func captureStandardError() {
        guard isatty(STDERR_FILENO) == 1, captureDescriptor.load(ordering: .relaxed) < 0 else { return }
        var template = Array("\(temporaryDirectory())/rnnlab-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(fd, STDERR_FILENO) >= 0 else {
            if saved >= 0 { close(saved) }
            close(fd)
            return
        }
        savedStandardError.store(saved, ordering: .sequentiallyConsistent)
        captureDescriptor.store(fd, ordering: .sequentiallyConsistent)
    }

    /// Undoes ``captureStandardError()`` and copies the captured bytes to the real standard error.
    static func restoreStandardError() {
        let saved = savedStandardError.exchange(-1, ordering: .sequentiallyConsistent)
        let capture = captureDescriptor.exchange(-1, ordering: .sequentiallyConsistent)
        if saved >= 0 {
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        guard capture >= 0 else { return }
        if lseek(capture, 0, SEEK_SET) == 0 {
            while true {
                let n = read(capture, copyBuffer, 4096)
                if n <= 0 { break }
                var written = 0
                while written < n {
                    let w = write(STDERR_FILENO, copyBuffer + written, n - written)
                    if w <= 0 { break }
                    written += w
                }
                if written < n { break }
            }
        }
        close(capture)
    }

    private static func temporaryDirectory() -> String {
        if let dir = getenv("TMPDIR"), dir.pointee != 0 { return String(cString: dir) }
        return "/tmp"
    }
}
