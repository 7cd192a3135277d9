import CNcursesw

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` for a key and returns it, or `nil`
    /// when none came (`0` polls, a negative value waits without limit).
    ///
    /// Quit signals come first: a pending SIGINT is ``KeyEvent/interrupt``,
    /// SIGTERM or SIGHUP ``KeyEvent/terminate``. Waiting is done in slices of
    /// at most 100 ms, so a signal is reported within 100 ms even while
    /// waiting without limit. After ``KeyEvent/resize`` the next
    /// ``present(_:)`` repaints the whole screen.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        if let signal = SignalTrap.takePending() { return signal }
        guard isActive else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
        while true {
            var slice: Int = 100
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let ms = Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
                slice = max(0, min(100, ms))
            }
            setTimeout(Int32(slice))
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status != KeyDecoder.Status.none, let event = KeyDecoder.decode(status: status, code: UInt32(code)) {
                if event == .resize { needsFullRedraw = true }
                return event
            }
            if let signal = SignalTrap.takePending() { return signal }
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    func setTimeout(_ ms: Int32) {
        guard ms != currentTimeout else { return }
        wtimeout(window, ms)
        currentTimeout = ms
    }
}
