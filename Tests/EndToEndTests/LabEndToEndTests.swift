import Foundation
import Testing
import TestTiers

/// The real program in a real (tmux) terminal: open the first lesson, train,
/// change the learning rate, pause, quit, and check the terminal was restored
/// on every way out: q, Ctrl-C and SIGTERM.
///
/// Nothing here depends on how fast training runs: each step waits for the
/// screen to show the change, with a generous deadline that only stops a hung
/// test. Skipped (with a message) only when tmux is not installed.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct LabEndToEndTests {
    /// A fresh state folder and the lab in a session at `width`×`height`.
    func launch(width: Int, height: Int) throws -> (TmuxSession, URL) {
        try TmuxSession.launchLab(width: width, height: height)
    }

    /// The step counter of the status line, if shown.
    static func step(_ screen: String) -> Int? {
        guard let r = screen.range(of: #"step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(screen[r].dropFirst(5))
    }

    /// The training loss of the status line, if shown.
    static func loss(_ screen: String) -> String? {
        guard let r = screen.range(of: #"loss [0-9.e+-]+"#, options: .regularExpression) else { return nil }
        return String(screen[r])
    }

    /// Opens the first lesson and trains until the step counter and the loss have moved.
    func openAndTrain(_ lab: TmuxSession) throws {
        try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") && $0.contains("checks") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused at step 0") { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        try lab.play()
        let first = try lab.waitFor("the first steps") { LabEndToEndTests.step($0).map { $0 >= 1 } ?? false && LabEndToEndTests.loss($0) != nil }
        let firstStep = LabEndToEndTests.step(first)!, firstLoss = LabEndToEndTests.loss(first)!
        try lab.waitFor("the step counter and the loss to change") {
            (LabEndToEndTests.step($0) ?? 0) > firstStep && LabEndToEndTests.loss($0) != firstLoss
        }
    }

    /// Asserts the program exited and left the alternate screen.
    func expectRestored(_ lab: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try lab.waitForExit()
        #expect(try lab.format("#{alternate_on}") == "0", "the terminal was left on the alternate screen", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func trainChangeTheLearningRatePauseAndQuit(width: Int, height: Int) throws {
        let (lab, state) = try launch(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try openAndTrain(lab)

        // The learning rate is the first knob (0.003 in lesson 1): Tab to the knobs, → doubles it.
        try lab.send("Tab")
        try lab.waitFor("the knob panel") { $0.contains("learning_rate") && $0.contains("range 0.0001…1") }
        try lab.send("Right")
        try lab.waitFor("the new learning rate") { screen in
            screen.split(separator: "\n").contains { $0.contains("learning_rate") && $0.contains("0.006") }
        }
        // A value out of range is refused with the reason.
        try lab.send("Enter")
        try lab.send("BSpace", "BSpace", "BSpace", "BSpace", "5", "Enter")
        try lab.waitFor("the refusal") { $0.contains("out of range") }

        try lab.send("Space")
        let paused = try lab.waitFor("the run to pause") { $0.contains("paused") }
        let pausedAt = LabEndToEndTests.step(paused)
        #expect(pausedAt != nil)

        try lab.send("q")
        try lab.waitFor("the home screen again") { $0.contains("checks met") }
        try lab.send("q")
        try expectRestored(lab)
        if let status = try lab.exitStatus() {
            #expect(status == "0", "rnnlab exited with status \(status)")
        }
        let knobs = try String(contentsOf: state.appendingPathComponent("knobs.json"), encoding: .utf8)
        #expect(knobs.contains("learning_rate"))
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("progress.json").path))
    }

    /// The step shown for `arm` in the side-by-side table ("lstm 1  4641   1226 …": the
    /// compared settings' values, named once in the heading or the header, then parameters and step), if shown.
    static func comparedStep(_ screen: String, arm: String, parameters: Int) -> Int? {
        guard let r = screen.range(of: "\(arm) +\(parameters) +\\d+", options: .regularExpression) else { return nil }
        return Int(screen[r].split(separator: " ").last!)
    }

    /// The GRU lesson trains an LSTM beside its GRU: both rows of the table count
    /// steps, and a knob change that is not the compared one rebuilds both.
    @Test func theGRULessonTrainsAnLSTMSideBySide() throws {
        let (lab, state) = try launch(width: 120, height: 40)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("The GRU") }
        try lab.send("Down", "Down", "Down", "Down", "Enter")
        try lab.waitFor("the GRU lesson with its comparison") { $0.contains("params step") && LabEndToEndTests.comparedStep($0, arm: "gru 0", parameters: 3489) == 0
                && LabEndToEndTests.comparedStep($0, arm: "lstm 1", parameters: 4641) == 0 && $0.contains("paused") }
        try lab.play()
        // H = 32, I = 2, and the read-out's 33: 3·1152 + 33 and 4·1152 + 33.
        try lab.waitFor("both runs to train") {
            (LabEndToEndTests.comparedStep($0, arm: "gru 0", parameters: 3489) ?? 0) >= 1
                && (LabEndToEndTests.comparedStep($0, arm: "lstm 1", parameters: 4641) ?? 0) >= 1
        }
        // hidden is the second knob; → doubles it to 64, and both models are rebuilt.
        try lab.send("Tab", "Down", "Right")
        try lab.waitFor("both rebuilt with H = 64") {
            LabEndToEndTests.comparedStep($0, arm: "gru 0", parameters: 3 * 4352 + 65) != nil
                && LabEndToEndTests.comparedStep($0, arm: "lstm 1", parameters: 4 * 4352 + 65) != nil
        }
        // The parameter-count check needs two runs (GRU and LSTM); v verifies it in the background.
        try lab.send("Tab", "Down", "v")
        try lab.waitFor("the background verdict") { $0.contains("✓ three-quarters verified") }
        try lab.leaveLesson()
        try lab.send("q")
        try expectRestored(lab)
    }

    @Test func controlCRestoresTheTerminal() throws {
        let (lab, state) = try launch(width: 80, height: 24)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try openAndTrain(lab)
        try lab.send("C-c")
        try expectRestored(lab)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let (lab, state) = try launch(width: 80, height: 24)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try openAndTrain(lab)
        let pid = try lab.format("#{pane_pid}")
        #expect(Int32(pid) != nil)
        if let p = Int32(pid) { kill(p, SIGTERM) }
        try expectRestored(lab)
    }
}
