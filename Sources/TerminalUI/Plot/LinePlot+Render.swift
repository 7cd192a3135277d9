import LabText

extension LinePlot {
    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.withClip(area) { buf in
            let a = area.intersection(buf.clip)
            guard !a.isEmpty else { return }
            draw(in: a, buffer: &buf)
        }
    }

    /// The x and y ranges to show, and whether any point can be drawn.
    func fittedRanges() -> (x: (Double, Double), y: (Double, Double), hasData: Bool) {
        let log = yScale == .log
        var xLo = Double.infinity, xHi = -Double.infinity
        if let r = xRange, r.lowerBound.isFinite, r.upperBound.isFinite {
            xLo = r.lowerBound; xHi = r.upperBound
        } else {
            for s in series where s.count > 0 {
                if s.steps == nil {
                    let a = s.step(0), b = s.step(s.count - 1)
                    if a.isFinite && b.isFinite { xLo = min(xLo, a, b); xHi = max(xHi, a, b) }
                } else {
                    for i in 0..<s.count where s.step(i).isFinite {
                        xLo = min(xLo, s.step(i)); xHi = max(xHi, s.step(i))
                    }
                }
            }
        }
        if !(xLo <= xHi) { xLo = 0; xHi = 1 }
        if xLo == xHi { xLo -= 1; xHi += 1 }
        var yLo = Double.infinity, yHi = -Double.infinity
        for s in series {
            for i in 0..<s.count {
                let v = s.values[i], x = s.step(i)
                guard v.isFinite, !log || v > 0, x >= xLo, x <= xHi else { continue }
                if v < yLo { yLo = v }
                if v > yHi { yHi = v }
            }
        }
        let hasData = yLo <= yHi
        if let r = yRange, r.lowerBound.isFinite, r.upperBound.isFinite, r.lowerBound < r.upperBound,
            !log || r.lowerBound > 0
        {
            return ((xLo, xHi), (r.lowerBound, r.upperBound), hasData)
        }
        if !hasData { (yLo, yHi) = log ? (1, 10) : (0, 1) }
        if yLo == yHi {
            if log {
                yLo /= 3.1622776601683795; yHi *= 3.1622776601683795
            } else {
                let pad = yLo == 0 ? 1 : Swift.abs(yLo) * 0.1
                yLo -= pad; yHi += pad
            }
        }
        return ((xLo, xHi), (yLo, yHi), hasData)
    }

    /// Where the parts of the plot go in `a`: legend, y labels, dots, axis, x labels.
    struct Geometry {
        var legendRows: Int
        var xLabelRows: Int
        var axisRows: Int
        var yTicks: [Double]
        var yLabels: [String]
        var showYAxis: Bool
        /// The cells the dots fill.
        var plot: Rect
    }

    /// The layout `draw` uses in `a` for a y range `yr` (shared with the cursor, `LinePlot+Cursor.swift`).
    func geometry(in a: Rect, yRange yr: (Double, Double)) -> Geometry {
        let one = geometry(in: a, yRange: yr, legendRows: showLegend && !series.isEmpty && a.height >= 5 ? 1 : 0)
        // A one-row legend whose every entry has left (`fittedLegend`) gives its row to the plot.
        if one.legendRows == 1, legendRowLimit <= 1,
           fittedLegend(width: a.maxX - one.plot.x, skipped: [Int](repeating: 0, count: series.count)).isEmpty {
            return geometry(in: a, yRange: yr, legendRows: 0)
        }
        // A second legend row only when the entries need it and the plot keeps its room.
        guard one.legendRows == 1, legendRowLimit > 1, a.height >= 7,
              legendLines(width: a.maxX - one.plot.x, skipped: [Int](repeating: 0, count: series.count)).count > 1 else { return one }
        return geometry(in: a, yRange: yr, legendRows: 2)
    }

    private func geometry(in a: Rect, yRange yr: (Double, Double), legendRows: Int) -> Geometry {
        let rest = a.height - legendRows
        let xLabelRows = rest >= 4 ? 1 : 0
        let axisRows = rest - xLabelRows >= 3 ? 1 : 0
        let ph = rest - xLabelRows - axisRows
        let maxYTicks = max(2, ph / 2)
        let yTicks = yScale == .log ? Ticks.logarithmic(yr.0, yr.1, maxCount: maxYTicks) : Ticks.linear(yr.0, yr.1, maxCount: maxYTicks)
        let yLabels = Self.distinctLabels(yTicks)
        let labelW = yLabels.map(\.displayWidth).max() ?? 0
        let showYAxis = a.width >= labelW + 1 + 4
        let px = showYAxis ? a.x + labelW + 1 : a.x
        return Geometry(legendRows: legendRows, xLabelRows: xLabelRows, axisRows: axisRows, yTicks: yTicks, yLabels: yLabels,
                        showYAxis: showYAxis, plot: Rect(x: px, y: a.y + legendRows, width: max(0, a.maxX - px), height: max(0, ph)))
    }

    /// Tick labels with as many significant digits (3 to 7) as it takes to tell
    /// them apart: a narrow range (1.386…1.392) is not labelled 1.39 four times.
    static func distinctLabels(_ ticks: [Double]) -> [String] {
        var labels: [String] = []
        for digits in 3...7 {
            labels = ticks.map { NumberFormat.compact($0, significantDigits: digits) }
            if Set(labels).count == labels.count { break }
        }
        return labels
    }

    func draw(in a: Rect, buffer buf: inout Buffer) {
        let unicode = buf.capabilities.unicodeGlyphs
        // Without colour, series after the first are told apart by their marker.
        let color = buf.capabilities.color
        let log = yScale == .log
        let (xr, yr, hasData) = fittedRanges()

        let g = geometry(in: a, yRange: yr)
        let (legendRows, xLabelRows, axisRows, ph, plotTop) = (g.legendRows, g.xLabelRows, g.axisRows, g.plot.height, g.plot.y)
        let (yTicks, yLabels, showYAxis, px, pw) = (g.yTicks, g.yLabels, g.showYAxis, g.plot.x, g.plot.width)
        guard pw > 0, ph > 0 else { return }

        var canvas = PlotCanvas(columns: pw, rows: ph, braille: unicode)
        let xMap = AxisMap(lo: xr.0, hi: xr.1, log: false, dots: canvas.dotsWide)
        let yMap = AxisMap(lo: yr.0, hi: yr.1, log: log, dots: canvas.dotsHigh)
        let bottomDot = canvas.dotsHigh - 1
        var skipped = [Int](repeating: 0, count: series.count)
        var marks = [Int](repeating: -1, count: pw)

        for (si, s) in series.enumerated() {
            var hasPrev = false
            var prevX = 0, prevY = 0
            var spanX = -1, spanLo = 0, spanHi = 0
            for i in 0..<s.count {
                let x = s.step(i)
                guard x.isFinite, xMap.contains(x) else {
                    if spanX >= 0 { canvas.verticalSpan(x: spanX, spanLo, spanHi, series: si); spanX = -1 }
                    hasPrev = false
                    continue
                }
                let dx = xMap.position(x)
                let v = s.values[i]
                guard yMap.accepts(v) else {
                    skipped[si] += 1
                    marks[dx / canvas.subX] = si
                    if spanX >= 0 { canvas.verticalSpan(x: spanX, spanLo, spanHi, series: si); spanX = -1 }
                    hasPrev = false
                    continue
                }
                let dy = bottomDot - yMap.position(v)
                if !s.connected {
                    canvas.set(dx, dy, series: si)
                    continue
                }
                if hasPrev && prevX == dx {
                    spanLo = min(spanLo, dy); spanHi = max(spanHi, dy)
                } else {
                    if spanX >= 0 { canvas.verticalSpan(x: spanX, spanLo, spanHi, series: si) }
                    if hasPrev { canvas.line(prevX, prevY, dx, dy, series: si) }
                    spanX = dx; spanLo = dy; spanHi = dy
                }
                prevX = dx; prevY = dy; hasPrev = true
            }
            if spanX >= 0 { canvas.verticalSpan(x: spanX, spanLo, spanHi, series: si) }
        }

        // Dots.
        for cy in 0..<ph {
            for cx in 0..<pw {
                let i = cy * pw + cx
                let bits = canvas.bits[i]
                if bits == 0 { continue }
                let owner = Int(canvas.owner[i])
                let symbol = unicode && (color || owner == 0)
                    ? brailleCharacters[Int(bits)] : LinePlot.marker(ofSeries: owner)
                buf.setNarrow(x: px + cx, y: plotTop + cy, symbol: symbol, style: .fg(series[owner].color))
            }
        }
        if !hasData {
            let msg = language(.common(.plotNoData))
            let mx = px + max(0, (pw - msg.displayWidth) / 2)
            buf.write(msg, x: mx, y: plotTop + (ph - 1) / 2, style: axisStyle, maxWidth: pw)
        }

        // Event markers and labels, inside the plot only. Labels never cover
        // one another: see ``placeEventLabels(columns:width:rows:)``.
        let plotRect = Rect(x: px, y: plotTop, width: pw, height: ph)
        buf.withClip(plotRect) { b in
            var columns: [Int?] = []
            for e in events {
                guard e.step.isFinite, xMap.contains(e.step) else { columns.append(nil); continue }
                let cx = xMap.position(e.step) / canvas.subX
                columns.append(cx)
                for cy in 0..<ph where canvas.isEmpty(cx, cy) {
                    b.setNarrow(x: px + cx, y: plotTop + cy, symbol: unicode ? "┊" : ":", style: e.style)
                }
            }
            let places = placeEventLabels(columns: columns, width: pw, rows: LinePlot.eventLabelRows(plotRows: ph))
            for (i, place) in places.enumerated() {
                guard let place else { continue }
                b.write(events[i].label, x: px + place.x, y: plotTop + place.row, style: events[i].style, maxWidth: pw - place.x)
            }
            for cx in 0..<pw where marks[cx] >= 0 {
                b.setNarrow(x: px + cx, y: plotTop, symbol: unicode ? "×" : "x",
                            style: Style(foreground: series[marks[cx]].color, attributes: .bold))
            }
        }

        drawAxes(a: a, px: px, pw: pw, plotTop: plotTop, ph: ph, showYAxis: showYAxis, axisRows: axisRows,
                 xLabelRows: xLabelRows, yTicks: yTicks, yLabels: yLabels, xr: xr, xMap: xMap, yMap: yMap,
                 subX: canvas.subX, subY: canvas.subY, unicode: unicode, buffer: &buf)
        if legendRows > 0 { drawLegend(x: px, y: a.y, width: a.maxX - px, rows: legendRows, skipped: skipped, unicode: unicode, buffer: &buf) }
    }
}

