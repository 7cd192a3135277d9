import Foundation
import TestTiers
import Testing

/// The pace keys as a learner uses them, in the built program: `n` runs a
/// counted number of steps and pauses at exactly that step; `[` limits the speed.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct PaceEndToEndTests {
    @Test(arguments: [(80, 24), (100, 30)])
    func countedRunStopsAtItsStepAndTheLimitShows(width: Int, height: Int) throws {
        let (lab, state) = try TmuxSession.launchLab(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused at step 0") { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        // n, the offered number cleared, 37 typed, Enter: the run stops at step 37.
        try lab.send("n")
        try lab.waitFor("the prompt") { $0.contains("run how many steps, then pause?") }
        try lab.send("BSpace", "BSpace", "BSpace", "3", "7", "Enter")
        try lab.waitFor("the counted run to end at step 37") { $0.contains("paused") && LabEndToEndTests.step($0) == 37 }
        // Paused means paused: a moment later it is still at step 37, not past it.
        Thread.sleep(forTimeInterval: 0.5)
        let later = try lab.screen()
        #expect(later.contains("paused") && LabEndToEndTests.step(later) == 37, "\(later)")
        // Four presses of [ from full speed: at most 50 steps a second, shown on the status line.
        try lab.send("[", "[", "[", "[")
        try lab.waitFor("the limit on the status line") { $0.contains("≤ 50/s") }
        try lab.send("q")
        try lab.waitFor("the home screen again") { $0.contains("lessons ·") }
    }
}
