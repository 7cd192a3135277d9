import LabText

extension LinePlot {
    func drawAxes(
        a: Rect, px: Int, pw: Int, plotTop: Int, ph: Int, showYAxis: Bool, axisRows: Int, xLabelRows: Int,
        yTicks: [Double], yLabels: [String], xr: (Double, Double), xMap: AxisMap, yMap: AxisMap,
        subX: Int, subY: Int, unicode: Bool, buffer buf: inout Buffer
    ) {
        let vertical: Character = unicode ? "│" : "|"
        let yTick: Character = unicode ? "┤" : "+"
        if showYAxis {
            for cy in 0..<ph { buf.setNarrow(x: px - 1, y: plotTop + cy, symbol: vertical, style: axisStyle) }
            var usedRows = Set<Int>()
            for (t, label) in zip(yTicks, yLabels) {
                let row = (yMap.dots - 1 - yMap.position(t)) / subY
                guard row >= 0, row < ph, !usedRows.contains(row) else { continue }
                usedRows.insert(row)
                buf.setNarrow(x: px - 1, y: plotTop + row, symbol: yTick, style: axisStyle)
                buf.write(label, x: px - 1 - label.displayWidth, y: plotTop + row, style: axisStyle)
            }
        }
        guard axisRows > 0 else { return }
        let ay = plotTop + ph
        if showYAxis { buf.setNarrow(x: px - 1, y: ay, symbol: unicode ? "└" : "+", style: axisStyle) }
        for cx in 0..<pw { buf.setNarrow(x: px + cx, y: ay, symbol: unicode ? "─" : "-", style: axisStyle) }
        var xTicks = Ticks.linear(xr.0, xr.1, maxCount: max(2, pw / 8))
        if wholeSteps {
            // Steps and time steps are whole numbers: no tick between two of them.
            let span = Int(min(1e9, max(1, (xr.1 - xr.0).rounded(.down))))
            xTicks = Ticks.linear(xr.0, xr.1, maxCount: max(1, min(max(2, pw / 8), span))).filter { $0 == $0.rounded() }
        }
        var lastEnd = Int.min
        for t in xTicks {
            let cx = xMap.position(t) / subX
            guard cx >= 0, cx < pw else { continue }
            buf.setNarrow(x: px + cx, y: ay, symbol: unicode ? "┬" : "+", style: axisStyle)
            guard xLabelRows > 0 else { continue }
            let label = NumberFormat.compact(t)
            let lw = label.displayWidth
            var lx = px + cx - lw / 2
            lx = min(lx, a.maxX - lw)
            lx = max(lx, a.x)
            guard lx > lastEnd, lx + lw <= a.maxX else { continue }
            buf.write(label, x: lx, y: ay + 1, style: axisStyle)
            lastEnd = lx + lw
        }
    }

    /// The legend's entries (by series index) on each row, `width` columns
    /// wide: an entry that does not fit where the row has got to starts the
    /// next row, if the row holds something already.
    func legendLines(width: Int, skipped: [Int]) -> [[Int]] {
        var lines: [[Int]] = [[]]
        var used = 0
        for i in series.indices {
            let entry = 3 + series[i].name.displayWidth
                + (skipped[i] > 0 ? language(.common(.plotSkipped), ["count": .integer(skipped[i])]).displayWidth : 0)
            let gap = lines[lines.count - 1].isEmpty ? 0 : 2
            if used + gap + entry > width && !lines[lines.count - 1].isEmpty {
                lines.append([i])
                used = entry
            } else {
                lines[lines.count - 1].append(i)
                used += gap + entry
            }
        }
        return lines
    }

    func drawLegend(x: Int, y: Int, width: Int, rows: Int = 1, skipped: [Int], unicode: Bool, buffer buf: inout Buffer) {
        // One row: every entry in turn, cut at the edge. More: entries wrap whole, the last row takes the rest.
        // One row may use short names and leave out ranked entries (`fittedLegend`).
        let fitted = rows > 1 ? nil : fittedLegend(width: width, skipped: skipped, unicode: buf.capabilities.unicode)
        var lines = rows > 1 ? legendLines(width: width, skipped: skipped) : [fitted!.map(\.index)]
        if lines.count > rows { lines[rows - 1] += lines[rows...].joined(); lines.removeLast(lines.count - rows) }
        for (row, entries) in lines.enumerated() {
            var used = 0
            for (n, i) in entries.enumerated() {
                let s = series[i]
                let name = fitted?[n].name ?? s.name
                guard used < width else { break }
                if n > 0 { used += buf.write("  ", x: x + used, y: y + row, maxWidth: width - used) }
                // The legend shows each series' own glyph: a line in colour, else its marker.
                let lined = unicode && (buf.capabilities.color || i == 0)
                let marker = lined ? "━━" : String(repeating: LinePlot.marker(ofSeries: i), count: 2)
                used += buf.write(marker, x: x + used, y: y + row, style: .fg(s.color), maxWidth: width - used)
                used += buf.write(" " + name, x: x + used, y: y + row, maxWidth: width - used)
                if skipped[i] > 0 {
                    used += buf.write(language(.common(.plotSkipped), ["count": .integer(skipped[i])]), x: x + used, y: y + row, style: axisStyle, maxWidth: width - used)
                }
            }
        }
    }
}
