import LabText
import RNNLab
import TerminalUI

/// BPTT's and RTRL's gradients per parameter with their relative difference,
/// then the multiply-adds per step of each at three hidden sizes (counted) and the time
/// per step (measured), each with its fitted growth exponents on a line of their
/// own. Narrow, it drops the norm columns; short, the per-parameter rows. The
/// inspect cursor reads every cell, the dropped columns and rows included.
struct RTRLPanel: DashboardPanel {
    let id = PanelKind.rtrl
    let placement = PanelPlacement.row
    let measurements: Set<String> = ["rtrl_difference", "rtrl_mac_growth", "rtrl_growth"]

    func title(_ context: PanelContext) -> String { context.text(.rtrlTitle) }
    func titles(_ context: PanelContext) -> [String] { [title(context), context.text(.rtrlTitleShort)] }

    /// Wider than the panel beside it: its table is what the lesson is about.
    var width: Constraint { .percentage(62) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard let table = RTRLTable(context, title: title(context), in: area) else {
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.text(.rtrlPending), in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        for (i, line) in table.lines.enumerated() {
            buffer.write(line.text, in: area.row(1 + i), alignment: .left, style: line.style)
        }
    }

    /// Rows: each parameter, then each cost row (RTRL, BPTT of each block); columns:
    /// the two norms and the difference, or the hidden sizes and the growth exponent.
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        guard let table = RTRLTable(context, title: title(context), in: area), !table.cells.isEmpty else { return nil }
        let cells = table.cells
        func at(_ r: Int, _ c: Int) -> RTRLTable.Cell { cells[r][min(c, cells[r].count - 1)] }
        return Inspection(rows: cells.count, columns: cells.map(\.count).max() ?? 0, start: (0, cells[0].count - 1),
                          cells: { r, c in
                              guard let place = at(r, c).place else { return [] }
                              return (0..<place.width).map { (area.x + place.x + $0, area.y + 1 + place.line) }
                          },
                          readout: { r, c in at(r, c).readout })
    }
}

/// The RTRL panel's lines as drawn in `area` under its heading, and every value
/// of the table with where it is drawn (if it is) and what the cursor reads there.
struct RTRLTable {
    struct Cell {
        /// The line (0: the first under the heading), column and width of its text; nil when not drawn.
        var place: (line: Int, x: Int, width: Int)?
        var readout: String
    }
    var lines: [(text: String, style: Style)] = []
    /// One row per parameter, then one per cost row; each row's values left to right.
    var cells: [[Cell]] = []

