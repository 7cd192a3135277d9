import Foundation
import Testing
import TestTiers

/// `W` then `O` as a learner uses them: train 40 steps, save, reset, open the
/// picker (Esc closes it, nothing changes), load the saved run, and train on
/// from step 40.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct LoadRunEndToEndTests {
    @Test func aSavedRunLoadsIntoTheLessonAndTrainsOn() throws {
        let (lab, state) = try TmuxSession.launchLab(width: 100, height: 30)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused at step 0") { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        // Nothing saved yet: O says so.
        try lab.send("O")
        try lab.waitFor("no saved runs") { $0.contains("no saved runs of simple-rnn in runs/ yet; W saves one") }
        try lab.send("n")
        try lab.waitFor("the prompt") { $0.contains("run how many steps, then pause?") }
        try lab.send("BSpace", "BSpace", "BSpace", "4", "0", "Enter")
        try lab.waitFor("paused at step 40") { $0.contains("paused") && LabEndToEndTests.step($0) == 40 }
        try lab.send("W")
        try lab.waitFor("the saved run") { $0.contains("simple-rnn-step40.safetensors") }
        let checkpoint = state.appendingPathComponent("runs/simple-rnn-step40.safetensors")
        #expect(FileManager.default.fileExists(atPath: checkpoint.path))
        try lab.send("r")
        try lab.waitFor("reset to step 0") { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        try lab.send("O")
        try lab.waitFor("the picker") { $0.contains("Load a saved run") && $0.contains("simple-rnn-step40.safetensors") }
        try lab.send("Escape")
        try lab.waitFor("the picker closed") { !$0.contains("Load a saved run") }
        #expect(LabEndToEndTests.step(try lab.screen()) == 0)
        try lab.send("O")
        try lab.waitFor("the picker again") { $0.contains("Load a saved run") }
        try lab.send("Enter")
        try lab.waitFor("the run loaded") { $0.contains("loaded simple-rnn-step40.safetensors at step 40") }
        try lab.send(".")
        try lab.waitFor("one step on from 40") { $0.contains("step 41") }
        try lab.send("q")
        try lab.waitFor("the home screen again") { $0.contains("lessons ·") }
    }
}
