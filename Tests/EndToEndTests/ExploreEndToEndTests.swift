import Foundation
import TestTiers
import Testing

/// Exploring a run in the built program: pin it and train a variant beside it
/// (`c`), read the plots and heatmaps with the cursor (`i`), click with the
/// mouse, and the question before leaving a lesson that would lose work.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct ExploreEndToEndTests {
    /// Runs `steps` counted steps with `n` and waits for the pause at `until`.
    static func run(_ lab: TmuxSession, steps: Int, until: Int) throws {
        try lab.send("n")
        try lab.waitFor("the prompt") { $0.contains("run how many steps, then pause?") }
        try lab.tmux(["send-keys", "-t", lab.name] + Array(repeating: "BSpace", count: 7) + String(steps).map(String.init) + ["Enter"])
        try lab.waitFor("the counted run to end at step \(until)") { $0.contains("paused") && LabEndToEndTests.step($0) == until }
    }

    /// The message line: the second row from the bottom.
    static func messageLine(_ screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let filled = rows.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? rows.count - 1
        return filled >= 1 ? rows[filled - 1] : ""
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func pinARunThenTrainAVariantBesideIt(width: Int, height: Int) throws {
        let (lab, state) = try GuideEndToEndTests.openLessonOne(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try Self.run(lab, steps: 60, until: 60)
        try lab.send("c")
        try lab.waitFor("the pin message") { $0.contains("pinned the run at step 60 as a reference") }
        // The variant: learning rate 0.003 → 0.006 (Tab to the knobs, →), then r: a fresh model.
        try lab.send("Tab", "Right")
        try lab.waitFor("the new learning rate") { GuideEndToEndTests.knobRow($0, "learning_rate")?.contains("0.006") ?? false }
        try lab.send("r")
        try lab.waitFor("the fresh model") { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        try Self.run(lab, steps: 40, until: 40)
        // The loss plot's legend names the pinned run by what differs: its learning rate.
        let screen = try lab.waitFor("the pinned curve's legend") { $0.contains("pinned lr 0.003") || $0.contains("pinned lr") }
        #expect(screen.contains("pinned lr"), "\(screen)")
        // c again unpins.
        try lab.send("c")
        try lab.waitFor("unpinned") { $0.contains("the reference run is unpinned") && !$0.contains("pinned lr") }
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func theCursorReadsTheLossPlotTheGradientAndTheHiddenState(width: Int, height: Int) throws {
        let (lab, state) = try GuideEndToEndTests.openLessonOne(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try Self.run(lab, steps: 50, until: 50)
        try lab.send("i")
        let loss = try lab.waitFor("the loss readout") { Self.messageLine($0).range(of: #"step \d+: train loss"#, options: .regularExpression) != nil }
        // On the newest column: step 50 or the column's middle just before it.
        let stepRead = Self.messageLine(loss).range(of: #"step (\d+)"#, options: .regularExpression).map { Int(Self.messageLine(loss)[$0].dropFirst(5))! }
        #expect((stepRead ?? 0) >= 45 && (stepRead ?? 0) <= 50, "\(Self.messageLine(loss))")
        try lab.send("Left", "Left", "Left")
        try lab.waitFor("an earlier step") { screen in
            let line = Self.messageLine(screen)
            return line.range(of: #"step (\d+)"#, options: .regularExpression).map { Int(line[$0].dropFirst(5))! < stepRead! } ?? false
        }
        try lab.send("Tab")
        try lab.waitFor("the gradient readout") { Self.messageLine($0).range(of: #": t \d+: "#, options: .regularExpression) != nil }
        try lab.send("Tab")
        try lab.waitFor("the hidden state at unit 0, t 0") { Self.messageLine($0).contains("unit 0, t 0: ") }
        try lab.send("Right", "Down")
        try lab.waitFor("unit 1, t 1") { Self.messageLine($0).contains("unit 1, t 1: ") }
        try lab.send("Escape")
        try lab.waitFor("the cursor put away") { !Self.messageLine($0).contains("unit 1, t 1") }
    }

    /// A left-button press and release at (x, y), 0-based, as the terminal reports them to a program
    /// that turned mouse mode on (xterm's X10 encoding, which ncurses asks tmux for here), in hex
    /// bytes for `send-keys -H`: ESC [ M, then 32 + the button (3: released), 33 + x, 33 + y.
    static func click(x: Int, y: Int) -> [String] {
        let bytes: [Int] = [0x1b, 0x5b, 0x4d, 32, 33 + x, 33 + y, 0x1b, 0x5b, 0x4d, 32 + 3, 33 + x, 33 + y]
        return ["-H"] + bytes.map { String($0, radix: 16) }
    }

    /// The row and column of `text` on `screen`, in cells (the text is found by characters: ASCII before it).
    static func find(_ text: String, in screen: String) -> (x: Int, y: Int)? {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: text) { return (line.distance(from: line.startIndex, to: r.lowerBound), y) }
        }
        return nil
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func aClickOpensALessonAndFocusesATabAndTheMouseIsOffAfterQuitting(width: Int, height: Int) throws {
        let (lab, state) = try TmuxSession.launchLab(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        let home = try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        #expect(try lab.format("#{mouse_any_flag}") == "1", "the lab asks the terminal for mouse reports")
        // The second lesson: one click selects it, a second opens it.
        let second = try #require(Self.find("BPTT and RTRL", in: home))
        try lab.tmux(["send-keys", "-t", lab.name] + Self.click(x: second.x + 1, y: second.y))
        try lab.waitFor("the second lesson selected") { screen in
            screen.split(separator: "\n").contains { $0.contains("BPTT and RTRL") && $0.contains("checks") } && screen != home
        }
        try lab.tmux(["send-keys", "-t", lab.name] + Self.click(x: second.x + 1, y: second.y))
        let lesson = try lab.waitFor("the lesson open") { $0.contains("BPTT and RTRL") && $0.contains("step") && $0.contains("Knobs") }
        // A click on the Knobs tab shows the knobs.
        let tab = try #require(Self.find(" Knobs ", in: lesson))
        try lab.tmux(["send-keys", "-t", lab.name] + Self.click(x: tab.x + 2, y: tab.y))
        try lab.waitFor("the knob panel") { $0.contains("range ") && $0.contains("hidden") }
        try lab.send("q")
        try lab.waitFor("the home screen again") { $0.contains("lessons ·") }
        try lab.send("q")
        try lab.waitForExit()
        #expect(try lab.format("#{alternate_on}") == "0", "the terminal was left on the alternate screen")
        #expect(try lab.format("#{mouse_any_flag}") == "0", "mouse reporting was left on")
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func leavingDuringAVerificationAsksFirst(width: Int, height: Int) throws {
        let (lab, state) = try GuideEndToEndTests.openLessonOne(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        // state-must-fit: three seeds, two arms, 800 steps each: long enough to still run.
        try lab.send("Tab", "Tab", "Down")
        try lab.waitFor("state-must-fit selected") { $0.contains("versus") || $0.contains("seeds") }
        try lab.send("v")
        try lab.waitFor("the verification") { $0.contains("verifying") }
        try lab.send("q")
        try lab.waitFor("the question") { $0.contains("Leave the lesson?") && $0.contains("state-must-fit is verifying") }
        try lab.send("n")
        let stayed = try lab.waitFor("the question gone") { !$0.contains("Leave the lesson?") }
        #expect(stayed.contains("verifying") && stayed.contains("Sequences and the simple RNN"), "\(stayed)")
        try lab.send("q")
        try lab.waitFor("the question again") { $0.contains("Leave the lesson?") }
        try lab.send("y")
        try lab.waitFor("the home screen") { $0.contains("lessons ·") }
    }
}
