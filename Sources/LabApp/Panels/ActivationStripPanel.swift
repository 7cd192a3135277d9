import LabText
import RNNLab
import TerminalUI

/// One hidden unit of a char LM under the text it reads: the unit whose state
/// correlates best with the position in the line (`line_unit_correlation`),
/// over the start of the validation text. Each line of the text is a row of
/// characters with the unit's h_t under every character on the diverging map
/// (shade characters without colour), so a unit that counts along the line
/// shows as a ramp that restarts after each ↵. Read from the `line_unit_strip`
/// probe (`ActivationStrip`), measured at evaluations.
struct ActivationStripPanel: DashboardPanel {
    let id = PanelKind.activationStrip
    let placement = PanelPlacement.row
    let measurements: Set<String> = [ProbeID.lineUnitStrip.rawValue]

    func title(_ context: PanelContext) -> String {
        guard let strip = ActivationStrip.strip(context.run.probes?[.lineUnitStrip]?.grid) else {
            return context.text(.activationStripTitle, ["unit": "…", "r": "…"])
        }
        return context.text(.activationStripTitle, ["unit": .integer(strip.unit), "r": .fixed(strip.correlation, decimals: 2)])
    }

    func titles(_ context: PanelContext) -> [String] {
        guard let strip = ActivationStrip.strip(context.run.probes?[.lineUnitStrip]?.grid) else {
            return [title(context), context.text(.activationStripTitleShort, ["unit": "…", "r": "…"])]
        }
        return [title(context), context.text(.activationStripTitleShort, ["unit": .integer(strip.unit), "r": .fixed(strip.correlation, decimals: 2)])]
    }

    /// The heading, a few lines of text each over its shades, and the legend.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 4, preferred: 10) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let strip = ActivationStrip.strip(context.run.probes?[.lineUnitStrip]?.grid), !strip.values.isEmpty else {
            let note: PanelKey = context.run.validationLoss.isEmpty ? .shownAtFirstEvaluation : .activationStripNone
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.text(note),
                                   in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        guard body.height >= 2, body.width > 0 else { return }
        let m = strip.values.map { abs($0) }.filter(\.isFinite).max() ?? 0
        let range = m > 0 ? -m...m : -1...1
        // Legend on the last row; a line of text and its shades on each pair of rows above it.
        let pairs = (body.height - 1) / 2
        let unicode = buffer.capabilities.unicodeGlyphs
        for (i, line) in stripLines(strip.characters.count, strip.characters, width: body.width).prefix(pairs).enumerated() {
            let y = body.y + 2 * i
            for (k, t) in line.enumerated() {
                let ch = strip.characters[t]
                buffer.write(ch == "\n" ? (unicode ? "↵" : "/") : ch, x: body.x + k, y: y,
                             style: ch == "\n" ? LabTheme.dim : .plain, maxWidth: 1)
            }
            buffer.render(Heatmap(rows: 1, columns: line.count, values: line.map { strip.values[$0] }, colorMap: .diverging,
                                  range: range, showLegend: false),
                          in: Rect(x: body.x, y: y + 1, width: line.count, height: 1))
        }
        buffer.render(Heatmap(rows: 0, columns: 0, values: [], colorMap: .diverging, range: range),
                      in: Rect(x: body.x, y: body.maxY - 2, width: body.width, height: 2))
    }
}

/// The character indices of each display line: a line ends after a newline or
/// when it reaches `width` characters (every character here is one column).
func stripLines(_ count: Int, _ characters: [String], width: Int) -> [[Int]] {
    guard width > 0 else { return [] }
    var lines: [[Int]] = [], line: [Int] = []
    for t in 0..<count {
        line.append(t)
        if characters[t] == "\n" || line.count == width {
            lines.append(line)
            line = []
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
