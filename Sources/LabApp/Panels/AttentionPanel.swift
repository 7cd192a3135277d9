import LabText
import RNNLab
import TerminalUI

/// Seq2seq: the attention weights of the latest probes as a heatmap, output
/// steps down (labelled with the decoded symbols), source steps across
/// (labelled with the source symbols), 0…1 on the sequential map; rows after
/// `<eos>` and padding columns left out (``trimmedAttention``).
struct AttentionPanel: DashboardPanel {
    let id = PanelKind.attention
    let placement = PanelPlacement.row
    let probes: Set<ProbeID> = [.attention]

    func title(_ context: PanelContext) -> String { context.titleAtProbeStep(context.text(.attentionTitle)) }
    /// The step the weights were taken at goes before the long wording does.
    func titles(_ context: PanelContext) -> [String] {
        let (long, short) = (context.text(.attentionTitle), context.text(.attentionTitleShort))
        return [title(context), long, context.titleAtProbeStep(short), short]
    }

    /// Its title, the source symbols, one row per output step and the legend
    /// (three rows for the empty state: its note wraps onto a second row in a narrow panel).
    func rows(_ context: PanelContext) -> PanelRows {
        guard let grid = context.run.probes.map({ trimmedAttention($0.attention) }), grid.rows > 0, grid.columns > 0 else { return PanelRows(preferred: 3) }
        return PanelRows(preferred: grid.rows + 3)
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let run = context.run
        let title = heading(context, width: area.width, unicode: buffer.capabilities.unicode)
        let grid = run.probes.map { trimmedAttention($0.attention) } ?? Grid(rows: 0, columns: 0, values: [])
        guard run.probes != nil, grid.rows > 0, grid.columns > 0, grid.values.count >= grid.rows * grid.columns else {
            // The note wraps over the rows there are ("attention appears after / the first evaluation").
            return drawPlaceholder(title, attentionEmptyText(context), in: area, buffer: &buffer)
        }
        drawHeading(title, in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        guard !body.isEmpty else { return }
        let rowSymbols = grid.rowLabels.count == grid.rows ? grid.rowLabels : []
        let columnSymbols = grid.columnLabels.count == grid.columns ? grid.columnLabels : []
        let layout = AttentionLayout(rows: grid.rows, columns: grid.columns, rowLabels: rowSymbols,
                                     columnLabels: columnSymbols, in: body)
        buffer.render(Heatmap(rows: grid.rows, columns: grid.columns, values: grid.values, colorMap: .sequential,
                              range: 0...1, showLegend: false), in: layout.grid)
        if layout.rowLabels.width > 0 {
            for (r, symbol) in rowSymbols.enumerated() {
                let y = layout.grid.y + r * layout.rowHeight + (layout.rowHeight - 1) / 2
                buffer.write(tickLabel(symbol, width: layout.rowLabels.width),
                             in: Rect(x: layout.rowLabels.x, y: y, width: layout.rowLabels.width, height: 1),
                             alignment: .right, style: LabTheme.dim)
            }
        }
        if let row = layout.columnLabels {
            let cw = layout.columnWidth
            if cw > 0 {
                // A column between neighbouring symbols when the blocks allow it.
                let room = cw > 2 ? cw - 1 : 1
                for (c, symbol) in columnSymbols.enumerated() {
                    let text = tickLabel(symbol, width: room)
                    let x = layout.grid.x + c * cw + (cw - text.displayWidth) / 2
                    buffer.write(text, x: x, y: row.y, style: LabTheme.dim, maxWidth: row.maxX - x)
                }
            } else {
                buffer.write(context.text(.attentionSourceSteps, ["count": .integer(grid.columns)]), in: row, alignment: .left, style: LabTheme.dim)
            }
        }
        if let legend = layout.legend {
            // A grid of no cells draws only its legend, on the last of two rows.
            buffer.render(Heatmap(rows: 0, columns: 0, values: [], colorMap: .sequential, range: 0...1),
                          in: Rect(x: legend.x, y: legend.y - 1, width: legend.width, height: 2))
        }
    }
}

extension AttentionPanel {
    /// Rows are output steps, columns source steps; the readout names both
    /// steps with their symbols and the weight. The cursor covers a step's
    /// whole block when each step has cells of its own.
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard let probes = context.run.probes else { return nil }
        let grid = trimmedAttention(probes.attention)
        let body = area.inset(top: 1)
        guard grid.rows > 0, grid.columns > 0, grid.values.count >= grid.rows * grid.columns, !body.isEmpty else { return nil }
        let rowSymbols = grid.rowLabels.count == grid.rows ? grid.rowLabels : []
        let columnSymbols = grid.columnLabels.count == grid.columns ? grid.columnLabels : []
        let layout = AttentionLayout(rows: grid.rows, columns: grid.columns, rowLabels: rowSymbols, columnLabels: columnSymbols, in: body)
        let map = Heatmap(rows: grid.rows, columns: grid.columns, values: [], range: 0...1, showLegend: false)
        guard map.cell(row: 0, column: 0, in: layout.grid) != nil else { return nil }
        // The panel's name as lesson files write it: the whole title would push the weight off an 80-column line.
        let title = id.rawValue
        return Inspection(rows: grid.rows, columns: grid.columns, start: (0, 0),
                          cells: { r, c in
                              let (rh, cw) = (layout.rowHeight, layout.columnWidth)
                              guard rh > 0, cw > 0 else { return map.cell(row: r, column: c, in: layout.grid).map { [$0] } ?? [] }
                              return (0..<rh).flatMap { dy in (0..<cw).map { dx in (layout.grid.x + c * cw + dx, layout.grid.y + r * rh + dy) } }
                          },
                          readout: { r, c in
                              let value = PanelNumbers.value(grid.values[r * grid.columns + c])
                              guard !rowSymbols.isEmpty, !columnSymbols.isEmpty else {
                                  return context.language(.explore(.inspectAttentionPlain), ["panel": .text(title), "row": .integer(r),
                                                                                            "column": .integer(c), "value": .text(value)])
                              }
                              return context.language(.explore(.inspectAttention), [
                                  "panel": .text(title), "row": .integer(r), "output": .text(rowSymbols[r]),
                                  "column": .integer(c), "source": .text(columnSymbols[c]), "value": .text(value)])
                          })
    }
}

/// What the attention panel says when it has no weights to show.
func attentionEmptyText(_ context: PanelContext) -> String {
    let off: Bool
    switch context.run.settings["attention"] {
    case .number(let v)?: off = v == 0
    case .choice(let c)?: off = ["0", "off", "none", "no", "false"].contains(c.lowercased())
    case nil: off = false
    }
    return context.text(off ? .attentionOff : .attentionPending)
}

/// A symbol cut to `width` columns: with "…" when there is room for more
/// than one character, else its first character.
func tickLabel(_ symbol: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if symbol.displayWidth <= width { return symbol }
    if width == 1, let first = symbol.first, first.displayWidth == 1 { return String(first) }
    return symbol.truncated(toDisplayWidth: width)
}

private extension Character {
    var displayWidth: Int { DisplayWidth.of(self) }
}
