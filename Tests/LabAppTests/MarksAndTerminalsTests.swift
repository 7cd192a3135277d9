import LabText
@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// Knob-change marks that read, and the lab in plain terminals: LANG=C
/// (ASCII), NO_COLOR, and status lines that do not go stale.
@Suite struct MarksAndTerminalsTests {
    /// Three learning-rate changes two steps apart, as three quick → presses make.
    func threeQuickChanges(width: Int, height: Int) -> AppState {
        var state = trainedState(width: width, height: height, steps: 120, changeAt: nil)
        for (i, value) in [0.02, 0.04, 0.08].enumerated() {
            send(&state, [.trainer(.changed(name: "learning_rate", value: .number(value), effect: .live, step: 100 + 2 * i))])
        }
        return state
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func threeQuickKnobChangesAllRead(width: Int, height: Int) {
        let state = threeQuickChanges(width: width, height: height)
        let labels = state.lesson!.run.events.map(\.english)
        #expect(labels == ["lr 0.01→0.02", "lr 0.02→0.04", "lr 0.04→0.08"])
        // Close together on the plot, they read as one chain of values.
        let screen = screenText(state)
        #expect(screen.components(separatedBy: "lr 0.01→0.02→0.04→0.08").count == 2, "at \(width)×\(height):\n\(screen)")
        assertSnapshot(frame(state), named: "marks-three-quick-\(width)x\(height)")
    }

    /// Changes far apart, of another knob, or not taking up where the last
    /// left off stay separate marks; a long chain shows its ends.
    @Test func onlyQuickChangesOfOneKnobChain() {
        func change(_ step: Int, _ setting: String, _ old: String, _ value: String) -> RunEvent {
            RunEvent(step: step, label: .verbatim("\(setting) \(old)→\(value)"), change: KnobChange(setting: setting, old: old, value: value))
        }
        let events = [change(10, "learning_rate", "0.01", "0.02"), change(12, "learning_rate", "0.02", "0.04"),
                      change(13, "hidden", "8", "16"), change(14, "learning_rate", "0.04", "0.08"),
                      change(60, "learning_rate", "0.08", "0.1"), RunEvent(step: 61, label: .verbatim("rolled back")),
                      change(62, "learning_rate", "0.5", "0.05")]
        let marks = LossPanel.chained(events, within: 5).map { Language.english.render($0.label) }
        #expect(marks == ["lr 0.01→0.02→0.04", "hidden 8→16", "learning_rate 0.04→0.08", "learning_rate 0.08→0.1",
                          "rolled back", "learning_rate 0.5→0.05"])
        let long = (0..<7).map { change(100 + $0, "learning_rate", "\($0)", "\($0 + 1)") }
        #expect(LossPanel.chained(long, within: 10).map { Language.english.render($0.label) } == ["lr 0→…→5→6→7"])
    }

    /// LANG=C: a met check is `[x]`, the run `>`, ρ `rho`; nothing becomes `?`
    /// except the help key itself.
    @Test(arguments: [(80, 24), (100, 30)])
    func asciiFrameSpellsOutSymbols(width: Int, height: Int) {
        var state = trainedState(width: width, height: height, steps: 124, changeAt: nil)
        send(&state, [.trainer(.report(fakeReport(step: 125, evaluate: true, accuracy: 0.97)))])
        send(&state, keys(.tab, .tab))
        let buffer = frame(state, capabilities: .ascii)
        #expect(buffer.cells.allSatisfy { $0.symbol.isASCII })
        let text = buffer.textLines().joined(separator: "\n")
        #expect(text.contains("[x] The RNN learns to echo"), "\(text)")
        #expect(text.contains("> running"))
        #expect(text.filter { $0 == "?" }.count <= 1, "only the help key is a question mark:\n\(text)")
        assertSnapshot(buffer, named: "lesson-ascii-\(width)x\(height)")
    }

    /// NO_COLOR: train, validation and chance have three different glyphs.
    @Test func monochromeLegendTellsSeriesApart() {
        let text = frame(trainedState(), capabilities: .monochrome).textLines().joined(separator: "\n")
        #expect(text.contains("━━ train loss") && text.contains("++ validation") && text.contains("oo chance"))
    }

    /// "rolled back …; Space resumes" goes once the run runs again or diverges again.
    @Test func runStateMessagesClearWhenTheRunMoves() {
        var state = trainedState(steps: 80)
        send(&state, [.trainer(.diverged(.loss(.nan), step: 81)), .trainer(.running(false))])
        send(&state, keys(.character("b")))
        send(&state, [.trainer(.rolledBack(step: 75, learningRate: nil))])
        #expect(state.lesson!.message?.text(in: .english) == "rolled back to step 75; Space resumes")
        send(&state, [.trainer(.running(true))])
        #expect(state.lesson!.message == nil)
        send(&state, [.trainer(.rolledBack(step: 75, learningRate: 0.001))])
        #expect(state.lesson!.message != nil)
        send(&state, [.trainer(.diverged(.loss(.infinity), step: 90))])
        #expect(state.lesson!.message == nil)
        // A message about something else stays.
        send(&state, [.trainer(.running(false)), .saveFailed(.verbatim("disk full"))])
        send(&state, [.trainer(.running(true))])
        #expect(state.lesson!.message?.text(in: .english) == "disk full")
    }
}
