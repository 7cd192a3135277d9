#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Signal handlers installed while curses runs.
///
/// - Quit signals (SIGINT, SIGTERM, SIGHUP) only set a bit in ``pending``;
///   ``CursesTerminal/readKey(timeoutMilliseconds:)`` reports it as
///   ``KeyEvent/interrupt`` or ``KeyEvent/terminate`` and the run loop quits
///   cleanly. If the same signal arrives again before the loop has read the
///   first (the loop is stuck), the terminal is restored and the signal's
///   default action kills the process: pressing Ctrl-C twice always works.
///   A quit signal that was ignored when the lab started (`nohup`) stays ignored.
/// - Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS,
///   SIGQUIT) restore the terminal, call the handler that was there before
///   (Swift's crash backtracer, installed by the runtime at launch for all of
///   these but SIGSYS), then set the default action and re-raise: the
///   backtrace prints on the restored screen and the process dies of the
///   original signal (a core dump, exit status 128 + n). Calling the old
///   handler instead of re-installing it matters: the backtracer returns
///   after printing, which for a `kill -QUIT` would let the process run on.
///   Swift's `fatalError` and failed preconditions trap with `ud2`, which
///   Linux delivers as SIGILL.
/// - Other signals whose default action ends the process (SIGUSR1, SIGUSR2,
///   SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ: ``fatalSignals``)
///   get the crash treatment without the backtracer: restore the terminal,
///   set the default action, re-raise. The lab gives none of them a meaning,
///   so whoever sends one gets what they would get from any program, death by
///   that signal (exit status 128 + n), and the terminal is never left on the
///   alternate screen. The quit treatment (a clean exit 0) would hide that a
///   signal, not the learner, ended the lab; and progress and knobs are saved
///   as they change, so nothing waits to be saved.
/// - SIGWINCH stays ncurses' (it turns a resize into `KEY_RESIZE`), wrapped so
///   that it also wakes the run loop's `poll`; the quit handlers wake it too.
/// - Crash handlers run on an alternate signal stack (`SA_ONSTACK`), so a
///   stack overflow still restores the terminal. The Swift runtime already
///   gives the main thread one at launch; ``install()`` adds one only to a
///   thread that has none.
///
/// SIGTSTP is left to ncurses (it suspends and resumes around Ctrl-Z).
enum SignalTrap {
    static let interruptBit: UInt32 = 1 << 0
    static let terminateBit: UInt32 = 1 << 1

