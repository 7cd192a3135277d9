import LabText
@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// Presentation mode (`f`): the dashboard alone, as large as the screen
/// allows, for a projector at 80×24 to 100×30.
@Suite struct PresentationTests {
    func presenting(width: Int, height: Int) -> AppState {
        var state = trainedState(width: width, height: height)
        send(&state, keys(.character("f")))
        return state
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func theDashboardTakesTheWholeScreen(width: Int, height: Int) {
        let state = presenting(width: width, height: height)
        #expect(state.presenting)
        let layout = LessonLayout(width: width, height: height, lesson: state.lesson!.lesson, focus: .prose, presenting: true)
        #expect(layout.dashboard == Rect(x: 0, y: 1, width: width, height: height - 3))
        #expect(layout.prose == nil && layout.knobs == nil && layout.checks == nil && layout.tabs == nil)
        let screen = screenText(state)
        // No prose, no tabs; the run's status, the panels and the way back are there.
        #expect(!screen.contains("A recurrent network keeps") && !screen.contains("Knobs"))
        #expect(screen.contains("step 120") && screen.contains("train loss") && screen.contains("predictions"))
        #expect(screen.contains("f  lesson text"))
        assertSnapshot(frame(state), named: "presentation-\(width)x\(height)")
    }

    /// The loss plot is wider and taller than beside the prose.
    @Test func panelsGrowToTheScreen() {
        let normal = trainedState(width: 100, height: 30)
        let shown = presenting(width: 100, height: 30)
        func lossArea(_ s: AppState) -> Rect {
            let layout = LessonLayout(width: 100, height: 30, lesson: s.lesson!.lesson, focus: .prose, presenting: s.presenting)
            let body = layout.dashboard.inset(top: 1, left: 1)
            let placed = DashboardLayout.place(PanelRegistry.panels(of: s.lesson!.lesson), PanelContext(s.lesson!, language: .english), in: body)
            return placed.first { $0.0.id == .loss }!.1
        }
        let (before, after) = (lossArea(normal), lossArea(shown))
        #expect(after.width >= before.width + 35 && after.height >= before.height)
    }

    /// `f` and Esc leave it; the keys of the hidden parts wait; training keys work.
    @Test func keysInPresentationMode() {
        var state = presenting(width: 80, height: 24)
        let page = state.lesson!.page, focus = state.lesson!.focus
        #expect(send(&state, keys(.tab, .right, .pageDown, .down)).isEmpty)
        #expect(state.lesson!.page == page && state.lesson!.focus == focus)
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send pause"])
        send(&state, keys(.character("f")))
        #expect(!state.presenting)
        send(&state, keys(.character("f"), .escape))
        #expect(!state.presenting)
        // Kept from lesson to lesson, like a projector setting.
        send(&state, keys(.character("f"), .character("q"), .enter))
        #expect(state.presenting && state.screen == .lesson)
    }

    /// The help lists `f` at 80×24, and scrolled to its end, every other key down to Ctrl-C.
    @Test func helpListsTheKeyAt80x24() {
        var state = presenting(width: 80, height: 24)
        send(&state, keys(.character("?")))
        var seen = screenText(state)
        for _ in 0..<helpMaxScroll(state) {
            send(&state, keys(.down))
            seen += screenText(state)
        }
        #expect(seen.contains("presentation: the dashboard alone") && seen.contains("Ctrl-C"))
    }
}
