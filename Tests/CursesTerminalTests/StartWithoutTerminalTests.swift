import Testing
import TerminalUI
@testable import CursesTerminal

/// `start` must refuse cleanly when there is no terminal (as under CI) and
/// never reach `newterm`. Skipped when the test run does have a terminal.
@Suite("CursesTerminal without a terminal")
struct StartWithoutTerminalTests {
    @Test(.enabled(if: !StartWithoutTerminalTests.hasTerminal))
    func startThrowsNotATerminal() {
        #expect(throws: CursesTerminalError.notATerminal) {
            _ = try CursesTerminal.start(capabilities: .full)
        }
        let active = TerminalGuard.active.load(ordering: .relaxed)
        let installed = SignalTrap.installed.load(ordering: .relaxed)
        #expect(!active)
        #expect(!installed)
    }

    static var hasTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }

    @Test func errorDescriptions() {
        #expect(CursesTerminalError.cannotInitialize(term: "").description.contains("(unset)"))
        #expect(CursesTerminalError.cannotInitialize(term: "vt999").description.contains("vt999"))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
