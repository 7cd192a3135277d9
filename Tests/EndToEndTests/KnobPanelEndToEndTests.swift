import Foundation
import TestTiers
import Testing

/// The knob panel in the built program (review A8, A20, A21): a short panel
/// below 80 columns lists several knobs and says which is selected; typing the
/// current value says only that; a knob that does nothing says why.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct KnobPanelEndToEndTests {
    /// The rows of the knob list shown (a `▸` or two spaces, then the knob's name).
    static func knobRows(_ screen: String, _ names: [String]) -> [String] {
        names.filter { GuideEndToEndTests.knobRow(screen, $0) != nil }
    }

    @Test(arguments: [(79, 24), (60, 20)])
    func aShortKnobPanelListsSeveralKnobsAndNamesTheSelectedOne(width: Int, height: Int) throws {
        let (lab, state) = try GuideEndToEndTests.openLessonOne(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.send("Tab")
        let screen = try lab.waitFor("the knob panel") { GuideEndToEndTests.knobRow($0, "learning_rate") != nil }
        let shown = Self.knobRows(screen, ["learning_rate", "optimizer", "hidden", "k", "cell", "clip_norm", "seed"])
        #expect(shown.count >= 2, "\(screen)")
        if screen.contains("Knobs 1/") {
            try lab.send("Down")
            try lab.waitFor("the second knob named in the title") { $0.contains("Knobs 2/") }
        }
    }

    @Test func typingTheCurrentValueSaysItIsAlreadySet() throws {
        let (lab, state) = try GuideEndToEndTests.openLessonOne(width: 100, height: 30)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.send("Tab", "Enter")  // the editor opens with the current value
        try lab.waitFor("the editor") { $0.contains("learning_rate = ") }
        try lab.send("Enter")
        let screen = try lab.waitFor("the message") { $0.contains("learning_rate is already") }
        #expect(!screen.contains("limit of"), "\(screen)")
    }

    /// Lesson 4 (LSTM gates): with cell rnn_tanh, forget_bias says it does nothing.
    @Test func forgetBiasWithoutAnLSTMSaysItDoesNothing() throws {
        let (lab, state) = try TmuxSession.launchLab(width: 100, height: 30)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("LSTM gates") }
        try lab.send("Down", "Down", "Down", "Enter")
        try lab.waitFor("lesson 4") { $0.contains("LSTM gates") && $0.contains("paused") }
        try lab.send("Tab")
        try lab.waitFor("the knob panel") { GuideEndToEndTests.knobRow($0, "cell") != nil }
        // cell is the first knob: → makes it rnn_tanh; forget_bias is the third.
        try lab.send("Right")
        try lab.waitFor("cell rnn_tanh") { GuideEndToEndTests.knobRow($0, "cell")?.contains("rnn_tanh") ?? false }
        try lab.send("Down", "Down")  // past hidden
        let screen = try lab.waitFor("the note on forget_bias") { $0.contains("forget_bias has no effect with cell") }
        #expect(GuideEndToEndTests.knobRow(screen, "forget_bias")?.contains("▸") ?? false, "\(screen)")
    }
}
