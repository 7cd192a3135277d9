import LabText
import RNNLab
import TerminalUI

/// Classification: the validation examples counted by true class (rows) and
/// predicted class (columns), labelled with the class names; the diagonal
/// (right answers) green, each wrong cell yellow, red where it holds more than
/// a tenth of its row. When the grid does not fit, the most frequent
/// confusions as a list. Read from the `confusion` probe (``ConfusionMatrix``),
/// taken at each evaluation.
struct ConfusionPanel: DashboardPanel {
    let id = PanelKind.confusion
    let placement = PanelPlacement.row
    let measurements: Set<String> = [ProbeID.confusion.rawValue]

    func title(_ context: PanelContext) -> String { context.text(.confusionTitle) }
    func titles(_ context: PanelContext) -> [String] { [title(context), context.text(.confusionTitleShort)] }

    /// The heading, the predicted-class labels and one row per class.
    func rows(_ context: PanelContext) -> PanelRows {
        PanelRows(minimum: 4, preferred: (context.run.probes?[.confusion]?.confusion).map { $0.size + 2 })
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let matrix = context.run.probes?[.confusion]?.confusion, matrix.size > 0 else {
            let note = context.run.validationLoss.isEmpty ? context.text(.shownAtFirstEvaluation) : context.text(.confusionNone)
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), note, in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let names = matrix.classes.map { context.language.render($0) }
        if let layout = ConfusionLayout(names: names, corner: context.text(.confusionCorner), matrix: matrix, width: area.width),
           area.height >= matrix.size + 2 {
            drawGrid(matrix, names, layout, context, in: area.inset(top: 1), buffer: &buffer)
        } else {
            drawList(matrix, names, context, in: area.inset(top: 1), buffer: &buffer)
        }
    }

    private func drawGrid(_ m: ConfusionMatrix, _ names: [String], _ layout: ConfusionLayout, _ context: PanelContext,
                          in area: Rect, buffer: inout Buffer) {
        let maxX = area.maxX
        func cell(_ text: String, column: Int, y: Int, style: Style) {
            let x = area.x + layout.labelWidth + column * layout.cellWidth
            let shown = text.truncated(toDisplayWidth: layout.cellWidth - 1)
            let pad = layout.cellWidth - 1 - shown.displayWidth
            buffer.write(shown, x: x + pad, y: y, style: style, maxWidth: max(0, maxX - x - pad))
        }
        buffer.write(context.text(.confusionCorner).truncated(toDisplayWidth: layout.labelWidth - 1), x: area.x, y: area.y,
                     style: LabTheme.dim, maxWidth: area.width)
        for p in 0..<m.size { cell(names[p], column: p, y: area.y, style: LabTheme.dim) }
        for t in 0..<m.size where area.y + 1 + t < area.maxY {
            let y = area.y + 1 + t
            buffer.write(names[t].truncated(toDisplayWidth: layout.labelWidth - 1), x: area.x, y: y, style: LabTheme.dim,
                         maxWidth: area.width)
            let total = max(1, m.rowTotal(t))
            for p in 0..<m.size {
                let n = m.count(truth: t, predicted: p)
                let style: Style = t == p ? LabTheme.goodDim
                    : n == 0 ? LabTheme.dim : Double(n) / Double(total) > 0.1 ? LabTheme.error : LabTheme.warning
                cell(n == 0 && t != p ? "·" : String(n), column: p, y: y, style: style)
            }
        }
    }

    /// "most often confused, true → predicted:" then "4 → 9: 12" pairs, most frequent first, as many as fit.
    private func drawList(_ m: ConfusionMatrix, _ names: [String], _ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let lead = fittingTitle([context.text(.confusionMostConfused), context.text(.confusionMostConfusedShort)], width: area.width,
                                unicode: buffer.capabilities.unicode)
        buffer.write(lead, in: area.row(0), alignment: .left, style: LabTheme.dim)
        var (x, y) = (area.x, area.y + 1)
        for pair in m.confusions() where y < area.maxY {
            let text = context.text(.confusionPair, ["truth": .text(names[pair.truth]), "predicted": .text(names[pair.predicted]),
                                                     "count": .integer(pair.count)])
            let w = text.displayWidth
            if x > area.x && x + w > area.maxX { (x, y) = (area.x, y + 1) }
            guard y < area.maxY else { break }
            x += buffer.write(text, x: x, y: y, style: LabTheme.warning, maxWidth: area.maxX - x) + 2
        }
    }
}

/// Column widths of the confusion grid in `width` columns: the class labels
/// down the left, then one cell per predicted class wide enough for the largest
/// count (and the class name when there is room). Nil when it cannot fit.
struct ConfusionLayout: Equatable {
    var labelWidth: Int
    var cellWidth: Int

    init?(names: [String], corner: String, matrix: ConfusionMatrix, width: Int) {
        let c = matrix.size
        guard c > 0 else { return nil }
        let digits = String(matrix.counts.max() ?? 0).count
        labelWidth = min(12, max(corner.displayWidth, names.map(\.displayWidth).max() ?? 1)) + 1
        let wanted = max(digits, min(11, names.map(\.displayWidth).max() ?? 1)) + 1
        cellWidth = min(wanted, (width - labelWidth) / c)
        guard cellWidth >= max(digits, 1) + 1 else { return nil }
    }
}

extension ConfusionMatrix {
    /// The wrong cells with a count, largest first (ties in class order).
    func confusions() -> [(truth: Int, predicted: Int, count: Int)] {
        var out: [(truth: Int, predicted: Int, count: Int)] = []
        for t in 0..<size { for p in 0..<size where p != t && count(truth: t, predicted: p) > 0 { out.append((t, p, count(truth: t, predicted: p))) } }
        return out.sorted { $0.count != $1.count ? $0.count > $1.count : ($0.truth, $0.predicted) < ($1.truth, $1.predicted) }
    }
}
