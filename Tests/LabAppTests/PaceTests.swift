import LabApp
import LabText
@testable import RNNLab
import Testing

/// The pace of training: `[` and `]` move along the ladder of speed limits,
/// `n` runs a typed number of steps and pauses, and the screen says which.
@Suite struct PaceTests {
    @Test func bracketsMoveAlongTheLadderAndTellTheTrainer() {
        var state = trainedState(steps: 3, running: true)
        // Full speed is the top: `]` says so and sends nothing.
        #expect(send(&state, keys(.character("]"))).isEmpty)
        #expect(state.lesson!.message?.text(in: .english).hasPrefix("pace: full speed") == true)
        #expect(send(&state, keys(.character("["))).map(\.summary) == ["send pace 500"])
        #expect(send(&state, keys(.character("["), .character("["))).map(\.summary) == ["send pace 200", "send pace 100"])
        #expect(send(&state, keys(.character("]"))).map(\.summary) == ["send pace 200"])
        #expect(state.lesson!.pace == Pace(stepsPerSecond: 200))
    }

    @Test func theSlowestPaceIsOneStepASecondAndTheStatusLineShowsTheLimit() {
        var state = trainedState(width: 100, height: 30, steps: 3, running: true)
        #expect(!screenText(state).contains("≤"))
        let sent = send(&state, Array(repeating: AppMessage.key(.character("[")), count: 12)).map(\.summary)
        #expect(sent.count == 9 && sent.last == "send pace 1", "\(sent)")
        #expect(state.lesson!.pace == Pace(stepsPerSecond: 1))
        let screen = screenText(state)
        #expect(screen.contains("≤ 1/s"), "\(screen)")
        #expect(screen.contains("pace: limited to 1/s"))
    }

    @Test func nRunsTheTypedNumberOfSteps() {
        var state = trainedState(steps: 3, running: false)
        send(&state, keys(.character("n")))
        #expect(screenText(state).contains("run how many steps, then pause? 100"))
        // The offered 100 is replaced by typing after deleting it.
        send(&state, keys(.backspace, .backspace, .backspace, .character("2"), .character("5"), .character("0")))
        #expect(send(&state, keys(.enter)).map(\.summary) == ["send run 250"])
        #expect(state.lesson!.stepsPrompt == nil)
        #expect(state.lesson!.countedSteps == 250)
        #expect(state.lesson!.pending.running == true)
        // Space after it pauses the counted run, since it was asked to run.
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send pause"])
    }

    @Test func nRefusesWhatIsNotAStepCountWithTheRange() {
        var state = trainedState(steps: 3, running: false)
        send(&state, keys(.character("n"), .backspace, .backspace, .backspace, .character("0")))
        #expect(send(&state, keys(.enter)).isEmpty)
        #expect(state.lesson!.message?.text(in: .english) == "0 steps is out of range 1…1000000")
        send(&state, keys(.character("n"), .backspace, .backspace, .backspace, .character("x")))
        #expect(send(&state, keys(.enter)).isEmpty)
        #expect(state.lesson!.message?.text(in: .english) == "x is not a whole number of steps")
        // Esc closes the prompt without running; `?` typed into it does not open the help.
        send(&state, keys(.character("n"), .character("?")))
        #expect(!state.showHelp)
        #expect(send(&state, keys(.escape)).isEmpty && state.lesson!.stepsPrompt == nil)
    }
}
