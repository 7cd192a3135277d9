import LabApp
import RNNLab
import TerminalUI
import Testing

/// Whole frames drawn by `view`, compared with the text files in `__Snapshots__`.
@Suite struct ViewTests {
    @Test func homeWithWelcome() {
        assertSnapshot(frame(fixtureState(firstStart: true)), named: "home-80x24")
    }

    @Test func lessonTraining80x24() {
        assertSnapshot(frame(trainedState()), named: "lesson-80x24")
    }

    @Test func lessonTraining120x40() {
        assertSnapshot(frame(trainedState(width: 120, height: 40)), named: "lesson-120x40")
    }

    @Test func lessonBeforeTheFirstStep() {
        var state = fixtureState()
        send(&state, keys(.enter))
        assertSnapshot(frame(state), named: "lesson-building-80x24")
    }

    @Test func knobEditing() {
        var state = trainedState(running: false)
        send(&state, keys(.tab, .down, .down, .enter, .backspace, .character("3"), .character("2")))
        assertSnapshot(frame(state), named: "knob-editing-80x24")
    }

    @Test func knobRefused() {
        var state = trainedState(running: false)
        send(&state, keys(.tab, .enter, .backspace, .backspace, .backspace, .backspace, .character("9"), .enter))
        assertSnapshot(frame(state), named: "knob-refused-80x24")
    }

    @Test func checksList() {
        var state = trainedState(running: false)
        send(&state, [.trainer(.report(fakeReport(step: 121, evaluate: true, accuracy: 0.97)))])
        send(&state, keys(.tab, .tab, .down))
        assertSnapshot(frame(state), named: "checks-80x24")
    }

    @Test func help() {
        var state = trainedState()
        send(&state, keys(.character("?")))
        assertSnapshot(frame(state), named: "help-80x24")
    }

    @Test func divergenceBanner() {
        var state = trainedState(steps: 80)
        send(&state, [.trainer(.report(fakeReport(step: 81, loss: .nan))),
                      .trainer(.diverged(.loss(.nan), step: 81)), .trainer(.running(false))])
        assertSnapshot(frame(state), named: "diverged-80x24")
    }

    @Test func tooSmall() {
        var state = trainedState(steps: 3)
        send(&state, [.resize(width: 50, height: 12)])
        assertSnapshot(frame(state), named: "too-small-50x12")
    }

    @Test func noColorKeepsTheFrameReadable() {
        let buffer = frame(trainedState(), capabilities: .monochrome)
        #expect(buffer.cells.allSatisfy { $0.style.foreground == nil && $0.style.background == nil })
        assertSnapshot(buffer, named: "lesson-monochrome-80x24")
    }

    @Test func narrowTerminalStacksProseOverDashboard() {
        assertSnapshot(frame(trainedState(width: 70, height: 30)), named: "lesson-stacked-70x30")
    }

    @Test func everySizeDrawsWithoutCrashing() {
        for (w, h) in [(0, 0), (1, 1), (59, 19), (60, 20), (80, 24), (81, 25), (200, 60)] {
            var state = trainedState(width: w, height: h, steps: 30)
            _ = frame(state)
            send(&state, keys(.character("?")))
            _ = frame(state)
        }
    }
}
