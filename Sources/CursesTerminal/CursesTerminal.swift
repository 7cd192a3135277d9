#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Synchronization
import TerminalUI

/// The lab's window on a real terminal, through ncursesw.
///
/// The run loop creates it with ``start(capabilities:options:)``, then loops:
/// ``readKey(timeoutMilliseconds:)`` → update state → draw into a
/// `TerminalUI.Buffer` of ``size()`` → ``present(_:)``, which writes only the
/// cells that changed since the last frame. ``stop()`` (or `deinit`) puts the
/// terminal back; signal handlers and an `atexit` hook also do so on every
/// other exit path (see `SignalTrap`).
///
/// Input mode: `cbreak`, so Ctrl-C still raises SIGINT. Its handler only sets
/// a flag, which `readKey` reports as ``KeyEvent/interrupt``; the loop quits
/// cleanly. A second Ctrl-C before the first is read (the loop is stuck)
/// restores the terminal and kills the process. Ctrl-Z suspends (ncurses
/// handles SIGTSTP); Ctrl-\ (SIGQUIT) restores the terminal and dumps core.
///
/// Waiting for a key sleeps in `poll(2)`; other threads end the wait early
/// with ``wake()`` (the trainers call it when they post), so the loop needs no
/// polling interval and an idle lab uses no CPU.
///
/// Not `Sendable`: curses is not thread-safe, so every call must come from
/// the thread that called `start`. Training threads post to the loop instead.
public final class CursesTerminal {
    /// Settings for ``CursesTerminal/start(capabilities:options:)``.
    public struct Options: Sendable {
        /// Redirect standard error to a temporary file while curses runs and
        /// print it after the terminal is restored (also on a crash, so
        /// Swift's `Fatal error:` line is not lost with the alternate screen).
        /// Only done when standard error is a terminal.
        public var captureStandardError: Bool
        /// How long (ms) curses waits after ESC for the rest of an escape
        /// sequence before reporting a lone ``KeyEvent/escape``.
        public var escapeDelayMilliseconds: Int
        /// Report clicks and the wheel (``KeyEvent/mouse(_:)``). `endwin`
        /// switches the terminal's mouse reporting off again on every way out.
        public var mouse: Bool

        public init(captureStandardError: Bool = true, escapeDelayMilliseconds: Int = 25, mouse: Bool = true) {
            self.captureStandardError = captureStandardError
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.mouse = mouse
        }
    }

    /// What the caller asked for, with colour switched off if the terminal has none.
    /// Give this to the `Buffer`s you draw.
    public let capabilities: Capabilities
    /// Colours the terminal offers (`COLORS`: 8, 16, 256…), 0 without colour.
    public let paletteSize: Int
    /// Whether curses mode is on: false after ``stop()``, and also once a
    /// signal handler or the `atexit` hook has restored the terminal (drawing
    /// then would switch back to the alternate screen).
    public var isActive: Bool { started && TerminalGuard.active.load(ordering: .relaxed) }
    /// Whether `stop` has not run yet.
    private var started: Bool

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    var pairs: ColorPairCache
    /// The last frame presented, the base of the next diff.
    var previous: Buffer?
    /// Set after a resize or ``invalidate()``: the next present repaints everything.
    var needsFullRedraw = true
    /// The `wtimeout` last set, to avoid repeating it.
    var currentTimeout: Int32 = .min
    /// A key read while deciding what an ESC began, to decode next (``EscapeSequence``).
    var unread: EscapeSequence.Read?
    /// Wide-string scratch for one grapheme (CCHARW_MAX chars + NUL).
    let graphemeScratch: UnsafeMutablePointer<wchar_t>
    /// The last style drawn and its curses attributes and pair.
    var lastStyle: Style?
    var lastAttributes: attr_t = 0
    var lastPair: Int32 = 0

    private init(screen: OpaquePointer, capabilities: Capabilities, paletteSize: Int, pairs: ColorPairCache) {
        self.screen = screen
        self.window = rnn_stdscr()
        self.capabilities = capabilities
        self.paletteSize = paletteSize
        self.pairs = pairs
        self.started = true
        self.graphemeScratch = .allocate(capacity: Int(rnn_ccharw_max()) + 1)
    }

