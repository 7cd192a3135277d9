@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// Leaving a lesson throws its model away and stops a background verification:
/// with a verification running, or after a long run, `q` asks first.
@Suite struct LeaveQuestionTests {
    @Test func qAsksWhileAVerificationRunsAndNStays() {
        var state = trainedState(width: 100, height: 30, steps: 30, running: false)
        send(&state, keys(.tab, .tab))
        #expect(send(&state, keys(.character("v"))).map(\.summary) == ["verify echo-3"])
        #expect(send(&state, keys(.character("q"))).isEmpty)
        #expect(state.screen == .lesson && state.lesson!.confirmingLeave)
        let screen = screenText(state)
        #expect(screen.contains("Leave the lesson?") && screen.contains("echo-3 is verifying in the background"), "\(screen)")
        #expect(screen.contains("y leave") && screen.contains("n stay"))
        // Other keys wait; n stays, with the verification going on.
        #expect(send(&state, keys(.character(" "), .character("n"))).isEmpty)
        #expect(state.screen == .lesson && !state.lesson!.confirmingLeave && state.lesson!.verification != nil)
        // q then y leaves, and the trainer stops.
        send(&state, keys(.character("q")))
        #expect(send(&state, keys(.character("y"))).map(\.summary) == ["stop"])
        #expect(state.screen == .home && state.lesson == nil)
    }

    @Test func aShortRunLeavesAtOnceALongOneAsks() {
        var state = trainedState(width: 100, height: 30, steps: 30, running: true)
        // trainedState's run ticked for 30/40 s: short.
        #expect(state.lesson!.run.trainingSeconds < longRunSeconds)
        #expect(send(&state, keys(.character("q"))).map(\.summary) == ["stop"])
        #expect(state.screen == .home)
        // Open again, run for a minute of ticks.
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson)), .trainer(.running(true))])
        for s in 1...61 { send(&state, [.trainer(.report(fakeReport(step: s))), .tick(seconds: 100 + Double(s))]) }
        #expect(abs(state.lesson!.run.trainingSeconds - 60) < 1e-9)
        send(&state, keys(.character("q")))
        #expect(state.lesson!.confirmingLeave)
        #expect(screenText(state).contains("The run has trained 61 steps"))
        // Esc stays; paused time does not count.
        send(&state, keys(.escape))
        #expect(state.screen == .lesson && !state.lesson!.confirmingLeave)
        send(&state, [.trainer(.running(false)), .tick(seconds: 500)])
        #expect(abs(state.lesson!.run.trainingSeconds - 60) < 1e-9)
        send(&state, keys(.character("q"), .enter))
        #expect(state.screen == .home)
    }
}