extension LinePlot {
    /// Rows at the top of a plot of `plotRows` rows that event labels may
    /// take: half the plot (at least one row), so the curve stays in view.
    static func eventLabelRows(plotRows: Int) -> Int { max(1, min(plotRows, (plotRows + 1) / 2)) }

    /// Where each event's label goes: a row (0 is the top of the plot) and a
    /// column, or nil for a label that finds no room (its marker is still
    /// drawn). Newest first, each label takes the highest row where it
    /// overlaps no label already placed, right of its marker, else left of
    /// it; a one-column gap is kept between two labels on a row. `columns`
    /// holds each event's marker column, nil for an event off the axis.
    func placeEventLabels(columns: [Int?], width: Int, rows: Int) -> [(row: Int, x: Int)?] {
        var taken = [[Range<Int>]](repeating: [], count: max(0, rows))
        var out = [(row: Int, x: Int)?](repeating: nil, count: columns.count)
        for i in columns.indices.reversed() {
            guard let cx = columns[i] else { continue }
            let lw = events[i].label.displayWidth
            guard lw > 0, lw <= width else { continue }
            // Right of the marker, left of it, or flush right: the first that fits.
            var candidates = [cx + 1, cx - lw].filter { $0 >= 0 && $0 + lw <= width }
            if candidates.isEmpty { candidates = [max(0, width - lw)] }
            search: for row in 0..<taken.count {
                for x in candidates {
                    let span = x..<(x + lw)
                    let padded = (x - 1)..<(x + lw + 1)
                    if taken[row].allSatisfy({ !$0.overlaps(padded) }) {
                        taken[row].append(span)
                        out[i] = (row, x)
                        break search
                    }
                }
            }
        }
        return out
    }
}
