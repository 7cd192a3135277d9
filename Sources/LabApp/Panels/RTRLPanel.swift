import LabText
import RNNLab
import TerminalUI

/// BPTT's and RTRL's gradients per parameter with their relative difference,
/// then the multiply-adds per step of each at three hidden sizes (counted) and the time
/// per step (measured), each with its fitted growth exponents on a line of their
/// own. Narrow, it drops the norm columns; short, the per-parameter rows.
struct RTRLPanel: DashboardPanel {
    let id = PanelKind.rtrl
    let placement = PanelPlacement.row
    let measurements: Set<String> = ["rtrl_difference", "rtrl_mac_growth", "rtrl_growth"]

    func title(_ context: PanelContext) -> String { context.text(.rtrlTitle) }

    /// Wider than the panel beside it: its table is what the lesson is about.
    var width: Constraint { .percentage(62) }

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
        // Too narrow for every column: the norms go first, the relative difference stays.
        let keep = widths.reduce(0, +) + (([heading] + cells).map { $0[3].displayWidth }.max() ?? 0) <= area.width ? [0, 1, 2, 3] : [0, 3]
        let kept = { (row: [String]) in keep.map { row[$0] } }
        let keptWidths = keep.dropLast().map { widths[$0] }
        var table: [(String, Style)] = [(row(kept(heading), keptWidths), LabTheme.dim)]
        table += cells.map { (row(kept($0), keptWidths), .plain) }
        let all = (t(.rtrlAll, ["value": .text(value(c.difference))]), c.difference < 1e-4 ? LabTheme.goodDim : LabTheme.error)
        let m = Dictionary(run.measurements.map { ($0.id.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Counted cost first (the check reads it), then the measured one; each
        // block's growth exponents on a line of their own, under its rows.
        var costs: [[(String, Style)]] = []
        for (heading, unit, growth) in [(PanelKey.rtrlCounts, "macs", "mac_growth"), (.rtrlTimes, "ms", "growth")]
        where m["rtrl_\(growth)"] != nil {
            let sizes = Measurement.timedSizes
            let names: [(String, PanelKey)] = [("rtrl", .rtrlRowRTRL), ("bptt", .rtrlRowBPTT)]
            let first = max(6, ([t(heading, [:])] + names.map { t($0.1, [:]) }).map { $0.displayWidth + 1 }.max() ?? 0)
            let column = max(6, min(9, (area.width - first) / max(1, sizes.count)))  // narrower columns before any is cut
            let widths = [first] + sizes.map { _ in column }
            var block: [(String, Style)] = [(row([t(heading, [:])] + sizes.map { t(.rtrlSize, ["size": .integer($0)]) }, widths), LabTheme.dim)]
            var exponents: [String] = []
            for (name, label) in names {
                let cells = sizes.map { m["\(name)_\(unit)_\($0)"].map(value) ?? "–" }
                block.append((row([t(label, [:])] + cells, widths), .plain))
                let exponent = m["\(name)_\(growth)"].map { t(.rtrlGrowth, ["exponent": .text(PanelNumbers.exponent($0))]) }
                    ?? t(.rtrlGrowthUnknown, [:])
                exponents.append(t(label, [:]) + " " + exponent)
            }
            block.append((exponents.joined(separator: context.language(.common(.partSeparator))), .plain))
            costs.append(block)
        }
        // With few rows, the per-parameter rows go before the cost blocks do.
        let room = max(0, area.height - 1)
        let costRows = costs.reduce(0) { $0 + $1.count + 1 }
        var lines = table.count + 1 + costRows <= room ? table + [all] : [all]
        for block in costs { lines += [("", .plain)] + block }
        for (i, line) in lines.prefix(room).enumerated() {
            buffer.write(line.0, in: area.row(1 + i), alignment: .left, style: line.1)
        }
    }

    /// Cells padded to `widths` display columns; the cell after the last width is not padded.
    private func row(_ cells: [String], _ widths: [Int]) -> String {
        cells.enumerated().map { i, cell in i < widths.count ? cell.padded(toColumns: widths[i]) : cell }.joined()
    }
}
