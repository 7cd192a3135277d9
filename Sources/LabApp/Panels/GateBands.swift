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
    let showsMarks = marks.count == grid.columns && marks.contains { $0 > 0 } && area.height >= 2 + names.count + 1
    let body = area.inset(top: 1, bottom: showsMarks ? 1 : 0)
    guard !body.isEmpty else { return }
    let units = grid.rows / names.count, steps = grid.columns
    let bands = names.indices.map { i -> (label: String, values: [Double], scale: String, diverging: Bool) in
        let values = Array(grid.values[(i * units * steps)..<((i + 1) * units * steps)])
        let (lo, hi) = gateRange(values)
        let scale = context.language(.gate(.scale), ["low": .compact(lo, significantDigits: 2), "high": .compact(hi, significantDigits: 2)])
        return (gateLabel(names[i], context.language), values, scale, names[i] == "cell" || names[i] == "new")
    }
    // The map first: in a narrow panel the names shrink to the equations' letters, then the scales go.
    let short = body.width - ((bands.map(\.label.displayWidth).max() ?? 0) + 1) < 12
    let labels = names.indices.map { short ? gateLetter(names[$0]) : bands[$0].label }
    let labelWidth = (labels.map(\.displayWidth).max() ?? 0) + 1
    var scaleWidth = (bands.map(\.scale.displayWidth).max() ?? 0) + 1
    if body.width - labelWidth - scaleWidth < 12 { scaleWidth = 0 }
    let mapWidth = body.width - labelWidth - scaleWidth
    guard mapWidth >= 2 else { return }
    let bandHeight = max(1, body.height / bands.count)
    for (i, band) in bands.enumerated() {
        let y = body.y + i * bandHeight
        guard y < body.maxY else { break }
        let height = min(bandHeight, body.maxY - y)
        buffer.write(labels[i], x: body.x, y: y, style: LabTheme.bold, maxWidth: labelWidth - 1)
        let (lo, hi) = gateRange(band.values)
        let map = Heatmap(rows: units, columns: steps, values: band.values, colorMap: band.diverging ? .diverging : .sequential,
                          range: band.diverging ? -max(abs(lo), abs(hi), 1e-9)...max(abs(lo), abs(hi), 1e-9) : lo...max(hi, lo + 1e-9),
                          showLegend: false)
        buffer.render(map, in: Rect(x: body.x + labelWidth, y: y, width: mapWidth, height: height))
        if scaleWidth > 0 {
            buffer.write(band.scale, x: body.x + labelWidth + mapWidth + 1, y: y, style: LabTheme.dim, maxWidth: scaleWidth - 1)
        }
    }
    if showsMarks {
        let y = body.maxY
        buffer.write(short ? "▲" : context.language(.gate(.markedSteps)), x: body.x, y: y, style: LabTheme.dim, maxWidth: labelWidth - 1)
        for x in markedColumns(marks, width: mapWidth) {
            buffer.write("▲", x: body.x + labelWidth + x, y: y, style: LabTheme.warning)
        }
    }
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
