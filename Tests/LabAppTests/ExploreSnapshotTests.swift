import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The new screens of exploring a run, as whole frames at 80×24 and 100×30:
/// a pinned run beside its variant, the inspect cursor on the hidden state,
/// the question before leaving; and the cursor over gate bands.
@Suite struct ExploreSnapshotTests {
    /// A pinned run at step 120, then a variant with 16 units trained 60 steps.
    static func pinnedState(width: Int, height: Int) -> AppState {
        var state = trainedState(width: width, height: height, steps: 120, running: false)
        send(&state, keys(.character("c")))
        send(&state, [.trainer(.changed(name: "hidden", value: .number(16), effect: .rebuild, step: 120)),
                      .trainer(readyEvent(state.lesson!.lesson, overrides: ["hidden": .number(16)]))])
        for step in 1...60 {
            send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0, loss: 1.2 * exp(-Double(step) / 90) + 0.1)))])
        }
        return state
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func pinnedRunBesideTheVariant(width: Int, height: Int) {
        let state = Self.pinnedState(width: width, height: height)
        // The legend names the pinned run by every setting that differs, whole (on a row of its own when the first is full).
        let name = PanelContext(state.lesson!, language: state.language).pinnedName(state.lesson!.pinned!)
        #expect(name.hasPrefix("pinned hidden 8, lr "), "\(name)")
        #expect(screenText(state).contains("━━ " + name), "\(screenText(state))")
        assertSnapshot(frame(state), named: "pinned-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func inspectTheHiddenState(width: Int, height: Int) {
        var state = trainedState(width: width, height: height, steps: 120, running: false)
        send(&state, keys(.character("i"), .tab, .tab, .right, .right, .down))
        #expect(screenText(state).contains("unit 1, t 2: "))
        assertSnapshot(frame(state), named: "inspect-\(width)x\(height)", styles: true)
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func theQuestionBeforeLeaving(width: Int, height: Int) {
        var state = trainedState(width: width, height: height, steps: 30, running: false)
        send(&state, keys(.tab, .tab, .character("v"), .character("q")))
        #expect(state.lesson!.confirmingLeave)
        assertSnapshot(frame(state), named: "leave-question-\(width)x\(height)")
    }

    @Test func theCursorOverGateBandsNamesTheGate() {
        let context = GateBandsTests.lstmContext()
        let area = Rect(x: 0, y: 0, width: 60, height: 9)
        let inspection = try! #require(registered(.gatesHeatmap).inspection(context, in: area))
        #expect(inspection.rows == 4 && inspection.columns == 4)
        // Row 2 is the candidate's first unit; t 3 holds 0.6, drawn in the candidate's band (rows 5…8).
        #expect(inspection.readout(2, 3).hasSuffix("gate g candidate, unit 0, t 3: 0.6"), "\(inspection.readout(2, 3))")
        let cell = try! #require(inspection.cells(2, 3).first)
        #expect(cell.y >= 5 && cell.y < 9)
        #expect(inspection.readout(1, 0).contains("gate i input, unit 1, t 0: 0.5"), "\(inspection.readout(1, 0))")
        // A click on that cell finds the same position.
        #expect(inspection.position(atX: cell.x, y: cell.y).map { $0.row / 2 == 1 && $0.column == 3 } == true)
    }
}
