import Testing
import TerminalUI

@Suite struct LinePlotTests {
    func lossCurve(_ n: Int) -> [Double] {
        (0..<n).map { i -> Double in
            let bump: Double = i % 7 == 0 ? 0.05 : 0
            return 2.5 / (1 + Double(i) / 20) + bump
        }
    }

    @Test func twoSeriesWithEvent() {
        var buffer = Buffer(width: 60, height: 16)
        let plot = LinePlot(
            series: [
                PlotSeries(name: "train", values: lossCurve(200), color: .cyan),
                PlotSeries(name: "valid", values: lossCurve(200).map { $0 * 1.1 + 0.05 }, color: .yellow, firstStep: 0, stepSize: 1),
            ],
            events: [PlotEvent(step: 120, label: "lr 0.1→0.01")])
        buffer.render(plot, in: buffer.bounds)
        assertSnapshot(buffer, named: "lineplot-two-series")
    }

    @Test func logScaleMarksNonPositiveAndNaN() {
        var buffer = Buffer(width: 50, height: 12)
        var values = (0..<100).map { i in 1e-6 * pow10(Double(i) / 20) }
        values[30] = 0
        values[60] = .nan
        values[70] = -1
        values[80] = .infinity
        let plot = LinePlot(series: [PlotSeries(name: "grad norm", values: values, color: .magenta)], yScale: .log)
        buffer.render(plot, in: buffer.bounds)
        assertSnapshot(buffer, named: "lineplot-log", styles: true)
    }

    @Test func asciiFallback() {
        var buffer = Buffer(width: 40, height: 10, capabilities: .ascii)
        let plot = LinePlot(
            series: [
                PlotSeries(name: "a", values: (0..<50).map { Double($0 % 10) }, color: .red),
                PlotSeries(name: "b", values: (0..<50).map { 9 - Double($0 % 10) }, color: .green),
            ],
            events: [PlotEvent(step: 25, label: "lr 0.1→0.01")])
        buffer.render(plot, in: buffer.bounds)
        assertSnapshot(buffer, named: "lineplot-ascii")
    }

    @Test func emptyAndConstant() {
        var buffer = Buffer(width: 30, height: 8)
        let rows = buffer.bounds.split(.across, [.percentage(50), .min(0)])
        buffer.render(LinePlot(series: []), in: rows[0])
        buffer.render(LinePlot(series: [PlotSeries(name: "c", values: Array(repeating: 3, count: 10), color: .blue)]), in: rows[1])
        assertSnapshot(buffer, named: "lineplot-empty-constant")
    }

    func pow10(_ x: Double) -> Double {
        var r = 1.0
        let whole = Int(x.rounded(.down))
        for _ in 0..<whole { r *= 10 }
        let frac = x - Double(whole)
        // 10^frac by a short series of e^(frac ln 10).
        let z = frac * 2.302585092994046
        var term = 1.0, sum = 1.0
        for k in 1...20 { term *= z / Double(k); sum += term }
        return r * sum
    }

    /// A series drawn as lone dots: two far-apart points light two cells, and
    /// nothing between them (a connected series fills the gap).
    @Test func unconnectedSeriesDrawsOnlyItsPoints() {
        func litCells(_ connected: Bool) -> Int {
            var buffer = Buffer(width: 40, height: 10)
            var s = PlotSeries(name: "clipped", steps: [0, 100], values: [1, 2], color: .red)
            s.connected = connected
            buffer.render(LinePlot(series: [s], showLegend: false), in: buffer.bounds)
            var lit = 0
            for y in 0..<10 { for x in 0..<40 { if let u = buffer[x, y].symbol.unicodeScalars.first, (0x2801...0x28FF).contains(u.value) { lit += 1 } } }
            return lit
        }
        #expect(litCells(false) == 2)
        #expect(litCells(true) > 10)
    }
}
