#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

extension CursesTerminal {
    /// The longest single sleep in ``readKey(timeoutMilliseconds:)``: a safety
    /// net only (every signal the lab handles also wakes the wait at once).
    static let longestSleepMilliseconds: Int32 = 1000

    /// Waits up to `timeoutMilliseconds` for a key and returns it (`0` only
    /// looks, a negative value waits without limit). Returns `nil` when no key
    /// came in time, or as soon as ``wake()`` is called from another thread:
    /// the caller then looks at whatever the waking thread posted.
    ///
    /// Quit signals come first: a pending SIGINT is ``KeyEvent/interrupt``,
    /// SIGTERM or SIGHUP ``KeyEvent/terminate``; their handlers wake the wait.
    /// A terminal that hangs up (its window closed) is ``KeyEvent/terminate``
    /// too. Waiting is `poll(2)` on standard input and the wake-up pipe, so an
    /// idle lab uses no CPU. After ``KeyEvent/resize`` the next
    /// ``present(_:)`` repaints the whole screen.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        if let signal = SignalTrap.takePending() { return signal }
        guard isActive else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
        while true {
            // Keys curses has already read (the rest of a paste, an escape sequence).
            if let event = bufferedKey() { return event }
            if let signal = SignalTrap.takePending() { return signal }
            var sleep = CursesTerminal.longestSleepMilliseconds
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
                if ms <= 0 { return nil }
                sleep = Int32(clamping: min(Int64(sleep), ms))
            }
            switch WakePipe.wait(for: STDIN_FILENO, timeoutMilliseconds: sleep) {
            case .input(let hangUp):
                if let event = bufferedKey() { return event }
                if hangUp { return .terminate }
            case .woken:
                return SignalTrap.takePending()
            case .timedOut:
                continue
            }
        }
    }

    /// Wakes a ``readKey(timeoutMilliseconds:)`` that is waiting, from any
    /// thread (a trainer that has posted an event). Cheap and coalescing:
    /// call it on every post.
    public static func wake() { WakePipe.signal() }

    /// The next key without waiting: curses' own buffer first, then whatever
    /// standard input holds. Keys the lab does not use are skipped.
    private func bufferedKey() -> KeyEvent? {
        setTimeout(0)
        while true {
            var code: wint_t = 0
            var status: Int32
            if let read = unread {
                unread = nil
                (status, code) = (read.status, wint_t(read.code))
            } else {
                status = wget_wch(window, &code)
            }
            if status == KeyDecoder.Status.none { return nil }
            if status == KeyDecoder.Status.character && code == 0x1B {
                // An ESC curses did not match to a key: Esc itself, or the start of a sequence to skip whole.
                let (event, after) = EscapeSequence.decode(next: {
                    var next: wint_t = 0
                    let s = wget_wch(window, &next)
                    return s == KeyDecoder.Status.none ? nil : (s, UInt32(next))
                })
                unread = after
                if let event { return event }
                continue
            }
            if status == KeyDecoder.Status.functionKey && Int32(bitPattern: UInt32(code)) == KEY_MOUSE {
                var x: Int32 = 0, y: Int32 = 0
                var bstate: mmask_t = 0
                if rnn_getmouse(&x, &y, &bstate) == OK, let mouse = MouseDecoder.decode(bstate: bstate, x: Int(x), y: Int(y)) {
                    return .mouse(mouse)
                }
                continue
            }
            if let event = KeyDecoder.decode(status: status, code: UInt32(code)) {
                if event == .resize { needsFullRedraw = true }
                return event
            }
        }
    }

    func setTimeout(_ ms: Int32) {
        guard ms != currentTimeout else { return }
        wtimeout(window, ms)
        currentTimeout = ms
    }
}
