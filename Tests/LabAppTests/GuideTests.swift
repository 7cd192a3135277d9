import LabApp
import LabText
@testable import RNNLab
import Testing

/// `s` sets up the selected check, `d` restores the lesson's defaults, and the
/// checks panel shows progress toward the selected check.
@Suite struct GuideTests {
    @Test func sSetsUpTheSelectedCheckAndBuildsAFreshModel() {
        var state = trainedState(steps: 10, changeAt: nil)
        send(&state, keys(.tab, .tab, .down))  // the checks, then no-memory (hidden 1)
        let sent = send(&state, keys(.character("s"))).map(\.summary)
        #expect(sent == ["send set hidden=1", "save echo-lab hidden=1", "send reset"], "\(sent)")
        #expect(state.lesson!.message?.text(in: .english) == "set up for no-memory: hidden 8→1; the model is built again, Space runs it")
        // Pressed again, nothing is left to change: only the fresh model.
        #expect(send(&state, keys(.character("s"))).map(\.summary) == ["send reset"])
    }

    @Test func dPutsEveryKnobBackToTheLessonsValue() {
        var state = trainedState(steps: 10, changeAt: 5)  // learning_rate 0.03 at step 5
        #expect(send(&state, keys(.character("d"))).map(\.summary) == ["send set learning_rate=0.01", "save echo-lab learning_rate=0.01"])
        #expect(state.lesson!.message?.text(in: .english) == "the lesson's defaults restored: lr 0.03→0.01")
        #expect(send(&state, keys(.character("d"))).isEmpty)
        #expect(state.lesson!.message?.text(in: .english) == "the knobs are at the lesson's defaults")
    }

    @Test func theChecksPanelShowsProgressTowardTheSelectedCheck() {
        var state = trainedState(width: 100, height: 30, steps: 50, changeAt: nil)
        send(&state, keys(.tab, .tab))
        let screen = screenText(state)
        #expect(screen.contains("now: accuracy 0."), "\(screen)")
        #expect(screen.contains("want > 0.95"))
    }
}

/// `rnnlab --fresh`: a lesson opens with its own settings, whatever was saved.
@Suite struct FreshStartTests {
    @Test func savedKnobsOpenTheLessonUnlessTheStartIsFresh() {
        for fresh in [false, true] {
            var state = fixtureState()
            state.savedKnobs = ["echo-lab": ["hidden": .number(2)]]
            state.opensWithLessonDefaults = fresh
            send(&state, keys(.enter))
            #expect(state.lesson!.requested["hidden"] == .number(fresh ? 8 : 2), "fresh \(fresh)")
            // What was saved is kept either way: nothing is erased.
            #expect(state.savedKnobs["echo-lab"]?["hidden"] == .number(2))
        }
    }
}
