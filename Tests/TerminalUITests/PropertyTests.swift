import Testing
import TerminalUI

/// Every widget, any area (0×0 and 1×1 included), any data: nothing is
/// written outside the area and nothing crashes.
@Suite struct PropertyTests {
    /// A widget built from random, often awkward, data.
    func randomWidget(_ kind: Int, _ rng: inout SeededRandom) -> any Widget {
        let text = ["", "x", "中文字", "a long label that will not fit anywhere", "😀👍🏽", "tab\there", "e\u{301}"]
        func label() -> String { text[Int.random(in: 0..<text.count, using: &rng)] }
        switch kind {
        case 0:
            let series = (0..<Int.random(in: 0...3, using: &rng)).map { i in
                PlotSeries(name: label(), values: awkwardSeries(&rng), color: Color(UInt8(i + 1)),
                           firstStep: Double.random(in: -10...10, using: &rng), stepSize: [1, 0, -1, 0.5][i])
            }
            let events = [PlotEvent(step: Double.random(in: -5...300, using: &rng), label: label()),
                          PlotEvent(step: .nan, label: "nan")]
            let ranges: [ClosedRange<Double>?] = [nil, 0...1, -1e300...1e300, 1e-9...1e-8]
            return LinePlot(series: series, events: events, yScale: Bool.random(using: &rng) ? .log : .linear,
                            yRange: ranges[Int.random(in: 0..<4, using: &rng)])
        case 1:
            let xs = awkwardSeries(&rng)
            return LinePlot(series: [PlotSeries(name: label(), steps: xs.reversed(), values: xs, color: .red)])
        case 2:
            return Sparkline(values: awkwardSeries(&rng))
        case 3:
            let values = awkwardSeries(&rng)
            return BarChart(bars: values.prefix(12).map { BarChart.Bar(label: label(), value: $0) },
                            direction: Bool.random(using: &rng) ? .across : .up,
                            scale: Bool.random(using: &rng) ? .log : .linear,
                            maximum: [nil, 0, -1, .nan, 5][Int.random(in: 0..<5, using: &rng)])
        case 4:
            let rows = Int.random(in: 0...70, using: &rng), cols = Int.random(in: 0...120, using: &rng)
            var values = awkwardSeries(&rng)
            while values.count < rows * cols { values += values.isEmpty ? [0.5] : values }
            if Bool.random(using: &rng) { values = Array(values.prefix(rows * cols)) }
            return Heatmap(rows: rows, columns: cols, values: values,
                           colorMap: Bool.random(using: &rng) ? .diverging : .sequential)
        case 5:
            let cols = (0..<Int.random(in: 0...5, using: &rng)).map { _ in Table.Column(label(), alignment: .right) }
            let rows = (0..<Int.random(in: 0...30, using: &rng)).map { _ in (0..<Int.random(in: 0...6, using: &rng)).map { _ in label() } }
            return Table(columns: cols, rows: rows, selectedRow: Int.random(in: -2...40, using: &rng),
                         scrollOffset: Int.random(in: -5...50, using: &rng))
        case 6:
            let md = ["# 标题 heading", "- item `code with spaces`", "> quote **bold", "```", "code\tline 中文", "```",
                      "h_t = tanh(U x_t + W h_{t-1} + b)", "1. one", "    indented", "| a | b |", "---", "", "*x* _y_ **z**"]
            let source = (0..<Int.random(in: 0...30, using: &rng)).map { _ in md[Int.random(in: 0..<md.count, using: &rng)] }.joined(separator: "\n")
            return MarkdownView(source: source, scroll: Int.random(in: -3...40, using: &rng))
        case 7:
            var input = TextInput(text: label() + label(), placeholder: label(), prompt: label())
            input.cursor = Int.random(in: -3...60, using: &rng)
            return input
        case 8:
            return KeyHintBar(hints: (0..<Int.random(in: 0...6, using: &rng)).map { _ in KeyHint(label(), label()) })
        case 9:
            return Panel(title: label(), footer: label())
        case 10:
            return StatusBar(left: label(), right: label())
        default:
            return Modal(width: Int.random(in: -2...50, using: &rng), height: Int.random(in: -2...30, using: &rng), title: label())
        }
    }

    static let kinds = Array(0..<12)

    @Test(arguments: kinds)
    func neverWritesOutsideItsArea(kind: Int) {
        var rng = SeededRandom(seed: UInt64(1000 + kind))
        let capabilities: [Capabilities] = [.full, .monochrome, .ascii]
        for trial in 0..<150 {
            let bw = Int.random(in: 0...50, using: &rng), bh = Int.random(in: 0...30, using: &rng)
            // Small areas often, 0×0 and 1×1 always among them.
            let w = trial < 3 ? trial % 2 : Int.random(in: 0...max(0, bw + 3), using: &rng)
            let h = trial < 3 ? trial % 2 : Int.random(in: 0...max(0, bh + 3), using: &rng)
            let area = Rect(x: Int.random(in: -2...max(-2, bw - 1), using: &rng), y: Int.random(in: -2...max(-2, bh - 1), using: &rng),
                            width: w, height: h)
            let caps = capabilities[trial % 3]
            let before = sentinelBuffer(width: bw, height: bh, capabilities: caps)
            var after = before
            let widget = randomWidget(kind, &rng)
            widget.render(in: area, buffer: &after)
            let outside = writesOutside(area, before: before, after: after)
            #expect(outside.isEmpty, "kind \(kind) trial \(trial) area \(area) in \(bw)x\(bh): \(outside.prefix(5))")
            if !caps.color { #expect(after.cells.allSatisfy { $0.style.foreground == nil || $0.style.foreground == Color(201) }) }
            if !caps.unicode { #expect(after.cells.allSatisfy { $0.symbol.isASCII || $0.symbol == "¤" }) }
        }
    }

    @Test func everyWidgetDrawsIntoZeroAndOneCellBuffers() {
        var rng = SeededRandom(seed: 99)
        for kind in Self.kinds {
            for size in [0, 1, 2] {
                var b = Buffer(width: size, height: size)
                b.render(randomWidget(kind, &rng), in: b.bounds)
                b.render(randomWidget(kind, &rng), in: Rect(x: 0, y: 0, width: 100, height: 100))
            }
        }
    }
}
