import Testing
import TerminalUI

/// A plot's legend on a second row: only when allowed (`legendRowLimit`),
/// only when the entries do not fit on one, and each entry whole.
@Suite struct LegendWrapTests {
    func rows(_ buffer: Buffer) -> [String] {
        (0..<buffer.height).map { y in String((0..<buffer.width).map { buffer[$0, y].symbol }) }
    }

    func plot(limit: Int, third: String = "pinned hidden 8, lr 0.01") -> LinePlot {
        var plot = LinePlot(series: [
            PlotSeries(name: "train loss", values: (0..<50).map { 1 / Double($0 + 1) }, color: .cyan),
            PlotSeries(name: "validation", values: (0..<50).map { 1.1 / Double($0 + 1) }, color: .yellow),
            PlotSeries(name: third, values: (0..<50).map { 1.2 / Double($0 + 1) }, color: .magenta),
        ], yScale: .log)
        plot.legendRowLimit = limit
        return plot
    }

    @Test func theEntryThatDoesNotFitGoesWholeToASecondRow() {
        var buffer = Buffer(width: 44, height: 12)
        buffer.render(plot(limit: 2), in: buffer.bounds)
        let lines = rows(buffer)
        #expect(lines[0].contains("train loss") && lines[0].contains("validation") && !lines[0].contains("pinned"), "\(lines[0])")
        #expect(lines[1].contains("━━ pinned hidden 8, lr 0.01"), "\(lines[1])")
        // The dots start under the legend's two rows.
        #expect(!lines[1].contains("┤"))
    }

    @Test func oneRowByDefaultCutAtTheEdge() {
        var buffer = Buffer(width: 44, height: 12)
        buffer.render(plot(limit: 1), in: buffer.bounds)
        let lines = rows(buffer)
        #expect(lines[0].contains("pinned") && !lines[0].contains("lr 0.01"), "\(lines[0])")
        #expect(!lines[1].contains("pinned"))
    }

    @Test func noSecondRowWhenEverythingFitsOrThePlotIsShort() {
        var wide = Buffer(width: 100, height: 12)
        wide.render(plot(limit: 2), in: wide.bounds)
        #expect(rows(wide)[0].contains("pinned hidden 8, lr 0.01"))
        #expect(rows(wide)[1].contains("┤") || rows(wide)[1].contains("│"), "\(rows(wide)[1])")
        var short = Buffer(width: 44, height: 6)
        short.render(plot(limit: 2), in: short.bounds)
        #expect(!rows(short)[1].contains("pinned"))
    }
}
