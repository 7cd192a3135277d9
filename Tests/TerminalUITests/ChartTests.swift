import Testing
import TerminalUI

@Suite struct ChartTests {
    @Test func sparklines() {
        var b = Buffer(width: 24, height: 5)
        let values = (0..<30).map { Double(($0 * 7) % 11) }
        b.render(Sparkline(values: values), in: Rect(x: 0, y: 0, width: 24, height: 1))
        b.render(Sparkline(values: values, style: .fg(.green)), in: Rect(x: 0, y: 1, width: 24, height: 2))
        b.render(Sparkline(values: [1, 2, .nan, 3, .infinity, 2, 1]), in: Rect(x: 0, y: 3, width: 24, height: 1))
        b.render(Sparkline(values: [5, 5, 5, 5]), in: Rect(x: 0, y: 4, width: 24, height: 1))
        assertSnapshot(b, named: "sparkline")
    }

    @Test func sparklineAscii() {
        var b = Buffer(width: 12, height: 2, capabilities: .ascii)
        b.render(Sparkline(values: (0..<12).map(Double.init)), in: b.bounds)
        assertSnapshot(b, named: "sparkline-ascii")
    }

    let bars = [
        BarChart.Bar(label: "embedding", value: 0.8), BarChart.Bar(label: "lstm.w_ih", value: 3.25),
        BarChart.Bar(label: "lstm.w_hh", value: 12.5), BarChart.Bar(label: "head", value: 0.004),
        BarChart.Bar(label: "nan", value: .nan),
    ]

    @Test func barChartAcross() {
        var b = Buffer(width: 40, height: 11)
        let halves = b.bounds.split(.down, [.fixed(5), .min(0)], spacing: 1)
        b.render(BarChart(bars: bars), in: halves[0])
        b.render(BarChart(bars: bars, scale: .log), in: halves[1])
        assertSnapshot(b, named: "barchart-across")
    }

    @Test func barChartUp() {
        var b = Buffer(width: 30, height: 8)
        let up = [("a", 1.0), ("b", 4.0), ("c", 9.0), ("d", 2.5), ("e", 0.0), ("f", -1.0)].map { BarChart.Bar(label: $0.0, value: $0.1) }
        b.render(BarChart(bars: up, direction: .up), in: b.bounds)
        assertSnapshot(b, named: "barchart-up", styles: true)
    }

    @Test func barChartAscii() {
        var b = Buffer(width: 30, height: 5, capabilities: .ascii)
        b.render(BarChart(bars: bars), in: b.bounds)
        assertSnapshot(b, named: "barchart-ascii")
    }
}
