import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The inspect cursor (`i`) on the panels that are not heatmaps of units or
/// plots: the attention map (output step, source step, weight), the
/// predictions table (sample, t, predicted and target) and the RTRL table
/// (each norm, difference and cost, also the columns a narrow panel drops).
@Suite struct InspectTablesTests {
    /// The screen cells drawn reversed inside the dashboard (right of `left`, between the status rows).
    static func reversed(_ state: AppState, left: Int) -> [(x: Int, y: Int, symbol: String)] {
        let buffer = frame(state)
        return (2..<(state.height - 2)).flatMap { y in (left..<state.width).map { (x: $0, y: y) } }
            .filter { buffer[$0.x, $0.y].style.attributes.contains(.reverse) }
            .map { ($0.x, $0.y, String(buffer[$0.x, $0.y].symbol)) }
    }

    /// `i`, then Tab until the cursor is on `panel` (fails after a full round).
    static func inspect(_ state: inout AppState, _ panel: PanelKind) {
        send(&state, keys(.character("i")))
        for _ in 0..<6 where state.lesson!.inspect?.panel != panel { send(&state, keys(.tab)) }
        #expect(state.lesson!.inspect?.panel == panel)
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func theAttentionMapReadsOutputStepSourceStepAndWeight(width: Int, height: Int) {
        var state = attentionState(width: width, height: height)
        Self.inspect(&state, .attention)
        let weight = { (v: Double) in PanelNumbers.value(Double(Float(v))) }
        // Output step 0 ("f") reads source step 0 ("a") first: weight 0.
        #expect(InspectTests.messageLine(state).hasSuffix("output step 0 (f) on source step 0 (a): weight 0"), "\(InspectTests.messageLine(state))")
        // Five steps right: the anti-diagonal's peak, the source's "f" for the output's "f".
        send(&state, keys(.right, .right, .right, .right, .right))
        #expect(InspectTests.messageLine(state).hasSuffix("output step 0 (f) on source step 5 (f): weight \(weight(0.8))"))
        // One down: output step 1 ("e") on source step 5, a neighbour of its peak.
        send(&state, keys(.down))
        #expect(InspectTests.messageLine(state).hasSuffix("output step 1 (e) on source step 5 (f): weight \(weight(0.05))"))
        // The cursor covers that step's block of the map, and nothing else.
        let cells = Self.reversed(state, left: 36)
        #expect(!cells.isEmpty && Set(cells.map(\.y)).count <= 2, "\(cells)")
        // Far right and far down stop at the last steps.
        send(&state, Array(repeating: AppMessage.key(.down), count: 10))
        #expect(InspectTests.messageLine(state).contains("output step 5 (a) on source step 5 (f)"))
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func thePredictionsTableReadsSampleStepPredictedAndTarget(width: Int, height: Int) {
        var state = attentionState(width: width, height: height)
        Self.inspect(&state, .predictions)
        #expect(InspectTests.messageLine(state).hasSuffix("sample 0, t 0: predicted f, target f"), "\(InspectTests.messageLine(state))")
        // The second sample's second step is wrong: b where c was wanted.
        send(&state, keys(.down, .right))
        #expect(InspectTests.messageLine(state).hasSuffix("sample 1, t 1: predicted b, target c"), "\(InspectTests.messageLine(state))")
        // The cursor is on that "b" and on the "c" under it.
        let cells = Self.reversed(state, left: 36)
        #expect(cells.map(\.symbol).sorted() == ["b", "c"], "\(cells)")
        #expect(cells.count == 2 && cells[0].x == cells[1].x && cells[1].y == cells[0].y + 1, "\(cells)")
        // Past a sample's end the cursor stays on its last step.
        send(&state, Array(repeating: AppMessage.key(.right), count: 9))
        #expect(InspectTests.messageLine(state).hasSuffix("sample 1, t 3: predicted a, target a"))
    }

    /// The BPTT/RTRL lesson fixture at `width`×`height`.
    static func rtrlState(width: Int, height: Int) -> AppState {
        var state = clippedState(panels: "[loss, rtrl]")
        send(&state, [.resize(width: width, height: height), .trainer(.running(false))])
        return state
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func theRTRLTableReadsEveryCellEvenTheDroppedNorms(width: Int, height: Int) {
        var state = Self.rtrlState(width: width, height: height)
        Self.inspect(&state, .rtrl)
        let title = Language.english(.panel(.rtrlTitle))
        // It starts on the first parameter's relative difference.
        #expect(InspectTests.messageLine(state) == "\(title): weight_hh_l0, rel. diff: 2e-7", "\(InspectTests.messageLine(state))")
        // Left twice: the BPTT norm, read even where the panel is too narrow to show it.
        send(&state, keys(.left, .left))
        #expect(InspectTests.messageLine(state) == "\(title): weight_hh_l0, ‖g‖ BPTT: 0.5")
        // At 100×30 the parameter's row is drawn, so its name is highlighted; at 80×24 the panel is too short for it.
        #expect(Self.reversed(state, left: 36).isEmpty == (width == 80))
        // Down: the RTRL cost row at the first size, then the fitted exponent at the end of the row.
        send(&state, keys(.down))
        #expect(InspectTests.messageLine(state) == "\(title): RTRL at H=16: 0.03 (ms per step)", "\(InspectTests.messageLine(state))")
        send(&state, keys(.end))
        #expect(InspectTests.messageLine(state) == "\(title): RTRL, ms per step: ~H^3", "\(InspectTests.messageLine(state))")
        send(&state, keys(.down, .home, .right))
        #expect(InspectTests.messageLine(state) == "\(title): BPTT at H=32: 4e-3 (ms per step)", "\(InspectTests.messageLine(state))")
        // The cursor is on the value it reads.
        #expect(Self.reversed(state, left: 36).map(\.symbol).joined() == PanelNumbers.value(0.004))
    }

    /// At 80×24 the cost columns are narrow; counts such as 3.25e6 must not run into their neighbours.
    @Test func narrowCostColumnsKeepAGapBetweenValues() throws {
        var context = panelContext(clippedState(panels: "[loss, rtrl]"))
        for (name, value) in [("rtrl_macs_16", 3.25e6), ("rtrl_macs_32", 4.24e7), ("rtrl_macs_64", 6.06e8), ("rtrl_mac_growth", 3.8),
                              ("bptt_macs_16", 29_700), ("bptt_macs_32", 109_000), ("bptt_macs_64", 414_000), ("bptt_mac_growth", 1.9)] {
            context.run.measurements.append(Metric(try #require(MetricKind.known(name)), value))
        }
        var buffer = Buffer(width: 30, height: 14)
        RTRLPanel().draw(context, in: buffer.bounds, buffer: &buffer)
        let text = (0..<buffer.height).map { y in String((0..<buffer.width).map { buffer[$0, y].symbol }) }.joined(separator: "\n")
        // Too narrow for the full form: the compact one, two digits, each value apart from the next.
        #expect(text.contains("3.3e6 4.2e7 6.1e8 ~H^3.8"), "\(text)")
        // Nothing under the heading is cut (the heading itself may be: the readout names it whole).
        #expect(!text.contains("3.3e64") && !text.split(separator: "\n").dropFirst().contains { $0.contains("…") }, "\(text)")
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func snapshots(width: Int, height: Int) {
        var attention = attentionState(width: width, height: height)
        Self.inspect(&attention, .attention)
        send(&attention, keys(.right, .right, .right, .right, .down))
        assertSnapshot(frame(attention), named: "inspect-attention-\(width)x\(height)", styles: true)
        var predictions = attentionState(width: width, height: height)
        Self.inspect(&predictions, .predictions)
        send(&predictions, keys(.down, .right))
        assertSnapshot(frame(predictions), named: "inspect-predictions-\(width)x\(height)", styles: true)
        var rtrl = Self.rtrlState(width: width, height: height)
        Self.inspect(&rtrl, .rtrl)
        send(&rtrl, keys(.left, .left))
        assertSnapshot(frame(rtrl), named: "inspect-rtrl-\(width)x\(height)", styles: true)
    }
}