    /// Quit signals received and not yet reported.
    static let pending = Atomic<UInt32>(0)
    /// Whether the handlers are installed.
    static let installed = Atomic<Bool>(false)

    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGQUIT]
    static let fatalSignals: [Int32] = [SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ]

    /// The actions in place before ``install()``, indexed by signal number.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
    /// Which entries of ``previous`` are ours to put back.
    nonisolated(unsafe) static let saved: UnsafeMutablePointer<Bool> = {
        let p = UnsafeMutablePointer<Bool>.allocate(capacity: 65)
        p.initialize(repeating: false, count: 65)
        return p
    }()
    /// The alternate signal stack, allocated once.
    nonisolated(unsafe) static var alternateStack: UnsafeMutableRawPointer?

    /// Installs the handlers (once; later calls do nothing until ``uninstall()``).
    /// Call before `newterm`, so ncurses sees SIGINT and SIGTERM handled and
    /// does not install its own.
    static func install() {
        TerminalGuard.prepare()
        WakePipe.prepare()
        _ = pending.load(ordering: .relaxed)
        _ = previous
        _ = saved
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        pending.store(0, ordering: .sequentiallyConsistent)
        installAlternateStack()

        for sig in quitSignals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            if isIgnored(old) { continue }
            var action = sigaction()
            setHandler(&action) { sig in SignalTrap.quitSignalArrived(sig) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocking read returns early
            previous[Int(sig)] = old
            saved[Int(sig)] = true
            sigaction(sig, &action, nil)
        }
        for sig in crashSignals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            if isIgnored(old) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { sig, info, context in
                SignalTrap.crashed(sig, info, context)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_SIGINFO | SA_ONSTACK)
            previous[Int(sig)] = old
            saved[Int(sig)] = true
            sigaction(sig, &action, nil)
        }
        for sig in fatalSignals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            if isIgnored(old) { continue }  // e.g. SIGPIPE ignored by whoever started us
            var action = sigaction()
            setHandler(&action) { sig in SignalTrap.fatalSignalArrived(sig) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            previous[Int(sig)] = old
            saved[Int(sig)] = true
            sigaction(sig, &action, nil)
        }
    }

    /// Wraps the SIGWINCH handler ncurses installed (call after `newterm`) so
    /// a resize also wakes the run loop, whichever thread the signal hits.
    static func wrapResizeHandler() {
        guard installed.load(ordering: .sequentiallyConsistent), !saved[Int(SIGWINCH)] else { return }
        var old = sigaction()
        sigaction(SIGWINCH, nil, &old)
        if isIgnored(old) { return }
        previous[Int(SIGWINCH)] = old
        saved[Int(SIGWINCH)] = true
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { sig, info, context in
            SignalTrap.resized(sig, info, context)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_SIGINFO | SA_RESTART)
        sigaction(SIGWINCH, &action, nil)
    }

    /// Puts back the actions found by ``install()``.
    static func uninstall() {
        guard installed.exchange(false, ordering: .sequentiallyConsistent) else { return }
        for sig in quitSignals + crashSignals + fatalSignals + [SIGWINCH] where saved[Int(sig)] {
            sigaction(sig, &previous[Int(sig)], nil)
            saved[Int(sig)] = false
        }
        pending.store(0, ordering: .sequentiallyConsistent)
    }

    /// An unreported quit signal as an event, clearing it (SIGINT before
    /// SIGTERM/SIGHUP), or `nil`.
    static func takePending() -> KeyEvent? {
        let bits = pending.load(ordering: .acquiring)
        if bits == 0 { return nil }
        if bits & interruptBit != 0 {
            pending.bitwiseAnd(~interruptBit, ordering: .acquiringAndReleasing)
            return .interrupt
        }
        pending.bitwiseAnd(~terminateBit, ordering: .acquiringAndReleasing)
        return .terminate
    }

    // MARK: handlers (async-signal context)

    static func quitSignalArrived(_ sig: Int32) {
        let bit = sig == SIGINT ? interruptBit : terminateBit
        let (old, _) = pending.bitwiseOr(bit, ordering: .acquiringAndReleasing)
        WakePipe.signal()
        if old & bit != 0 {
            // Second time while the first is unread: the loop is not polling.
            TerminalGuard.restore()
            var action = sigaction()
            action.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(sig, &action, nil)
            raise(sig)
        }
    }

    static func fatalSignalArrived(_ sig: Int32) {
        TerminalGuard.restore()
        // Blocked while this handler runs: delivered, with the default action, on return.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, nil)
        raise(sig)
    }

    static func resized(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        callPrevious(sig, info, context)
        WakePipe.signal()
    }

    static func crashed(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        TerminalGuard.restore()
        // Let the handler that was there before (Swift's backtracer) report
        // the crash on the restored screen. It may return (the backtracer
        // does, expecting the faulting instruction to fault again, which a
        // `kill -QUIT` would not), so afterwards make sure the default action
        // ends the process: the signal is blocked while this handler runs, so
        // the re-raised one is delivered, with the default action, on return.
        if saved[Int(sig)] { callPrevious(sig, info, context) }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, nil)
        raise(sig)
    }

    /// Calls the handler found by ``install()`` for `sig`, unless it was the
    /// default action or "ignore".
    private static func callPrevious(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        let old = previous[Int(sig)]
        guard let raw = old.__sigaction_handler.sa_handler,
              unsafeBitCast(raw, to: Int.self) > 1 else { return }  // SIG_DFL is nil, SIG_IGN is 1
        if old.sa_flags & Int32(SA_SIGINFO) != 0 {
            old.__sigaction_handler.sa_sigaction?(sig, info, context)
        } else {
            raw(sig)
        }
    }

    // MARK: helpers

    private static func setHandler(_ action: inout sigaction, _ handler: @convention(c) (Int32) -> Void) {
        action.__sigaction_handler.sa_handler = handler
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard let h = action.__sigaction_handler.sa_handler else { return false }
        let ign: sighandler_t = SIG_IGN
        return unsafeBitCast(h, to: Int.self) == unsafeBitCast(ign, to: Int.self)
    }

    /// Gives the calling thread an alternate signal stack unless it has one.
    private static func installAlternateStack() {
        var current = stack_t()
        sigaltstack(nil, &current)
        if current.ss_flags & Int32(SS_DISABLE) == 0 { return }
        let size = 1 << 16
        if alternateStack == nil {
            alternateStack = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        }
        var stack = stack_t()
        stack.ss_sp = alternateStack
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }
}
