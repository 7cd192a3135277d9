#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A self-pipe that ends ``CursesTerminal/readKey(timeoutMilliseconds:)``'s
/// wait early: trainer threads call ``signal()`` when they post an event, and
/// the signal handlers call it when a quit signal or a resize arrives. The run
/// loop can then sleep in `poll(2)` until something happens, instead of
/// waking every few milliseconds to look.
///
/// The pipe is made once and never closed, so a thread that signals after the
/// terminal has stopped writes into a pipe nobody reads (harmless), never into
/// a reused descriptor. Both ends are non-blocking: a full pipe already means
/// "wake up". ``signal()`` is async-signal-safe (an atomic exchange and
/// `write`) and coalesces: while one wake-up is unread, further calls write
/// nothing, so a trainer posting 1000 reports a second costs 1000 atomic
/// operations, not 1000 system calls.
enum WakePipe {
    /// The end `poll` watches, or -1 before ``prepare()``.
    static let readEnd = Atomic<Int32>(-1)
    /// The end ``signal()`` writes to, or -1 before ``prepare()``.
    static let writeEnd = Atomic<Int32>(-1)
    /// True when no wake-up byte is waiting: the next ``signal()`` writes one.
    static let armed = Atomic<Bool>(true)
    /// Scratch for draining (allocated once, before any handler runs).
    nonisolated(unsafe) static let scratch = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)

    /// Creates the pipe (once). Call on the main thread before installing handlers.
    static func prepare() {
        _ = armed.load(ordering: .relaxed)
        _ = scratch
        guard readEnd.load(ordering: .acquiring) < 0 else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        writeEnd.store(fds[1], ordering: .releasing)
        readEnd.store(fds[0], ordering: .releasing)
    }

    /// Wakes the waiting loop. Any thread; safe in a signal handler.
    static func signal() {
        let fd = writeEnd.load(ordering: .acquiring)
        guard fd >= 0, armed.exchange(false, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    /// Empties the pipe and re-arms ``signal()``. Call before looking at what
    /// woke the loop: a post that lands after this writes a new byte.
    static func drain() {
        let fd = readEnd.load(ordering: .acquiring)
        guard fd >= 0 else { return }
        while read(fd, scratch, 256) > 0 {}
        armed.store(true, ordering: .sequentiallyConsistent)
    }

    /// What ended a ``wait(for:timeoutMilliseconds:)``.
    enum Wait: Equatable {
        /// `descriptor` has something to read, or reports hang-up or an
        /// error (`hangUp`: the terminal is gone once what is left is read).
        case input(hangUp: Bool)
        /// ``signal()`` was called (the pipe is drained again).
        case woken
        /// Neither, within the time (or `poll` was interrupted by a signal).
        case timedOut
    }

    /// Sleeps until `descriptor` is readable, ``signal()`` is called, or
    /// `timeoutMilliseconds` pass (negative: no limit).
    static func wait(for descriptor: Int32, timeoutMilliseconds: Int32) -> Wait {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        let wake = readEnd.load(ordering: .acquiring)
        if wake >= 0 { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        let n = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        guard n > 0 else { return .timedOut }
        if fds.count > 1, fds[1].revents & Int16(POLLIN) != 0 {
            drain()
            return .woken
        }
        let r = fds[0].revents
        let hangUp = r & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        if hangUp || r & Int16(POLLIN) != 0 { return .input(hangUp: hangUp) }
        return .timedOut
    }
}
