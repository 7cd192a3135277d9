@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// Each panel alone in a small area, from the fixtures, so a change to one
/// panel's layout shows as a small diff in `__Snapshots__/panel-*.txt`.
/// Heatmaps are colour, so their snapshots keep the style layer too.
@Suite struct PanelSnapshotTests {
    /// `panel` drawn into a 48×12 buffer.
    func draw(_ id: PanelKind, _ context: PanelContext, width: Int = 48, height: Int = 12) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        registered(id).draw(context, in: buffer.bounds, buffer: &buffer)
        return buffer
    }

    @Test func loss() {
        assertSnapshot(draw(.loss, panelContext(trainedState())), named: "panel-loss-48x12")
    }

    @Test func gradientNorms() {
        let buffer = draw(.gradientNorms, panelContext(trainedState()))
        assertSnapshot(buffer, named: "panel-gradient_norms-48x12")
        #expect(text(of: buffer, in: buffer.bounds).contains("ρ(W_hh) 0.9"))
    }

    @Test func hiddenHeatmap() {
        assertSnapshot(draw(.hiddenHeatmap, panelContext(trainedState())), named: "panel-hidden_heatmap-48x12", styles: true)
    }

    @Test func gatesHeatmap() {
        var context = panelContext(trainedState())
        var gates = context.run.probes!.gates
        gates.rowGroups = ["r", "z"]
        context.run.probes?[.gates] = .grid(gates)
        let buffer = draw(.gatesHeatmap, context)
        assertSnapshot(buffer, named: "panel-gates_heatmap-48x12", styles: true)
        #expect(text(of: buffer, in: buffer.bounds.row(0)).hasPrefix("gates, each on its own scale: units × t"))
    }

    @Test func cellHeatmap() {
        var context = panelContext(trainedState())
        let hidden = context.run.probes!.hidden
        context.run.probes?[.cell] = .grid(hidden)
        assertSnapshot(draw(.cellHeatmap, context), named: "panel-cell_heatmap-48x12", styles: true)
        // A cell without a cell state says so.
        let simple = draw(.cellHeatmap, panelContext(trainedState()))
        #expect(text(of: simple, in: simple.bounds.row(1)).hasPrefix("nothing to show for this cell"))
    }

    @Test func predictionsInColour() {
        let buffer = draw(.predictions, panelContext(trainedState()))
        assertSnapshot(buffer, named: "panel-predictions-48x12", styles: true)
        // "predicted A B D A C …  target A B D A D …": the fifth symbol is wrong, the others right.
        let row = (0..<48).map { buffer[$0, 1] }
        #expect(row[7].symbol == "A" && row[7].style == LabTheme.goodDim)
        #expect(row[15].symbol == "C" && row[15].style == LabTheme.error)
    }

    @Test func parameterGradients() {
        assertSnapshot(draw(.parameterGradients, panelContext(trainedState())), named: "panel-parameter_gradients-48x12")
    }

    @Test func attention() {
        assertSnapshot(draw(.attention, panelContext(attentionState())), named: "panel-attention-48x12", styles: true)
    }

    @Test func gradientHistory() {
        assertSnapshot(draw(.gradientHistory, panelContext(clippedState())), named: "panel-gradient_history-48x12")
    }

    @Test func metric() {
        assertSnapshot(draw(.metric, panelContext(clippedState())), named: "panel-metric-48x12")
    }

    @Test func rtrl() {
        let buffer = draw(.rtrl, panelContext(clippedState(panels: "[loss, rtrl]")))
        assertSnapshot(buffer, named: "panel-rtrl-48x12")
        #expect(buffer[0, 3].symbol == "a" && buffer[0, 3].style == LabTheme.goodDim)   // "all: rel. diff 2e-7" under 1e-4
    }

    @Test func rtrlDisagreementInTheErrorStyle() {
        var context = panelContext(clippedState(panels: "[loss, rtrl]"))
        context.run.gradientComparison = GradientComparison(
            rows: [.init(name: "weight_hh_l0", bptt: 0.5, rtrl: 0.51, difference: 0.0196),
                   .init(name: "权重_ih", bptt: 0.25, rtrl: 0.25, difference: 0)],
            difference: 0.0196)
        let buffer = draw(.rtrl, context)
        assertSnapshot(buffer, named: "panel-rtrl-error-48x12", styles: true)
        #expect(buffer[0, 4].symbol == "a" && buffer[0, 4].style == LabTheme.error)
        // A name with wide characters keeps the columns aligned: both values start at column 14.
        #expect(buffer[0, 3].symbol == "权" && buffer[0, 3].isWide)
        #expect(buffer[13, 2].symbol == " " && buffer[14, 2].symbol == "0" && buffer[15, 2].symbol == ".")
        #expect(buffer[13, 3].symbol == " " && buffer[14, 3].symbol == "0" && buffer[15, 3].symbol == ".")
    }

    @Test func compare() {
        assertSnapshot(draw(.compare, panelContext(compareState()), width: 60), named: "panel-compare-60x12")
    }
}
