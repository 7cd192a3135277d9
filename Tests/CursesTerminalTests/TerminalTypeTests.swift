#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import CursesTerminal

/// `TERM` is checked in terminfo before curses starts: a terminal that cannot
/// move the cursor is refused with a message that names it, not drawn on.
@Suite("Terminal types")
struct TerminalTypeTests {
    @Test func dumbIsRefusedForLackOfCursorAddressing() {
        #expect(CursesTerminal.problem(withTerminalType: "dumb") == .cannotAddressCursor(term: "dumb"))
        let text = CursesTerminalError.cannotAddressCursor(term: "dumb").description
        #expect(text.contains("'dumb'") && text.contains("cannot move the cursor"))
    }

    @Test(arguments: ["xterm-256color", "xterm", "vt100", "screen", "linux"])
    func fullScreenTerminalsAreAccepted(term: String) {
        #expect(CursesTerminal.problem(withTerminalType: term) == nil)
    }

    @Test func unknownTypeIsCannotInitialise() {
        #expect(CursesTerminal.problem(withTerminalType: "xterm-nonexistent") == .cannotInitialize(term: "xterm-nonexistent"))
    }
}

/// The self-pipe that ends the run loop's wait.
@Suite("Wake pipe", .serialized)
struct WakePipeTests {
    /// A pipe standing in for standard input: nothing to read unless written.
    func withQuietInput(_ body: (Int32, Int32) -> Void) {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        body(fds[0], fds[1])
        close(fds[0])
        close(fds[1])
    }

    @Test func signalWakesTheWaitAndDrainingRearms() {
        WakePipe.prepare()
        WakePipe.drain()
        withQuietInput { input, _ in
            #expect(WakePipe.wait(for: input, timeoutMilliseconds: 0) == .timedOut)
            WakePipe.signal()
            WakePipe.signal()  // coalesced with the first
            #expect(WakePipe.wait(for: input, timeoutMilliseconds: 5000) == .woken)
            // Drained by the wait: nothing left to wake for.
            #expect(WakePipe.wait(for: input, timeoutMilliseconds: 0) == .timedOut)
            // Re-armed: a later signal wakes again.
            WakePipe.signal()
            #expect(WakePipe.wait(for: input, timeoutMilliseconds: 5000) == .woken)
        }
    }

    @Test func inputIsReported() {
        WakePipe.prepare()
        WakePipe.drain()
        withQuietInput { input, output in
            var byte: UInt8 = 0x61
            #expect(write(output, &byte, 1) == 1)
            #expect(WakePipe.wait(for: input, timeoutMilliseconds: 5000) == .input(hangUp: false))
        }
    }

    @Test func aClosedInputIsAHangUp() {
        WakePipe.prepare()
        WakePipe.drain()
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        close(fds[1])
        #expect(WakePipe.wait(for: fds[0], timeoutMilliseconds: 5000) == .input(hangUp: true))
        close(fds[0])
    }

    @Test func aSignalFromAnotherThreadWakesTheWait() {
        WakePipe.prepare()
        WakePipe.drain()
        withQuietInput { input, _ in
            let thread = Thread { usleep(50_000); CursesTerminal.wake() }
            thread.start()
            // poll may also end early on a signal to the test process (EINTR): wait again then.
            let deadline = Date().addingTimeInterval(10)
            var result = WakePipe.Wait.timedOut
            while result == .timedOut && Date() < deadline {
                result = WakePipe.wait(for: input, timeoutMilliseconds: 1000)
            }
            #expect(result == .woken)
        }
    }
}
