import LabText
import RNNLab
import TerminalUI

/// The gates of a gated cell, one band per gate, stacked: the gate's name,
/// its units × time on a colour scale of its own (the candidate is a tanh, on
/// the diverging map; the sigmoid gates on the sequential one), and that
/// scale's ends at the right. So 0 reads as "shut" for each sigmoid gate, and a
/// gate that barely moves is not washed out by another that swings widely.
///
/// `grid` is (G·H) × T, rows in blocks of H units named by `grid.rowGroups`;
/// `marks` (T values, 1 at a marked step) flags those steps on a row under the
/// bands, ▲ under the columns that hold them, when there is a row to spare.
func drawGateBands(_ title: String, _ grid: Grid, _ context: PanelContext, marks: [Double] = [],
                   in area: Rect, buffer: inout Buffer) {
    let names = grid.rowGroups
    guard !names.isEmpty, grid.rows > 0, grid.columns > 0, grid.rows % names.count == 0,
          grid.values.count >= grid.rows * grid.columns else {
        return drawGrid(title, grid, .sequential, context, in: area, buffer: &buffer)
    }
    drawHeading(title, in: area, buffer: &buffer)
    guard let layout = GateBandsLayout(grid, context, marks: marks, in: area) else { return }
    let (body, units, steps, labels, labelWidth, scaleWidth, mapWidth) = (layout.body, layout.units, layout.steps, layout.labels,
                                                                          layout.labelWidth, layout.scaleWidth, layout.mapWidth)
    let showsMarks = layout.showsMarks
    let bands = names.indices.map { i -> (values: [Double], scale: String, diverging: Bool) in
        (layout.values(of: i), layout.scales[i], names[i] == "cell" || names[i] == "new")
    }
    for (i, band) in bands.enumerated() {
        guard let mapRect = gateBandRect(i, of: bands.count, body: body, labelWidth: labelWidth, mapWidth: mapWidth) else { break }
        let y = mapRect.y
        buffer.write(labels[i], x: body.x, y: y, style: LabTheme.bold, maxWidth: labelWidth - 1)
        let (lo, hi) = gateRange(band.values)
        let map = Heatmap(rows: units, columns: steps, values: band.values, colorMap: band.diverging ? .diverging : .sequential,
                          range: band.diverging ? -max(abs(lo), abs(hi), 1e-9)...max(abs(lo), abs(hi), 1e-9) : lo...max(hi, lo + 1e-9),
                          showLegend: false)
        buffer.render(map, in: mapRect)
        if scaleWidth > 0 {
            buffer.write(band.scale, x: body.x + labelWidth + mapWidth + 1, y: y, style: LabTheme.dim, maxWidth: scaleWidth - 1)
        }
    }
    if showsMarks {
        let y = body.maxY
        buffer.write(layout.short ? "▲" : context.language(.gate(.markedSteps)), x: body.x, y: y, style: LabTheme.dim, maxWidth: labelWidth - 1)
        for x in markedColumns(marks, width: mapWidth) {
            buffer.write("▲", x: body.x + labelWidth + x, y: y, style: LabTheme.warning)
        }
    }
}

/// Where the parts of the gate bands go in a panel's `area`: the body under
/// the heading (and over the marks row), the labels' column, the maps, the scales.
struct GateBandsLayout {
    var grid: Grid
    var body: Rect
    var showsMarks: Bool
    var units: Int, steps: Int
    /// Each band's label as drawn (the gate's name, or its letter in a narrow panel) and its scale.
    var labels: [String], scales: [String]
    var labelWidth: Int, scaleWidth: Int, mapWidth: Int
    /// Whether the labels are the gates' letters (a narrow panel).
    var short: Bool

    /// Nil when the grid has no bands or the area leaves no room for the maps.
    init?(_ grid: Grid, _ context: PanelContext, marks: [Double], in area: Rect) {
        let names = grid.rowGroups
        guard !names.isEmpty, grid.rows > 0, grid.columns > 0, grid.rows % names.count == 0,
              grid.values.count >= grid.rows * grid.columns else { return nil }
        self.grid = grid
        showsMarks = marks.count == grid.columns && marks.contains { $0 > 0 } && area.height >= 2 + names.count + 1
        body = area.inset(top: 1, bottom: showsMarks ? 1 : 0)
        guard !body.isEmpty else { return nil }
        (units, steps) = (grid.rows / names.count, grid.columns)
        let (units, steps) = (self.units, self.steps)
        scales = names.indices.map { i in
            let (lo, hi) = gateRange(Array(grid.values[(i * units * steps)..<((i + 1) * units * steps)]))
            return context.language(.gate(.scale), ["low": .compact(lo, significantDigits: 2), "high": .compact(hi, significantDigits: 2)])
        }
        // The map first: in a narrow panel the names shrink to the equations' letters, then the scales go.
        let full = names.map { gateLabel($0, context.language) }
        short = body.width - ((full.map(\.displayWidth).max() ?? 0) + 1) < 12
        labels = short ? names.map(gateLetter) : full
        labelWidth = (labels.map(\.displayWidth).max() ?? 0) + 1
        scaleWidth = (scales.map(\.displayWidth).max() ?? 0) + 1
        if body.width - labelWidth - scaleWidth < 12 { scaleWidth = 0 }
        mapWidth = body.width - labelWidth - scaleWidth
        guard mapWidth >= 2 else { return nil }
    }

