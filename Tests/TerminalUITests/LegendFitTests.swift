import Testing
import TerminalUI

/// A one-row legend too narrow for every entry (issue 19, ux19b): short names
/// first, then ranked entries leave, highest rank first; unranked entries
/// always stay; when everything fits, nothing changes.
@Suite struct LegendFitTests {
    func legendRow(_ plot: LinePlot, width: Int) -> String {
        var buffer = Buffer(width: width, height: 10)
        buffer.render(plot, in: buffer.bounds)
        return String((0..<width).map { buffer[$0, 0].symbol })
    }

    func plot(truthRank: Int? = nil) -> LinePlot {
        let values = (0..<40).map { 50 + 40 * Double($0 % 7) }
        var truth = PlotSeries(name: "truth", values: values, color: .cyan)
        truth.legendRank = truthRank
        var model = PlotSeries(name: "forecast", values: values.map { $0 + 5 }, color: .yellow)
        model.shortName = "model"
        var last = PlotSeries(name: "last value", values: values.map { $0 - 5 }, color: .brightBlack)
        last.legendRank = 1
        return LinePlot(series: [truth, model, last])
    }

    @Test func everyFullNameWhenTheyFit() {
        let row = legendRow(plot(), width: 60)
        #expect(row.contains("━━ truth  ━━ forecast  ━━ last value"), "\(row)")
    }

    /// 24 columns (20 beside the axis labels): neither the full names (36) nor
    /// the short ones (33) fit; without the ranked entry they do.
    @Test func shortNamesThenRankedEntriesLeave() {
        let row = legendRow(plot(), width: 24)
        #expect(row.contains("━━ truth  ━━ model") && !row.contains("last") && !row.contains("forecast"), "\(row)")
    }

    @Test func shortNamesAloneWhenThatIsEnough() {
        // Axis labels take 4 columns: "━━ truth  ━━ model  ━━ last value" is 33.
        let row = legendRow(plot(), width: 37)
        #expect(row.contains("━━ truth  ━━ model  ━━ last value"), "\(row)")
    }

    /// The higher rank leaves first; an entry without a rank never leaves (it is cut at the edge).
    @Test func higherRankFirstAndUnrankedStay() {
        let row = legendRow(plot(truthRank: 2), width: 28)
        #expect(!row.contains("truth") && row.contains("━━ model") && row.contains("━━ last value"), "\(row)")
        let tiny = legendRow(plot(), width: 12)
        #expect(tiny.contains("━━ truth"), "\(tiny)")
    }

    /// A short name is only taken when it is narrower.
    @Test func aLongerShortNameIsNotTaken() {
        var a = PlotSeries(name: "chance", values: [1, 2, 3], color: .cyan)
        a.shortName = "baseline"
        let b = PlotSeries(name: "validation loss here", values: [1, 2, 3], color: .yellow)
        let row = legendRow(LinePlot(series: [a, b]), width: 30)
        #expect(row.contains("━━ chance") && !row.contains("baseline"), "\(row)")
    }

    /// Without Unicode a name is measured as written: "ρ(W_hh) 0.9" is
    /// "rho(W_hh) 0.9", two columns wider, so the short name is taken where the
    /// long one would fit only in Unicode (and would lose the end of its value).
    @Test func asciiMeasuresTheSpelledOutName() {
        var s = PlotSeries(name: "ρ(W_hh) 0.9 x", values: [1, 2, 3], color: .cyan)
        s.shortName = "x"
        let plot = LinePlot(series: [s])
        func row(_ capabilities: Capabilities) -> String {
            var buffer = Buffer(width: 18, height: 8, capabilities: capabilities)
            buffer.render(plot, in: buffer.bounds)
            return String((0..<18).map { buffer[$0, 0].symbol })
        }
        // 18 columns less the axis labels ("3", "2", "1" and the axis): 16 for "━━ ρ(W_hh) 0.9 x".
        #expect(row(.full).contains("ρ(W_hh) 0.9 x"), "\(row(.full))")
        let ascii = row(.ascii)
        #expect(!ascii.contains("rho") && ascii.contains("** x"), "\(ascii)")
    }

    /// When every entry has left, the legend's row goes to the plot.
    @Test func anEmptyLegendGivesItsRowToThePlot() {
        var a = PlotSeries(name: "a long name here", values: [1, 2, 3], color: .cyan)
        a.legendRank = 1
        var buffer = Buffer(width: 12, height: 8)
        buffer.render(LinePlot(series: [a]), in: buffer.bounds)
        let top = String((0..<12).map { buffer[$0, 0].symbol })
        #expect(top.contains("┤") || top.contains("│"), "\(top)")
        #expect(!top.contains("━━"))
    }
}
