@testable import LabApp
import LabText
import RNNLab
import Testing

/// The edges of a knob: the learning rate `L` may not push below the knob's
/// range, and a typed value equal to the current one is not called a limit.
@Suite struct KnobLimitsTests {
    /// `L` asks for a tenth of the rate, floored at the bottom of the lesson's
    /// knob (0.0001 in the fixture), and says so when the floor holds the rate.
    @Test func lowerLearningRateStopsAtTheKnobsRange() {
        var state = trainedState(steps: 40)
        send(&state, [.trainer(.diverged(.loss(.nan), step: 41)), .trainer(.running(false))])
        let effects = send(&state, keys(.character("L")))
        guard effects.count == 1, case .send(.lowerLearningRate(let floor)) = effects[0] else {
            Issue.record("\(effects.map(\.summary))"); return
        }
        #expect(floor == 0.0001)
        send(&state, [.trainer(.rolledBack(step: 25, learningRate: 0.001))])
        #expect(state.lesson?.message?.text(in: .english) == "rolled back to step 25, learning rate now 0.001; Space resumes")
        // Lowered onto the floor: that is a lowering like any other.
        send(&state, [.trainer(.diverged(.loss(.nan), step: 30)), .trainer(.running(false))])
        send(&state, [.trainer(.rolledBack(step: 25, learningRate: 0.0001))])
        #expect(state.lesson?.message?.text(in: .english) == "rolled back to step 25, learning rate now 0.0001; Space resumes")
        // Already there: held, and the message says so.
        send(&state, [.trainer(.diverged(.loss(.nan), step: 30)), .trainer(.running(false))])
        send(&state, [.trainer(.rolledBack(step: 25, learningRate: 0.0001))])
        #expect(state.lesson?.message?.phrase.key == .dashboard(.rolledBackAtFloor))
        #expect(state.lesson?.message?.text(in: .english)
            == "rolled back to step 25; learning rate 0.0001 at its floor: try another knob")
    }

    /// Typing the value a knob already has says only that; → at the top of the
    /// range names the range (that value is a limit).
    @Test func anUnchangedTypedValueIsNotCalledALimit() {
        var state = trainedState(steps: 3)
        send(&state, keys(.tab))
        #expect(send(&state, keys(.character("1"), .character("e"), .character("-"), .character("2"), .enter)).isEmpty)
        #expect(state.lesson?.message?.text(in: .english) == "learning_rate is already 0.01")
        #expect(state.lesson?.message?.isError != true)
        send(&state, keys(.character("1"), .enter))  // the top of 0.0001…1
        send(&state, [.trainer(.changed(name: "learning_rate", value: .number(1), effect: .live, step: 3))])
        #expect(send(&state, keys(.right)).isEmpty)
        #expect(state.lesson?.message?.text(in: .english) == "learning_rate is already 1 (limit of 0.0001…1 log)")
    }
}
