import RNNLab
import TerminalUI

/// BPTT's and RTRL's gradients per parameter with their relative difference,
/// then the time per step of each at three hidden sizes and the fitted growth.
struct RTRLPanel: DashboardPanel {
    let id = PanelKind.rtrl
    let placement = PanelPlacement.row
    let measurements: Set<String> = ["rtrl_difference", "rtrl_growth"]

    func title(_ context: PanelContext) -> String { "BPTT and RTRL on the live weights" }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let run = context.run
        guard let c = run.gradientComparison else {
            return drawPlaceholder(title(context), "compared at each evaluation (simple RNN, one layer)", in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let value = PanelNumbers.value
        var lines: [(String, Style)] = [(row(["parameter", "‖g‖ BPTT", "‖g‖ RTRL", "rel. diff"], [14, 11, 11]), LabTheme.dim)]
        for r in c.rows {
            lines.append((row([r.name, value(r.bptt), value(r.rtrl), value(r.difference)], [14, 11, 11]), .plain))
        }
        lines.append(("all: relative difference " + value(c.difference), c.difference < 1e-4 ? LabTheme.goodDim : LabTheme.error))
        let m = Dictionary(run.measurements.map { ($0.id.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
        if m["rtrl_growth"] != nil {
            let sizes = Measurement.timedSizes
            lines.append(("", .plain))
            lines.append((row(["ms per step"] + sizes.map { "H=\($0)" }, [14] + sizes.map { _ in 9 }), LabTheme.dim))
            for name in ["rtrl", "bptt"] {
                let times = sizes.map { m["\(name)_ms_\($0)"].map(value) ?? "–" }
                let growth = "~H^" + (m["\(name)_growth"].map(PanelNumbers.exponent) ?? "?")
                lines.append((row([name.uppercased()] + times + [growth], [14] + sizes.map { _ in 9 }), .plain))
            }
        }
        for (i, line) in lines.prefix(max(0, area.height - 1)).enumerated() {
            buffer.write(line.0, in: area.row(1 + i), alignment: .left, style: line.1)
        }
    }

    /// Cells padded to `widths` display columns; the cell after the last width is not padded.
    private func row(_ cells: [String], _ widths: [Int]) -> String {
        cells.enumerated().map { i, cell in i < widths.count ? cell.padded(toColumns: widths[i]) : cell }.joined()
    }
}
