import Foundation
@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// The outline of `- - 3 4 - 5 1`, one row per node in prefix order, indented
/// by depth, with 8 units of made-up states (the root's all positive).
func treeProbes(step: Int) -> ProbeSet {
    let labels = ["-", " -", "  3", "  4", " -", "  5", "  1"]
    var values: [Double] = []
    for r in 0..<labels.count {
        for u in 0..<8 { values.append(r == 0 ? 0.9 : sin(Double(r * 3 + u) + Double(step) / 50)) }
    }
    return ProbeSet(step: step, values: [.treeStates: .grid(Grid(rows: labels.count, columns: 8, values: values, rowLabels: labels))])
}

/// The fixture lesson showing the loss and the tree panel, trained 120 fake steps.
func treeState(width: Int = 80, height: Int = 24, probes: Bool = true) -> AppState {
    let text = fixtureLessonText.replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]",
                                                      with: "panels: [loss, tree_states]")
    var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: width, height: height)
    send(&state, keys(.enter))
    send(&state, [.trainer(readyEvent(state.lesson!.lesson)), .trainer(.running(true)), .tick(seconds: 0)])
    for step in 1...120 {
        var report = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
        if report.probes != nil { report.probes = probes ? treeProbes(step: step) : ProbeSet(step: step, values: [:]) }
        send(&state, [.trainer(.report(report)), .tick(seconds: Double(step) / 40)])
    }
    return state
}

@Suite struct TreeStatesPanelTests {
    func draw(_ context: PanelContext, width: Int = 48, height: Int = 12) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        registered(.treeStates).draw(context, in: buffer.bounds, buffer: &buffer)
        return buffer
    }

    @Test func theOutlineAndItsStates80x24() {
        assertSnapshot(frame(treeState(), capabilities: .monochrome), named: "tree-states-80x24")
    }

    @Test func theOutlineAndItsStates100x30() {
        assertSnapshot(frame(treeState(width: 100, height: 30), capabilities: .monochrome), named: "tree-states-100x30")
    }

    @Test func everyNodeHasARowLabelledByItsTokenIndentedByDepth() {
        let buffer = draw(panelContext(treeState()))
        assertSnapshot(buffer, named: "panel-tree_states-48x12", styles: true)
        #expect(text(of: buffer, in: buffer.bounds.row(0)).hasPrefix("tree: node states, nodes × units"))
        let labels = (1...7).map { text(of: buffer, in: Rect(x: 0, y: $0, width: 4, height: 1)) }
        #expect(labels == ["-", " -", "  3", "  4", " -", "  5", "  1"].map { $0.padding(toLength: 4, withPad: " ", startingAt: 0) })
        // The root's states are all +0.9, the top of the diverging scale: one colour across
        // its row (8 units of 5 cells each, after the 4 columns of labels).
        let root = (4..<44).map { buffer[$0, 1].style }
        #expect(Set(root).count == 1)
    }

    @Test func aShortPanelSaysHowManyNodesItLeftOut() {
        let buffer = draw(panelContext(treeState()), height: 6)
        // Title, 4 rows (the last saying "…4 more"), legend.
        #expect(text(of: buffer, in: buffer.bounds.row(4)).hasPrefix("…4"))
        #expect(text(of: buffer, in: buffer.bounds.row(3)).hasPrefix("  3"))
    }

    @Test func withoutATreeModelItSaysWhy() {
        let buffer = draw(panelContext(treeState(probes: false)))
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("no tree"))
    }
}