    /// Band `i`'s values: its units × time steps.
    func values(of i: Int) -> [Double] { Array(grid.values[(i * units * steps)..<((i + 1) * units * steps)]) }
}

/// Where band `i` of `count` draws its map in the bands' `body`, right of the
/// labels; nil when the body has no row left for it.
func gateBandRect(_ i: Int, of count: Int, body: Rect, labelWidth: Int, mapWidth: Int) -> Rect? {
    let bandHeight = max(1, body.height / count)
    let y = body.y + i * bandHeight
    guard y < body.maxY else { return nil }
    return Rect(x: body.x + labelWidth, y: y, width: mapWidth, height: min(bandHeight, body.maxY - y))
}

/// The inspect cursor over gate bands drawn by ``drawGateBands(_:_:_:marks:in:buffer:)``:
/// rows are every gate's units in turn, columns the time steps; the readout names the gate.
func gateBandsInspection(_ title: String, _ grid: Grid, _ context: PanelContext, marks: [Double], in area: Rect) -> Inspection? {
    let names = grid.rowGroups
    guard !names.isEmpty, grid.rows > 0, grid.columns > 0, grid.rows % names.count == 0,
          grid.values.count >= grid.rows * grid.columns else {
        return gridInspection(title, grid, .sequential, context, in: area)
    }
    guard let layout = GateBandsLayout(grid, context, marks: marks, in: area) else { return nil }
    let (body, units, steps, labelWidth, mapWidth) = (layout.body, layout.units, layout.steps, layout.labelWidth, layout.mapWidth)
    let fullLabels = names.map { gateLabel($0, context.language) }
    let band = Heatmap(rows: units, columns: steps, values: [], showLegend: false)
    return Inspection(rows: grid.rows, columns: steps, start: (0, 0),
                      cells: { r, c in
                          guard let rect = gateBandRect(r / units, of: names.count, body: body, labelWidth: labelWidth, mapWidth: mapWidth),
                                let cell = band.cell(row: r % units, column: c, in: rect) else { return [] }
                          return [cell]
                      },
                      readout: { r, c in
                          context.language(.explore(.inspectGateCell), ["panel": .text(title), "gate": .text(fullLabels[r / units]),
                                                                        "unit": .integer(r % units), "t": .integer(c),
                                                                        "value": .text(PanelNumbers.value(grid.values[r * steps + c]))])
                      })
}

/// The screen columns (0-based, within a map `width` wide) that show a marked
/// step, binning steps to columns as `Heatmap` does: whole columns per step when
/// they fit, else several steps per column.
func markedColumns(_ marks: [Double], width: Int) -> [Int] {
    let steps = marks.count
    guard steps > 0, width > 0 else { return [] }
    let drawn = steps <= width ? steps * (width / steps) : width
    return (0..<drawn).filter { c in
        let lo = c * steps / drawn
        return (lo..<max(lo + 1, (c + 1) * steps / drawn)).contains { marks[$0] > 0 }
    }
}

/// The finite minimum and maximum of `values` ((0, 1) when there are none).
func gateRange(_ values: [Double]) -> (Double, Double) {
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return (0, 1) }
    return (lo, hi)
}

/// A band's name: the gate's letter in the equations and its role, from the
/// name the probe gives it; LSTM's `cell` block is the candidate g.
func gateLabel(_ name: String, _ language: Language) -> String {
    let key: GateKey? = switch name {
    case "input": .input
    case "forget": .forget
    case "cell": .candidate
    case "output": .output
    case "reset": .reset
    case "update": .update
    case "new": .new
    default: nil
    }
    return key.map { language(.gate($0)) } ?? name
}

/// The gate's letter in the equations (i, f, g, o; r, z, n): a symbol, not a word.
func gateLetter(_ name: String) -> String {
    switch name {
    case "input": "i"
    case "forget": "f"
    case "cell": "g"
    case "output": "o"
    case "reset": "r"
    case "update": "z"
    case "new": "n"
    default: String(name.prefix(1))
    }
}

/// The recurrent matrix whose spectral radius the probe reports first: W_hh of
/// a simple RNN, or for a gated cell its first gate's block of it, in PyTorch's
/// names (W_hi of an LSTM, W_hr of a GRU), of the first layer.
func radiusMatrix(_ probes: ProbeSet) -> String {
    guard let first = probes.gateNames.first?.first else { return "W_hh" }
    return "W_h" + String(first)
}
