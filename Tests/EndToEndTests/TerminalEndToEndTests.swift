import Foundation
import Testing
import TestTiers

/// The terminal layer of the real program in tmux: signals, terminal types,
/// pastes and key bursts. Every wait has a deadline that only stops a hung
/// test; nothing asserts how fast anything ran.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct TerminalEndToEndTests {
    /// A lesson small enough that a debug build takes hundreds of steps a
    /// second, for tests that count steps rather than watch learning.
    static let tinyLesson = """
        ---
        id: tiny
        title: A tiny echo
        chapter: 1. Keys
        summary: A very small run, so key tests do not wait for the engine.
        experiment:
          task: echo
          T: 12
          k: 1
          K: 4
          hidden: 4
          batch: 1
          eval_every: 10000
        ---

        # A tiny echo

        Press the keys.

        """

    /// The lab in a fresh state folder (``TmuxSession/launchLab(width:height:prefix:lessons:)``).
    func launch(width: Int = 100, height: Int = 30, prefix: [String] = [], lessons: URL? = nil) throws -> (TmuxSession, URL) {
        try TmuxSession.launchLab(width: width, height: height, prefix: prefix, lessons: lessons)
    }

    /// The process id of the program in the pane.
    func pid(_ lab: TmuxSession) throws -> pid_t {
        guard let p = pid_t(try lab.format("#{pane_pid}")) else { throw TmuxSession.Failure("no pane pid") }
        return p
    }

    /// Opens the first lesson and waits until it has trained a step.
    func openAndTrain(_ lab: TmuxSession) throws {
        try lab.waitFor("the home screen", timeout: 60) { $0.contains("Sequences and the simple RNN") && $0.contains("checks") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused", timeout: 60) { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        try lab.play(timeout: 60)
        try lab.waitFor("training", timeout: 60) { (LabEndToEndTests.step($0) ?? 0) >= 1 }
    }

    /// Signals the lab gives no meaning to still restore the terminal on their way out.
    @Test(arguments: [SIGUSR1, SIGPIPE, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ])
    func aFatalSignalRestoresTheTerminal(signal: Int32) throws {
        let (lab, state) = try launch()
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try openAndTrain(lab)
        #expect(try lab.format("#{alternate_on}") == "1")
        #expect(kill(try pid(lab), signal) == 0)
        try lab.waitForExit(timeout: 30)
        #expect(try lab.format("#{alternate_on}") == "0", "signal \(signal) left the alternate screen on")
    }

    /// SIGQUIT: the terminal comes back, a backtrace is printed, and the
    /// process does not sit for 30 s in the backtracer's prompt.
    @Test func sigquitExitsWithoutTheBacktracerPrompt() throws {
        let (lab, state) = try launch()
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try openAndTrain(lab)
        #expect(kill(try pid(lab), SIGQUIT) == 0)
        try lab.waitForExit(timeout: 20)  // the prompt alone would take 30 s
        #expect(try lab.format("#{alternate_on}") == "0")
        let printed = try lab.tmux(["capture-pane", "-p", "-J", "-S", "-2000", "-t", lab.name])
        #expect(!printed.contains("Press space to interact"))
        // The backtrace is still printed, on the restored screen.
        #expect(printed.contains("Program crashed") || printed.contains("Backtrace took"), "the screen was:\n\(printed.suffix(3000))")
    }

    /// A terminal that cannot move the cursor is refused before curses starts.
    @Test func termDumbIsRefusedWithAMessage() throws {
        // tmux overrides TERM given with -e, so it is set in the command.
        let (lab, state) = try launch(prefix: ["/usr/bin/env", "TERM=dumb"])
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitForExit(timeout: 30)
        // The message is longer than a row: read the rows that scrolled off too, joined.
        let screen = try lab.tmux(["capture-pane", "-p", "-J", "-S", "-50", "-t", lab.name])
        #expect(screen.contains("rnnlab: cannot open the lab: the terminal type 'dumb' cannot move the cursor"),
                "the screen was:\n\(screen)")
        #expect(try lab.format("#{alternate_on}") == "0")
        if let status = try lab.exitStatus() { #expect(status == "1") }
    }

    /// 50,000 characters pasted into a knob field: the field keeps 64, says so,
    /// and the lab answers the next key.
    @Test func aHugePasteIntoAKnobFieldDoesNotFreezeTheLab() throws {
        let (lab, state) = try launch()
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen", timeout: 60) { $0.contains("Sequences and the simple RNN") }
        try lab.send("Enter")
        try lab.waitFor("the lesson", timeout: 60) { $0.contains("paused") }
        try lab.send("Tab", "Enter")
        try lab.waitFor("the knob field", timeout: 30) { $0.contains("learning_rate = ") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-paste-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try String(repeating: "7", count: 50_000).write(to: file, atomically: true, encoding: .utf8)
        try lab.tmux(["load-buffer", file.path])
        try lab.tmux(["paste-buffer", "-t", lab.name])
        try lab.waitFor("the note about the cut", timeout: 120) { $0.contains("at most 64 characters") }
        // The next key is answered: Escape closes the field.
        try lab.send("Escape")
        try lab.waitFor("the field to close", timeout: 60) { !$0.contains("learning_rate = ") && !$0.contains("at most 64") }
        try lab.send("q", "q")
        try lab.waitForExit(timeout: 30)
        #expect(try lab.format("#{alternate_on}") == "0")
    }

    /// 500 presses of `.` are 500 steps, none coalesced.
    @Test func fiveHundredDotsAreFiveHundredSteps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-tiny-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try TerminalEndToEndTests.tinyLesson.write(to: folder.appendingPathComponent("01-tiny.md"), atomically: true, encoding: .utf8)
        let (lab, state) = try launch(lessons: folder)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen", timeout: 60) { $0.contains("A tiny echo") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused at step 0", timeout: 60) { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        try lab.tmux(["send-keys", "-t", lab.name, "-l", String(repeating: ".", count: 500)])
        let done = try lab.waitFor("step 500", timeout: 300) { (LabEndToEndTests.step($0) ?? 0) >= 500 }
        #expect(LabEndToEndTests.step(done) == 500)
        // Nothing more comes: still 500, paused, a moment later.
        Thread.sleep(forTimeInterval: 1)
        let after = try lab.screen()
        #expect(LabEndToEndTests.step(after) == 500)
        #expect(after.contains("paused"))
        try lab.send("q", "q")
        try lab.waitForExit(timeout: 30)
    }

    /// Three → in one burst are three nudges: the learning rate doubles three times.
    @Test func threeQuickNudgesAreThreeChanges() throws {
        let (lab, state) = try launch()
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen", timeout: 60) { $0.contains("Sequences and the simple RNN") }
        try lab.send("Enter")
        // Built: the loss plot's legend has the chance line the trainer computed.
        try lab.waitFor("the lesson, built", timeout: 120) { $0.contains("paused") && $0.contains("oo chance") }
        try lab.send("Tab")
        try lab.waitFor("the knob panel", timeout: 30) { $0.contains("learning_rate") && $0.contains("0.003") }
        try lab.send("Right", "Right", "Right")
        try lab.waitFor("learning_rate 0.024", timeout: 60) { screen in
            screen.split(separator: "\n").contains { $0.contains("learning_rate") && $0.contains("0.024") }
        }
        // The knob is saved once the trainer confirms it (on a loaded machine that
        // can come after the screen shows the request): wait for the file, with a deadline.
        let file = state.appendingPathComponent("knobs.json")
        let deadline = Date().addingTimeInterval(60)
        var knobs = ""
        while Date() < deadline {
            knobs = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if knobs.contains("0.024") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(knobs.contains("0.024"), "knobs.json after 60 s: \(knobs)")
        try lab.send("q", "q")
        try lab.waitForExit(timeout: 30)
    }

    /// A resize reaches the sleeping loop: the picture is redrawn at the new size.
    @Test func aResizeIsDrawnWhileIdle() throws {
        let (lab, state) = try launch(width: 100, height: 30)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen", timeout: 60) { $0.contains("Sequences and the simple RNN") }
        try lab.tmux(["resize-window", "-t", lab.name, "-x", "50", "-y", "15"])
        try lab.waitFor("the too-small notice", timeout: 30) { $0.contains("The terminal is too small") }
        try lab.tmux(["resize-window", "-t", lab.name, "-x", "100", "-y", "30"])
        try lab.waitFor("the home screen again", timeout: 30) { $0.contains("Sequences and the simple RNN") }
        try lab.send("q")
        try lab.waitForExit(timeout: 30)
    }
}