    /// Takes over the terminal: sets the locale from the environment (so
    /// UTF-8 works), installs the signal handlers, starts curses on the
    /// alternate screen in cbreak/noecho/nonl mode with the keypad decoded
    /// and the cursor hidden, and starts colour when `capabilities.color`
    /// is on and the terminal has colour (with the terminal's default colours
    /// when it supports them).
    ///
    /// - Throws: ``CursesTerminalError`` when standard input/output are not a
    ///   terminal, another instance runs, `TERM` names no known terminal, or
    ///   one that cannot move the cursor (`dumb`): that is found in terminfo
    ///   before curses starts, so nothing is drawn and nothing is left changed.
    public static func start(capabilities: Capabilities, options: Options = Options()) throws -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CursesTerminalError.notATerminal
        }
        guard !TerminalGuard.active.load(ordering: .sequentiallyConsistent) else {
            throw CursesTerminalError.alreadyActive
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if let problem = problem(withTerminalType: term) { throw problem }
        setlocale(LC_ALL, "")
        SignalTrap.install()
        if options.captureStandardError { TerminalGuard.captureStandardError() }

        guard let screen = newterm(nil, rnn_stdout(), rnn_stdin()) else {
            TerminalGuard.restoreStandardError()
            SignalTrap.uninstall()
            throw CursesTerminalError.cannotInitialize(term: term)
        }
        set_term(screen)
        SignalTrap.wrapResizeHandler()
        TerminalGuard.active.store(true, ordering: .sequentiallyConsistent)

        let win = rnn_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(win, false)
        keypad(win, true)
        leaveok(win, true)
        curs_set(0)
        set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))
        if options.mouse {
            mousemask(MouseDecoder.mask, nil)
            mouseinterval(0)  // a press is reported at once, not held back to detect a click
        }

        var caps = capabilities
        var palette = 0
        var defaultColors = false
        if caps.color && has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            palette = Int(rnn_colors())
        } else {
            caps.color = false
        }
        let capacity = caps.color ? max(0, Int(rnn_color_pairs()) - 1) : 0
        let cache = ColorPairCache(capacity: capacity, paletteSize: max(8, palette), defaultColors: defaultColors)
        return CursesTerminal(screen: screen, capabilities: caps, paletteSize: palette, pairs: cache)
    }

    private static let terminfoLock = Mutex<Void>(())

    /// Why curses could not draw on a terminal of type `term` (looked up in
    /// terminfo, nothing is written), or nil when it can: unknown types and
    /// types that cannot move the cursor (`dumb`, hardcopy, generic) are refused.
    /// terminfo keeps the terminal it looked up in one global (`cur_term`), so
    /// two look-ups at once would swap each other's; they take turns.
    public static func problem(withTerminalType term: String) -> CursesTerminalError? {
        let verdict = terminfoLock.withLock { _ in term.isEmpty ? rnn_probe_terminal(nil) : rnn_probe_terminal(term) }
        switch verdict {
        case 1: return nil
        case 0: return .cannotAddressCursor(term: term)
        default: return .cannotInitialize(term: term)
        }
    }

    /// The terminal's size in cells. Changes after a ``KeyEvent/resize``.
    public func size() -> (width: Int, height: Int) {
        guard isActive else { return (0, 0) }
        return (max(0, Int(getmaxx(window))), max(0, Int(getmaxy(window))))
    }

    /// Makes the next ``present(_:)`` repaint the whole screen (for Ctrl-L,
    /// or after something else wrote to the terminal).
    public func invalidate() {
        needsFullRedraw = true
        if isActive { clearok(rnn_curscr(), true) }
    }

    /// Puts the terminal back as it was: leaves curses mode and the alternate
    /// screen, prints what standard error received meanwhile and removes the
    /// signal handlers. Idempotent. Print summaries only after this.
    public func stop() {
        guard started else { return }
        started = false
        previous = nil
        if TerminalGuard.active.load(ordering: .relaxed) { mousemask(0, nil) }  // endwin does too; said once more here
        TerminalGuard.restore()
        delscreen(screen)
        SignalTrap.uninstall()
    }

    deinit {
        stop()
        graphemeScratch.deallocate()
    }
}
