@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The gates heatmap: one band per gate, each named and on its own scale; the
/// radius label names its matrix; the RTRL table at a dashboard's width.
@Suite struct GateBandsTests {
    /// 2 gates × 2 units × 4 steps: the input gate barely moves (0.40…0.50),
    /// the candidate swings over −0.8…0.6.
    static func lstmContext() -> PanelContext {
        var context = panelContext(trainedState())
        let input = [0.40, 0.42, 0.44, 0.46, 0.50, 0.48, 0.45, 0.41]
        let candidate = [-0.8, -0.2, 0.1, 0.6, 0.3, -0.5, 0.0, 0.2]
        context.run.probes?[.gates] = .grid(Grid(rows: 4, columns: 4, values: input + candidate, rowGroups: ["input", "cell"]))
        return context
    }

    @Test func eachGateHasItsOwnBandNameAndScale() {
        var buffer = Buffer(width: 60, height: 9)
        registered(.gatesHeatmap).draw(Self.lstmContext(), in: buffer.bounds, buffer: &buffer)
        let rows = (0..<9).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[0].hasPrefix("gates, each on its own scale: units × t (step 120)"))
        // Two bands of four rows under the heading: the name at the left, the range at the right.
        #expect(rows[1].hasPrefix("i input "))
        #expect(rows[1].contains(" 0.4…0.5"))
        #expect(rows[5].hasPrefix("g candidate "))
        #expect(rows[5].contains("0.8…0.6"))
        // The sigmoid band spans its own range: its lowest value takes the scale's first colour.
        let low = buffer[12, 1].style.background, high = buffer[12 + 3 * 9, 1].style.background
        #expect(low != nil && high != nil && low != high)
    }

    @Test func theRadiusLabelNamesItsMatrix() {
        var probes = ProbeSet(step: 1, values: [.spectralRadii: .series([0.9])])
        #expect(radiusMatrix(probes) == "W_hh")
        probes[.gates] = .grid(Grid(rows: 4, columns: 1, values: [0, 0, 0, 0], rowGroups: ["input", "forget", "cell", "output"]))
        #expect(radiusMatrix(probes) == "W_hi")
        probes[.gates] = .grid(Grid(rows: 3, columns: 1, values: [0, 0, 0], rowGroups: ["reset", "update", "new"]))
        #expect(radiusMatrix(probes) == "W_hr")
        var buffer = Buffer(width: 60, height: 10)
        registered(.gradientNorms).draw(panelContext(trainedState()), in: buffer.bounds, buffer: &buffer)
        #expect(text(of: buffer, in: buffer.bounds).contains("ρ(W_hh) 0.9"))
    }

    /// At 100×30 the lesson's RTRL panel is about 30 columns wide: the relative
    /// difference and the growth exponents must still show, uncut.
    @Test func theRTRLTableKeepsItsPointWhenNarrow() {
        let context = panelContext(clippedState(panels: "[loss, rtrl]"))
        var buffer = Buffer(width: 30, height: 12)
        registered(.rtrl).draw(context, in: buffer.bounds, buffer: &buffer)
        let shown = text(of: buffer, in: buffer.bounds)
        #expect(shown.contains("rel. diff"))
        #expect(!shown.contains("‖g‖ BPTT"))
        #expect(shown.contains("all: rel. diff"))
        assertSnapshot(buffer, named: "panel-rtrl-narrow-30x12")
    }
}

/// The attention map shows the sentence only: no rows after `<eos>`, no padding columns.
@Suite struct AttentionTrimTests {
    @Test func rowsAfterTheEndAndPaddingColumnsAreLeftOut() {
        let grid = Grid(rows: 4, columns: 4, values: (0..<16).map(Double.init),
                        rowLabels: ["b", "a", "<eos>", "<eos>"], columnLabels: ["a", "b", "<pad>", "<pad>"])
        let trimmed = trimmedAttention(grid)
        #expect(trimmed.rows == 3 && trimmed.columns == 2)
        #expect(trimmed.values == [0, 1, 4, 5, 8, 9])
        #expect(trimmed.rowLabels == ["b", "a", "<eos>"] && trimmed.columnLabels == ["a", "b"])
    }

    @Test func aGridWithoutLabelsOrPaddingIsKeptWhole() {
        let plain = Grid(rows: 2, columns: 2, values: [1, 2, 3, 4])
        #expect(trimmedAttention(plain) == plain)
        let full = Grid(rows: 2, columns: 2, values: [1, 2, 3, 4], rowLabels: ["a", "b"], columnLabels: ["b", "a"])
        #expect(trimmedAttention(full) == full)
    }
}

extension GateBandsTests {
    /// In lesson 4's dashboard at 100×30 the panel is about 15 columns wide: the
    /// names shrink to the equations' letters so the map keeps its columns.
    @Test func aNarrowPanelKeepsItsMapWithLetters() {
        var buffer = Buffer(width: 15, height: 9)
        registered(.gatesHeatmap).draw(Self.lstmContext(), in: buffer.bounds, buffer: &buffer)
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("i "))
        #expect(text(of: buffer, in: buffer.bounds.row(5)).hasPrefix("g "))
        #expect(buffer[2, 1].style.background != nil && buffer[13, 1].style.background != nil)
    }
}
