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
    func titles(_ context: PanelContext) -> [String] { [title(context), context.text(.accuracyByLengthTitleShort)] }

    /// The heading, the bars and their labels.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 5, preferred: 10) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let bars = lengthBars(context.run.probes?[.accuracyByLength]?.grid)
        guard !bars.isEmpty else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.text(.shownAtFirstEvaluation), in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let chart = area.inset(top: 1)
        // BarChart's layout of upward bars: a gap of one when there is room, the rest shared.
        let gap = chart.width >= 2 * bars.count ? 1 : 0
        let barWidth = max(1, (chart.width - gap * (bars.count - 1)) / bars.count)
        let labelsFit = bars.allSatisfy { $0.label.displayWidth <= barWidth }
        let drawn = labelsFit ? bars : bars.map { BarChart.Bar(label: "", value: $0.value) }
        buffer.render(BarChart(bars: drawn, direction: .up, maximum: 1, barStyle: Style(foreground: LabTheme.validationColor),
                               labelStyle: LabTheme.dim, showValues: false),
                      in: chart)
        // Too narrow for a label under each bar: the shortest length at the left, the longest under the last bar.
        if !labelsFit, chart.height >= 3, let first = bars.first, let last = bars.last {
            let y = chart.maxY - 1
            let end = min(chart.maxX, chart.x + (bars.count - 1) * (barWidth + gap) + barWidth)
            buffer.write(first.label, x: chart.x, y: y, style: LabTheme.dim, maxWidth: chart.width)
            let x = max(chart.x + first.label.displayWidth + 1, end - last.label.displayWidth)
            buffer.write(last.label, x: x, y: y, style: LabTheme.dim, maxWidth: chart.maxX - x)
        }
    }
}

/// One bar per source length with tokens counted, its height the accuracy (0…1).
func lengthBars(_ grid: Grid?) -> [BarChart.Bar] {
    guard let grid, grid.columns == 2, grid.rowLabels.count == grid.rows, grid.values.count >= 2 * grid.rows else { return [] }
    return (0..<grid.rows).compactMap { r in
        grid.values[2 * r + 1] > 0 ? BarChart.Bar(label: grid.rowLabels[r], value: grid.values[2 * r]) : nil
    }
}
