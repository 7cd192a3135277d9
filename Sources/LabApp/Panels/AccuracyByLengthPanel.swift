import LabText
import RNNLab
import TerminalUI

/// Seq2seq: validation token accuracy by source length, one bar per length
/// (Bahdanau et al.'s Fig. 2 in miniature). A fixed context slopes down as the
/// sources grow; attention keeps the bars level. Read from the
/// `accuracy_by_length` probe (`LengthBucket`), a grid of one row per length
/// labelled with it, columns accuracy and tokens counted.
struct AccuracyByLengthPanel: DashboardPanel {
    let id = PanelKind.accuracyByLength
    let placement = PanelPlacement.row
    let measurements: Set<String> = [ProbeID.accuracyByLength.rawValue]

    func title(_ context: PanelContext) -> String { context.text(.accuracyByLengthTitle) }

    /// The heading, the bars and their labels.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 5, preferred: 10) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let bars = lengthBars(context.run.probes?[.accuracyByLength]?.grid)
        guard !bars.isEmpty else {
            return drawPlaceholder(title(context), context.text(.shownAtFirstEvaluation), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        buffer.render(BarChart(bars: bars, direction: .up, maximum: 1, barStyle: Style(foreground: LabTheme.validationColor),
                               labelStyle: LabTheme.dim, showValues: false),
                      in: area.inset(top: 1))
    }
}

/// One bar per source length with tokens counted, its height the accuracy (0…1).
func lengthBars(_ grid: Grid?) -> [BarChart.Bar] {
    guard let grid, grid.columns == 2, grid.rowLabels.count == grid.rows, grid.values.count >= 2 * grid.rows else { return [] }
    return (0..<grid.rows).compactMap { r in
        grid.values[2 * r + 1] > 0 ? BarChart.Bar(label: grid.rowLabels[r], value: grid.values[2 * r]) : nil
    }
}