    init?(_ context: PanelContext, title: String, in area: Rect) {
        let run = context.run
        guard let c = run.gradientComparison else { return nil }
        let value = PanelNumbers.value
        let t = context.text
        // Each column as wide as its widest cell (display columns), and at least as wide as before.
        let heading = [t(.rtrlParameter, [:]), t(.rtrlBPTTNorm, [:]), t(.rtrlRTRLNorm, [:]), t(.rtrlDifference, [:])]
        let values = c.rows.map { [$0.name, value($0.bptt), value($0.rtrl), value($0.difference)] }
        let widths = (0..<3).map { i in max([14, 11, 11][i], ([heading] + values).map { $0[i].displayWidth + 1 }.max() ?? 0) }
        // Too narrow for every column: the norms go first, the relative difference stays.
        let keep = widths.reduce(0, +) + (([heading] + values).map { $0[3].displayWidth }.max() ?? 0) <= area.width ? [0, 1, 2, 3] : [0, 3]
        let kept = { (row: [String]) in keep.map { row[$0] } }
        let keptWidths = keep.dropLast().map { widths[$0] }
        var table: [(String, Style)] = [(Self.row(kept(heading), keptWidths), LabTheme.dim)]
        table += values.map { (Self.row(kept($0), keptWidths), .plain) }
        let all = (t(.rtrlAll, ["value": .text(value(c.difference))]), c.difference < 1e-4 ? LabTheme.goodDim : LabTheme.error)
        let m = Dictionary(run.measurements.map { ($0.id.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Where each kept column starts.
        let keptStarts = keep.indices.map { i in keptWidths.prefix(i).reduce(0, +) }
        // Counted cost first (the check reads it), then the measured one; each
        // block's growth exponents on a line of their own, under its rows. Too
        // narrow or too short for that: the compact form (``costBlocks``).
        let room = max(0, area.height - 1)
        var cost = Self.costBlocks(context, m, title: title, width: area.width, compact: false)
        let fullRows = 1 + cost.blocks.reduce(0) { $0 + $1.count + 1 }
        if !cost.fits || fullRows > room {
            cost = Self.costBlocks(context, m, title: title, width: area.width, compact: true)
        }
        let (costs, costCells, costBlockOf) = (cost.blocks, cost.cells, cost.blockOf)
        // With few rows, the per-parameter rows go before the cost blocks do; the
        // compact form has no blank line between blocks.
        let gap = cost.compact ? 0 : 1
        let costRows = costs.reduce(0) { $0 + $1.count + gap }
        let showsTable = table.count + 1 + costRows <= room
        var lines = showsTable ? table + [all] : [all]
        var blockStart: [Int] = []
        for block in costs {
            if gap > 0 { lines.append(("", .plain)) }
            blockStart.append(lines.count)
            lines += block
        }
        let shown = Array(lines.prefix(room))
        self.lines = shown.map { (text: $0.0, style: $0.1) }
        let width = area.width
        /// A place only when its line is drawn and its text starts inside the panel (clipped to it).
        func place(_ line: Int, _ x: Int, _ w: Int) -> (line: Int, x: Int, width: Int)? {
            guard line < shown.count, x < width, w > 0 else { return nil }
            return (line, x, min(w, width - x))
        }
        for (r, row) in c.rows.enumerated() {
            let line = 1 + r  // under the table's heading
            let name = showsTable ? place(line, 0, row.name.displayWidth) : nil
            cells.append((1...3).map { i in
                let readout = context.language(.explore(.inspectTableCell), ["panel": .text(title), "row": .text(row.name),
                                                                             "column": .text(heading[i]), "value": .text(values[r][i])])
                guard showsTable else { return Cell(place: nil, readout: readout) }
                // A dropped column is read over the parameter's name.
                guard let k = keep.firstIndex(of: i) else { return Cell(place: name, readout: readout) }
                return Cell(place: place(line, keptStarts[k], values[r][i].displayWidth) ?? name, readout: readout)
            })
        }
        for (i, row) in costCells.enumerated() {
            let start = blockStart[costBlockOf[i]]
            cells.append(row.map { Cell(place: place(start + $0.line, $0.x, $0.width), readout: $0.readout) })
        }
        // Rows with no line drawn (a short panel drops the per-parameter rows first) stay:
        // the cursor still reads them, with nothing to highlight.
    }

    /// The cost blocks (multiply-adds, then milliseconds, each per step at three
    /// hidden sizes) `width` columns wide: their lines, and per cost row its cells
    /// (readout, line within the block, x, width) and its block. In full, a heading
    /// column ("mult-adds/step") and the exponents on a line under the rows. Compact
    /// (a narrow or short panel): the short unit ("MACs", "ms") in the corner, two
    /// significant digits, each row's exponent at its end. `fits`: no column is cut.
    static func costBlocks(_ context: PanelContext, _ m: [String: Double], title: String, width: Int, compact: Bool)
        -> (blocks: [[(String, Style)]], cells: [[(readout: String, line: Int, x: Int, width: Int)]], blockOf: [Int], fits: Bool, compact: Bool) {
        let t = context.text
        var blocks: [[(String, Style)]] = [], cells: [[(readout: String, line: Int, x: Int, width: Int)]] = [], blockOf: [Int] = []
        var fits = true
        for (heading, short, unit, growth) in [(PanelKey.rtrlCounts, PanelKey.rtrlCountsShort, "macs", "mac_growth"),
                                              (.rtrlTimes, .rtrlTimesShort, "ms", "growth")]
        where m["rtrl_\(growth)"] != nil {
            let sizes = Measurement.timedSizes
            let names: [(String, PanelKey)] = [("rtrl", .rtrlRowRTRL), ("bptt", .rtrlRowBPTT)]
            let corner = t(compact ? short : heading, [:])
            let first = max(compact ? 1 : 6, ([corner] + names.map { t($0.1, [:]) }).map { $0.displayWidth + 1 }.max() ?? 0)
            let exponents = names.map { name, _ in
                m["\(name)_\(growth)"].map { t(.rtrlGrowth, ["exponent": .text(PanelNumbers.exponent($0))]) } ?? t(.rtrlGrowthUnknown, [:])
            }
            // Compact: two significant digits, one if the row still does not fit (2.5e-3 → 2e-3).
            var digits = compact ? 2 : 3, widths: [Int] = []
            func value(_ v: Double) -> String { NumberFormat.compact(v, significantDigits: digits) }
            while true {
                // Narrower columns before any is cut, but never so narrow that two values run together.
                let widest = sizes.flatMap { size in
                    [t(.rtrlSize, ["size": .integer(size)])] + names.map { m["\($0.0)_\(unit)_\(size)"].map(value) ?? "–" }
                }.map { $0.displayWidth + 1 }.max() ?? 0
                let column = compact ? widest : max(6, widest, min(9, (width - first) / max(1, sizes.count)))
                widths = [first] + sizes.map { _ in column }
                let rowWidth = widths.reduce(0, +) + (compact ? exponents.map(\.displayWidth).max() ?? 0 : 0)
                if rowWidth <= width { break }
                if !compact || digits == 1 { fits = false; break }
                digits -= 1
            }
            var block: [(String, Style)] = [(Self.row([corner] + sizes.map { t(.rtrlSize, ["size": .integer($0)]) }, widths), LabTheme.dim)]
            var exponentX = 0
            var entries: [String] = []
            for (n, (name, label)) in names.enumerated() {
                let cellsText = sizes.map { m["\(name)_\(unit)_\($0)"].map(value) ?? "–" }
                let exponent = exponents[n]
                block.append((Self.row([t(label, [:])] + cellsText + (compact ? [exponent] : []), widths), .plain))
                let entry = t(label, [:]) + " " + exponent
                var row: [(readout: String, line: Int, x: Int, width: Int)] = sizes.enumerated().map { i, size in
                    (context.language(.explore(.inspectCost), ["panel": .text(title), "method": .text(t(label, [:])),
                                                               "size": .text(t(.rtrlSize, ["size": .integer(size)])),
                                                               "value": .text(cellsText[i]), "measure": .text(t(heading, [:]))]),
                     1 + n, widths.prefix(1 + i).reduce(0, +), cellsText[i].displayWidth)
                }
                let readout = context.language(.explore(.inspectTableCell), ["panel": .text(title), "row": .text(t(label, [:])),
                                                                            "column": .text(t(heading, [:])), "value": .text(exponent)])
                if compact {
                    row.append((readout, 1 + n, widths.reduce(0, +), exponent.displayWidth))
                } else {
                    row.append((readout, 1 + names.count, exponentX, entry.displayWidth))
                    exponentX += entry.displayWidth + context.language(.common(.partSeparator)).displayWidth
                }
                entries.append(entry)
                cells.append(row)
                blockOf.append(blocks.count)
            }
            if !compact { block.append((entries.joined(separator: context.language(.common(.partSeparator))), .plain)) }
            blocks.append(block)
        }
        return (blocks, cells, blockOf, fits, compact)
    }

    /// Cells padded to `widths` display columns; the cell after the last width is not padded.
    static func row(_ cells: [String], _ widths: [Int]) -> String {
        cells.enumerated().map { i, cell in i < widths.count ? cell.padded(toColumns: widths[i]) : cell }.joined()
    }
}
