import TerminalUI

/// Benchmarks of the terminal widgets: one full 160×50 frame of six widgets
/// (two line plots of 2,000 points, two 64×100 heatmaps, a table, a text
/// page, each in a titled panel) drawn into a fresh buffer, plus the diff
/// against the previous frame. Two frames with different data alternate, so
/// the diff has real work. The target is 2 ms per frame.
func uiBenchmarks() -> [BenchRow] {
    let frames = [UIBenchFrame(phase: 0), UIBenchFrame(phase: 1)]
    var previous = Buffer(width: 160, height: 50)
    var current = Buffer(width: 160, height: 50)
    let clock = ContinuousClock()
    var samples: [Double] = []
    var changedRuns = 0
    for i in 0..<230 {
        let start = clock.now
        current.reset()
        frames[i % 2].draw(into: &current)
        let runs = current.diff(from: previous)
        let elapsed = clock.now - start
        changedRuns &+= runs.count
        swap(&previous, &current)
        if i >= 30 { samples.append(milliseconds(elapsed)) }  // the first frames warm up
    }
    precondition(changedRuns > 0, "frames should differ")
    samples.sort()
    let median = samples[samples.count / 2]
    return [BenchRow(group: "ui", name: "frame 160x50 draw+diff", threads: 1, value: median, unit: "ms", reference: 2.0)]
}

private func milliseconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
}

/// The widgets of one benchmark frame, built once so only drawing is timed.
struct UIBenchFrame {
    let loss: LinePlot
    let gradients: LinePlot
    let hidden: Heatmap
    let attention: Heatmap
    let table: Table
    let page: MarkdownView

    init(phase: Int) {
        let n = 2000
        let shift = Double(phase) * 0.01
        let train = (0..<n).map { i in 2.3 / (1 + Double(i) / 150) + 0.05 * wave(i * 7 + phase) + shift }
        let valid = (0..<n).map { i in 2.4 / (1 + Double(i) / 170) + 0.03 * wave(i * 3 + phase) + shift }
        var norms = (0..<n).map { i in 1e-4 * (1 + 100 * (1 + wave(i * 11 + phase))) }
        norms[1234] = .nan
        loss = LinePlot(
            series: [PlotSeries(name: "train", values: train, color: .cyan),
                     PlotSeries(name: "valid", values: valid, color: .yellow)],
            events: [PlotEvent(step: 1000, label: "lr 0.1→0.01")])
        gradients = LinePlot(series: [PlotSeries(name: "‖∂L/∂h‖", values: norms, color: .magenta)], yScale: .log)
        hidden = Heatmap(rows: 64, columns: 100,
                         values: (0..<6400).map { i in wave(i * 13 + phase * 5) }, colorMap: .diverging)
        attention = Heatmap(rows: 64, columns: 100,
                            values: (0..<6400).map { i in 1 / (1 + Double(abs(i / 100 - (i % 100) * 64 / 100 + phase))) })
        table = Table(
            columns: [Table.Column("parameter"), Table.Column("shape"), Table.Column("‖w‖", alignment: .right),
                      Table.Column("‖∇w‖", alignment: .right)],
            rows: (0..<30).map { r in
                ["lstm.weight_hh_l\(r)", "256×64", NumberFormat.compact(Double(r) * 1.7 + 0.3),
                 NumberFormat.compact(Double(r + phase) * 1e-3)]
            },
            selectedRow: 3 + phase)
        page = MarkdownView(source: benchPage, scroll: phase)
    }

    func draw(into buffer: inout Buffer) {
        let body = buffer.bounds.split(.down, [.fixed(1), .min(0), .fixed(1)])
        let columns = body[1].split(.across, [.percentage(34), .percentage(33), .min(0)])
        let cells = columns.map { $0.split(.down, [.percentage(50), .min(0)]) }
        let panels: [(String, Rect, any Widget)] = [
            ("Loss", cells[0][0], loss), ("Gradient norm", cells[0][1], gradients),
            ("Hidden state h_t", cells[1][0], hidden), ("Attention", cells[1][1], attention),
            ("Parameters", cells[2][0], table), ("Lesson", cells[2][1], page),
        ]
        buffer.render(StatusBar(left: "RNN Lab · lesson 5 · LSTM", right: "step 2000"), in: body[0])
        for (title, rect, widget) in panels {
            let panel = Panel(title: title)
            buffer.render(panel, in: rect)
            buffer.render(widget, in: panel.inner(rect))
        }
        buffer.render(KeyHintBar(hints: [KeyHint("q", "quit"), KeyHint("space", "pause"), KeyHint("?", "help")]), in: body[2])
    }
}

/// A smooth pseudo-random wave in -1…1.
private func wave(_ i: Int) -> Double {
    let x = Double(i % 997) / 997 * 6.283185307179586
    return x < 3.141592653589793 ? (x / 1.5707963267948966 - 1) : (3 - x / 1.5707963267948966)
}

private let benchPage = """
    # Long short-term memory

    An LSTM keeps a **cell state** c_t next to the hidden state h_t. Three gates,
    each a sigmoid of `W x_t + U h_{t-1} + b`, decide what to forget, what to
    write and what to show:

    - forget gate f_t scales the old cell state,
    - input gate i_t scales the candidate g_t = tanh(W_g x_t + U_g h_{t-1} + b_g),
    - output gate o_t scales tanh(c_t) to give h_t.

    > Because c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t is a sum, not a product of
    > Jacobians, gradients can flow across many steps when f_t ≈ 1.

    ```
    c = f * c + i * g
    h = o * tanh(c)
    ```

    Try setting the *forget bias* knob to 1.0 and compare the gradient norm plot.
    """
