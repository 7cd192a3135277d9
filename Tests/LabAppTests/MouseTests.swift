@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The mouse as btop and lazygit users expect it: a click selects a lesson
/// (a second opens it), focuses a tab, selects a knob or a check, or puts the
/// inspect cursor on a heatmap cell; the wheel scrolls. The keys stay complete.
@Suite struct MouseTests {
    /// The row and column where `text` first appears on the screen.
    /// Only the first `columns` columns are searched when given (the lesson screen's left part).
    static func find(_ text: String, in state: AppState, columns: Int = .max) -> (x: Int, y: Int)? {
        for (y, line) in screenText(state).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let part = line.prefix(columns)
            if let r = part.range(of: text) { return (part.distance(from: part.startIndex, to: r.lowerBound), y) }
        }
        return nil
    }

    @Test func aClickSelectsALessonAndASecondClickOpensIt() throws {
        var state = fixtureState(width: 100, height: 30)
        let row = try #require(Self.find("Vanishing and exploding", in: state))
        #expect(send(&state, [.key(.click(x: row.x, y: row.y))]).isEmpty)
        #expect(state.homeSelection == 1 && state.screen == .home)
        let effects = send(&state, [.key(.click(x: row.x, y: row.y))])
        #expect(state.screen == .lesson && state.lesson?.lesson.id == "vanishing")
        #expect(effects.map(\.summary).contains("start echo"))
    }

    @Test func aClickOnAChapterHeadingOrTheSummaryDoesNothingAndTheWheelMoves() throws {
        var state = fixtureState(width: 100, height: 30)
        let heading = try #require(Self.find("2. Gradients through time", in: state))
        send(&state, [.key(.click(x: heading.x, y: heading.y))])
        #expect(state.homeSelection == 0 && state.screen == .home)
        send(&state, [.key(.wheel(up: false, x: 10, y: 10))])
        #expect(state.homeSelection == 1)
        send(&state, [.key(.wheel(up: true, x: 10, y: 10)), .key(.wheel(up: true, x: 10, y: 10))])
        #expect(state.homeSelection == 0)
    }

    @Test func aClickOnATabAKnobAndACheck() throws {
        // 100×30: the left part is tabbed.
        var state = trainedState(width: 100, height: 30, steps: 30, running: false)
        let tab = try #require(Self.find(" Knobs ", in: state))
        send(&state, [.key(.click(x: tab.x + 2, y: tab.y))])
        #expect(state.lesson!.focus == .knobs)
        let knob = try #require(Self.find("hidden", in: state, columns: 40))
        send(&state, [.key(.click(x: knob.x, y: knob.y))])
        #expect(state.lesson!.selectedKnob == 2, "hidden is the third knob")
        send(&state, [.key(.wheel(up: false, x: knob.x, y: knob.y))])
        #expect(state.lesson!.selectedKnob == 3)
        let checks = try #require(Self.find(" Checks ", in: state))
        send(&state, [.key(.click(x: checks.x + 2, y: checks.y))])
        #expect(state.lesson!.focus == .checks)
        let check = try #require(Self.find("With one hidden unit", in: state, columns: 40))
        send(&state, [.key(.click(x: check.x, y: check.y))])
        #expect(state.lesson!.selectedCheck == 1)
    }

    @Test func theWheelScrollsTheProseAndAClickOnTheHeatmapInspectsThatCell() throws {
        // 60×20: the fixture's first page is taller than the prose frame.
        var small = trainedState(width: 60, height: 20, steps: 30, running: false)
        let prose = try #require(Self.find("recurrent network", in: small))
        #expect(small.lesson!.maxProseScroll(width: 60, height: 20) > 0)
        send(&small, [.key(.wheel(up: false, x: prose.x, y: prose.y))])
        #expect(small.lesson!.scroll == min(wheelLines, small.lesson!.maxProseScroll(width: 60, height: 20)))
        #expect(small.lesson!.scroll > 0)
        send(&small, [.key(.wheel(up: true, x: prose.x, y: prose.y))])
        #expect(small.lesson!.scroll == 0)
        var state = trainedState(width: 100, height: 30, steps: 30, running: false)
        // The hidden heatmap's cell for unit 0, t 0 is the first cell under its title.
        let title = try #require(Self.find("hidden h_t", in: state))
        send(&state, [.key(.click(x: title.x, y: title.y + 1))])
        #expect(state.lesson!.inspect == InspectCursor(panel: .hiddenHeatmap, row: 0, column: 0))
        #expect(screenText(state).contains("unit 0, t 0: "))
    }

    @Test func theMouseWaitsWhileABoxAsks() {
        var state = trainedState(width: 100, height: 30, steps: 30, running: false)
        send(&state, keys(.character("n")))
        send(&state, [.key(.click(x: 1, y: 1)), .key(.wheel(up: false, x: 50, y: 10))])
        #expect(state.lesson!.stepsPrompt != nil && state.lesson!.focus == .prose)
    }
}
