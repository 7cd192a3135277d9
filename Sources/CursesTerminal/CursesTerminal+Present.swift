import CNcursesw
import TerminalUI

extension CursesTerminal {
    /// Shows `buffer`: writes the cells that differ from the last frame
    /// (`buffer.diff(from:)`), or every cell on the first frame, after a
    /// resize, ``invalidate()`` or a change of buffer size, then updates the
    /// screen once (`wnoutrefresh` + `doupdate`).
    ///
    /// Draw a buffer of ``size()``: cells beyond the screen are dropped. Wide
    /// graphemes are written once from their left cell; continuation cells
    /// are skipped. Styles map to curses attributes and to a colour pair from
    /// a cache (colours brought down to the terminal's palette).
    public func present(_ buffer: Buffer) {
        guard isActive else { return }
        let (columns, rows) = size()
        let runs: [BufferRun]
        if !needsFullRedraw, let previous, previous.width == buffer.width, previous.height == buffer.height {
            runs = buffer.diff(from: previous)
        } else {
            werase(window)
            runs = buffer.allRuns()
        }
        for run in runs where run.y < rows {
            var offset = 0
            for cell in run.cells {
                let x = run.x + offset
                offset += 1
                if x >= columns { break }
                if cell.isContinuation { continue }
                draw(cell, x: x, y: run.y, columns: columns, rows: rows)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
        needsFullRedraw = false
    }

    /// Writes one cell (the left cell of a wide grapheme) at (`x`, `y`).
    private func draw(_ cell: Cell, x: Int, y: Int, columns: Int, rows: Int) {
        let (attributes, pair) = cursesStyle(cell.style)
        var symbol = cell.symbol
        // A wide grapheme in the last column cannot be shown.
        if cell.isWide && x + 1 >= columns { symbol = " " }
        let limit = Int(rnn_ccharw_max())
        var n = 0
        for scalar in symbol.unicodeScalars {
            if n == limit { break }
            graphemeScratch[n] = wchar_t(bitPattern: scalar.value)
            n += 1
        }
        graphemeScratch[n] = 0
        let status = rnn_mvwadd_grapheme(window, Int32(y), Int32(x), graphemeScratch, attributes, pair)
        // Writing the bottom-right cell reports ERR (the cursor cannot move on)
        // but draws; any other ERR means curses rejected the grapheme.
        if status == ERR && !(y == rows - 1 && x + Int(max(1, cell.width)) >= columns) {
            graphemeScratch[0] = wchar_t(UInt8(ascii: "?"))
            graphemeScratch[1] = 0
            _ = rnn_mvwadd_grapheme(window, Int32(y), Int32(x), graphemeScratch, attributes, pair)
        }
        // If curses thinks a grapheme we treat as wide is narrow, blank the
        // right half so nothing stale stays there.
        if cell.isWide && x + 1 < columns && y < rows - 1 && Int(getcurx(window)) == x + 1 {
            graphemeScratch[0] = wchar_t(UInt8(ascii: " "))
            graphemeScratch[1] = 0
            _ = rnn_mvwadd_grapheme(window, Int32(y), Int32(x + 1), graphemeScratch, attributes, pair)
        }
    }

    /// Curses attributes and colour pair for a style, allocating the pair if new.
    private func cursesStyle(_ style: Style) -> (attr_t, Int32) {
        if let lastStyle, lastStyle == style { return (lastAttributes, lastPair) }
        var attributes: attr_t = rnn_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attributes |= rnn_a_bold() }
        if a.contains(.dim) { attributes |= rnn_a_dim() }
        if a.contains(.italic) { attributes |= rnn_a_italic() }
        if a.contains(.underline) { attributes |= rnn_a_underline() }
        if a.contains(.reverse) { attributes |= rnn_a_reverse() }
        var pair: Int32 = 0
        if capabilities.color && (style.foreground != nil || style.background != nil) {
            let lookup = pairs.pair(foreground: style.foreground, background: style.background)
            if lookup.isNew {
                init_extended_pair(lookup.pair, lookup.colors.foreground, lookup.colors.background)
            }
            pair = lookup.pair
        }
        lastStyle = style
        lastAttributes = attributes
        lastPair = pair
        return (attributes, pair)
    }
}
