import LabText
@testable import LabApp
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
        var state = trainedState(steps: 124, running: false, changeAt: nil)
        send(&state, [.trainer(.report(fakeReport(step: 125, evaluate: true, accuracy: 0.97)))])
        send(&state, keys(.tab, .tab, .down))
        assertSnapshot(frame(state), named: "checks-80x24")
    }

    /// A one-run check judged on this run and not met: ✗, and the verdict in the status line.
    @Test func checkNotMetInThisRun() {
        var state = fixtureState()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson, overrides: ["hidden": .number(1)]))])
        for step in 1...100 { send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, accuracy: 0.7)))]) }
        send(&state, keys(.tab, .tab, .down))
        assertSnapshot(frame(state), named: "check-not-met-80x24")
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

    /// At every size the dashboard (its banner and a long failure too) stays inside its part of the
    /// lesson screen (drawn without a clip into a larger buffer, the margin stays
    /// blank), and the frame shows the lesson or says the terminal is too small.
    @Test func everySizeKeepsTheDashboardInItsPlace() {
        for (w, h) in [(0, 0), (1, 1), (59, 19), (60, 20), (70, 30), (80, 24), (81, 25), (120, 40), (200, 60)] {
            var state = trainedState(width: w, height: h, steps: 30)
            var diverged = state
            send(&diverged, [.trainer(.report(fakeReport(step: 31, loss: .nan))),
                             .trainer(.diverged(.loss(.nan), step: 31)), .trainer(.running(false))])
            var failed = state
            send(&failed, [.trainer(.failed(.verbatim(String(repeating: "the data set file is missing; ", count: 12))))])
            for ls in [state.lesson!, diverged.lesson!, failed.lesson!] {
                let layout = LessonLayout(width: w, height: h, lesson: ls.lesson, focus: ls.focus)
                let rect = Rect(x: 4, y: 3, width: layout.dashboard.width, height: layout.dashboard.height)
                var buffer = Buffer(width: rect.width + 9, height: rect.height + 7)
                drawDashboard(ls, language: .english, in: rect, buffer: &buffer)
                let stray = strayCells(buffer, outside: rect)
                #expect(stray.isEmpty, "dashboard at \(w)×\(h): \(stray.prefix(5))")
            }
            let screen = screenText(state)
            if state.isTooSmall {
                #expect(w < 20 || screen.contains("The terminal is too small"), "\(w)×\(h)")
            } else {
                #expect(screen.contains("Sequences and the simple RNN") && screen.contains("step 30"), "\(w)×\(h)")
            }
            send(&state, keys(.character("?")))
            #expect(frame(state).cells.count == w * h)
        }
    }
}
