import LabText
import RNNLab
import TerminalUI

/// BPTT's and RTRL's gradients per parameter with their relative difference,
/// then the multiply-adds per step of each at three hidden sizes (counted) and the time
/// per step (measured), each with its fitted growth exponent.
struct RTRLPanel: DashboardPanel {
    let id = PanelKind.rtrl
    let placement = PanelPlacement.row
    let measurements: Set<String> = ["rtrl_difference", "rtrl_mac_growth", "rtrl_growth"]

    func title(_ context: PanelContext) -> String { context.text(.rtrlTitle) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let run = context.run
        guard let c = run.gradientComparison else {
            return drawPlaceholder(title(context), context.text(.rtrlPending), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let value = PanelNumbers.value
        let t = context.text
        // Each column as wide as its widest cell (display columns), and at least as wide as before.
        let heading = [t(.rtrlParameter, [:]), t(.rtrlBPTTNorm, [:]), t(.rtrlRTRLNorm, [:]), t(.rtrlDifference, [:])]
        let cells = c.rows.map { [$0.name, value($0.bptt), value($0.rtrl), value($0.difference)] }
        let widths = (0..<3).map { i in max([14, 11, 11][i], ([heading] + cells).map { $0[i].displayWidth + 1 }.max() ?? 0) }
        var lines: [(String, Style)] = [(row(heading, widths), LabTheme.dim)]
        lines += cells.map { (row($0, widths), .plain) }
        lines.append((t(.rtrlAll, ["value": .text(value(c.difference))]), c.difference < 1e-4 ? LabTheme.goodDim : LabTheme.error))
        let m = Dictionary(run.measurements.map { ($0.id.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Counted cost first (the check reads it), then the measured one.
        for (heading, unit, growth) in [(PanelKey.rtrlCounts, "macs", "mac_growth"), (.rtrlTimes, "ms", "growth")]
        where m["rtrl_\(growth)"] != nil {
            let sizes = Measurement.timedSizes
            let names: [(String, PanelKey)] = [("rtrl", .rtrlRowRTRL), ("bptt", .rtrlRowBPTT)]
            let first = max(14, ([t(heading, [:])] + names.map { t($0.1, [:]) }).map { $0.displayWidth + 1 }.max() ?? 0)
            let widths = [first] + sizes.map { _ in 9 }
            lines.append(("", .plain))
            lines.append((row([t(heading, [:])] + sizes.map { t(.rtrlSize, ["size": .integer($0)]) }, widths), LabTheme.dim))
            for (name, label) in names {
                let cells = sizes.map { m["\(name)_\(unit)_\($0)"].map(value) ?? "–" }
                let exponent = m["\(name)_\(growth)"].map { t(.rtrlGrowth, ["exponent": .text(PanelNumbers.exponent($0))]) }
                    ?? t(.rtrlGrowthUnknown, [:])
                lines.append((row([t(label, [:])] + cells + [exponent], widths), .plain))
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
