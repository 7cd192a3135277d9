@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// `c` pins the run as a reference in any lesson: the loss plot then draws the
/// pinned curve beside the live one, named by the settings that differ.
@Suite struct PinTests {
    /// Cells drawn in the pinned run's colour.
    static func pinnedCells(_ state: AppState) -> Int {
        let buffer = frame(state)
        var n = 0
        for y in 0..<state.height { for x in 0..<state.width where buffer[x, y].style.foreground == .brightBlue { n += 1 } }
        return n
    }

    @Test func nothingToPinBeforeTheFirstStep() {
        var state = fixtureState()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        #expect(send(&state, keys(.character("c"))).isEmpty)
        #expect(state.lesson!.pinned == nil)
        #expect(state.lesson!.message?.phrase.key == .explore(.pinNothing))
    }

    @Test func aPinnedRunIsDrawnBesideTheVariantAndNamedByWhatDiffers() {
        var state = trainedState(width: 120, height: 40, steps: 120, running: false)
        #expect(Self.pinnedCells(state) == 0)
        #expect(send(&state, keys(.character("c"))).isEmpty, "pinning sends nothing to the trainer")
        let pin = try! #require(state.lesson!.pinned)
        #expect(pin.step == 120 && pin.validationLoss.count == 4)
        #expect(state.lesson!.message?.text(in: .english).hasPrefix("pinned the run at step 120 as a reference") == true)
        // Same settings so far: the legend says so.
        #expect(screenText(state).contains("pinned same settings"))
        // The variant: hidden 8 → 16 rebuilds the model; it trains from step 0 beside the pinned curve.
        send(&state, [.trainer(.changed(name: "hidden", value: .number(16), effect: .rebuild, step: 120)),
                      .trainer(readyEvent(state.lesson!.lesson, overrides: ["hidden": .number(16)]))])
        for step in 1...50 { send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0)))]) }
        #expect(state.lesson!.run.step == 50 && state.lesson!.pinned?.step == 120)
        // The pin had the live change of learning rate at step 60 (0.03); the variant has the lesson's 0.01 and 16 units.
        let screen = screenText(state)
        #expect(screen.contains("pinned hidden 8, lr 0.03"), "\(screen)")
        #expect(Self.pinnedCells(state) > 10, "the pinned curve is drawn")
        // c again unpins: the curve and its legend go.
        send(&state, keys(.character("c")))
        #expect(state.lesson!.pinned == nil && state.lesson!.message?.phrase.key == .explore(.unpinned))
        #expect(!screenText(state).contains("pinned hidden"))
        #expect(Self.pinnedCells(state) == 0)
    }

    @Test func theLabelListsOnlyTheSettingsThatDiffer() {
        var run = RunState(settings: ["cell": .choice("rnn_tanh"), "hidden": .number(32), "learning_rate": .number(0.01)])
        run.data.trainLoss.append(step: 1, value: 1)
        let pin = PinnedRun(run)
        let live: [String: SettingValue] = ["cell": .choice("lstm"), "hidden": .number(32), "learning_rate": .number(0.01)]
        #expect(pin.differences(from: live) == ["cell"])
        #expect(Language.english.render(pin.label(against: live)) == "cell rnn_tanh")
        #expect(Language.english.render(pin.label(against: run.settings)) == "same settings")
    }
}
