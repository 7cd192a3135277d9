import LabText
import RNNLab
import TerminalUI

/// An image as a recurrent classifier reads it, one pixel row per step: the
/// first validation image drawn in half-blocks (two pixel rows per text row) or,
/// when short of rows or columns, in braille (four per text row, or eight with
/// pairs of rows merged when shorter still), and beside each text row
/// the class the read-out would give after its last pixel row, green when right.
/// A ▶ cursor marks the row being read: while training runs it sweeps down the
/// image (a few rows a second, from the frame clock), paused it rests on the last
/// row. Rows not yet read are dim. Read from the `row_reading` probe (`RowReading`).
struct RowReadingPanel: DashboardPanel {
    let id = PanelKind.rowReading
    /// Across the bottom: the image and its guesses need width more than height.
    let placement = PanelPlacement.footer
    let measurements: Set<String> = [ProbeID.rowReading.rawValue]
    /// Pixel rows the cursor moves per second while training runs.
    static let rowsPerSecond = 4.0

    func title(_ context: PanelContext) -> String {
        guard let reading = RowReading.reading(context.run.probes?[.rowReading]?.grid) else { return context.text(.rowReadingTitle) }
        return context.text(.rowReadingTarget, ["target": .text(reading.classNames[reading.target])])
    }

    /// The heading and the image in braille (four pixel rows a text row).
    func rows(_ context: PanelContext) -> PanelRows {
        let pixelRows = RowReading.reading(context.run.probes?[.rowReading]?.grid)?.rows ?? 28
        return PanelRows(minimum: 4, preferred: 1 + (pixelRows + 3) / 4)
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let reading = RowReading.reading(context.run.probes?[.rowReading]?.grid) else {
            let note: PanelKey = context.run.validationLoss.isEmpty ? .shownAtFirstEvaluation : .rowReadingNone
            return drawPlaceholder(title(context), context.text(note), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        guard body.height > 0, body.width > 1 else { return }
        // Half-blocks need a text row per two pixel rows and a column per pixel, with
        // room for a short guess beside them; braille one text row per four, a column per two.
        let perRow = body.height >= (reading.rows + 1) / 2 && body.width >= reading.width + 8 ? 2
            : body.height >= (reading.rows + 3) / 4 ? 4 : 8
        let cursor = cursorRow(context.run, rows: reading.rows)
        let imageWidth = perRow == 2 ? reading.width : (reading.width + 1) / 2
        let textRows = min(body.height, (reading.rows + perRow - 1) / perRow)
        // One form for every row, the longest whose widest case fits: "row 12: 7 48%", "7 48%", "7".
        let widest: [String: TextArgument] = ["row": .integer(reading.rows), "guess": .text(reading.classNames.max { $0.displayWidth < $1.displayWidth } ?? ""),
                                              "probability": .percent(1, decimals: 0)]
        let room = body.width - 2 - imageWidth
        let form = [context.text(.rowReadingGuess, widest), context.text(.rowReadingGuessShort, widest)]
            .firstIndex { $0.displayWidth <= room } ?? 2
        for k in 0..<textRows {
            let y = body.y + k
            let first = k * perRow, last = min(reading.rows, first + perRow) - 1
            let read = first <= cursor
            if (first...last).contains(cursor) {
                buffer.write(buffer.capabilities.unicodeGlyphs ? "▶" : ">", x: body.x, y: y, style: LabTheme.bold, maxWidth: 1)
            }
            let ink = read ? Style.plain : LabTheme.dim
            for c in 0..<min(imageWidth, body.width - 1) {
                let glyph = perRow == 2 ? halfBlock(reading, top: first, column: c, unicode: buffer.capabilities.unicodeGlyphs)
                                        : braille(reading, top: first, column: 2 * c, rowsPerDot: perRow / 4)
                buffer.write(String(glyph), x: body.x + 1 + c, y: y, style: ink, maxWidth: 1)
            }
            // The guess after this text row's last pixel row read so far.
            let x = body.x + 2 + imageWidth
            guard x < body.maxX, read else { continue }
            let shown = min(last, cursor)
            let guess = reading.guess(afterRow: shown)
            let arguments: [String: TextArgument] = ["row": .integer(shown + 1), "guess": .text(reading.classNames[guess.index]),
                                                     "probability": .percent(guess.probability, decimals: 0)]
            let forms = [context.text(.rowReadingGuess, arguments), context.text(.rowReadingGuessShort, arguments), reading.classNames[guess.index]]
            let text = forms[min(form, forms.count - 1)]
            let style = guess.index == reading.target ? LabTheme.goodDim : LabTheme.error
            buffer.write(text, x: x, y: y, style: (first...last).contains(cursor) ? style.adding(.bold) : style, maxWidth: body.maxX - x)
        }
    }

    /// The pixel row under the cursor: sweeping while the run trains, the last one when it rests.
    func cursorRow(_ run: RunState, rows: Int) -> Int {
        guard run.isRunning, rows > 0 else { return rows - 1 }
        return Int(max(0, run.clock) * Self.rowsPerSecond) % rows
    }
}

/// Pixels above half the scale are ink.
private func ink(_ r: RowReading, _ row: Int, _ column: Int) -> Bool {
    row < r.rows && column < r.width && r.pixels[row * r.width + column] > 0.5
}

/// One column of two pixel rows: ▀ ▄ █ or blank (' . # or blank without Unicode).
private func halfBlock(_ r: RowReading, top: Int, column: Int, unicode: Bool) -> Character {
    switch (ink(r, top, column), ink(r, top + 1, column)) {
    case (true, true): return unicode ? "█" : "#"
    case (true, false): return unicode ? "▀" : "'"
    case (false, true): return unicode ? "▄" : "."
    case (false, false): return " "
    }
}

/// Two columns of four dot rows as one braille cell (dots 1-2-3-7 left, 4-5-6-8
/// right); each dot row covers `rowsPerDot` pixel rows, inked if any of them is.
private func braille(_ r: RowReading, top: Int, column: Int, rowsPerDot: Int) -> Character {
    let bits: [(Int, Int, UInt32)] = [(0, 0, 0x01), (1, 0, 0x02), (2, 0, 0x04), (3, 0, 0x40),
                                      (0, 1, 0x08), (1, 1, 0x10), (2, 1, 0x20), (3, 1, 0x80)]
    let code = bits.reduce(UInt32(0)) { code, bit in
        let inked = (0..<rowsPerDot).contains { ink(r, top + bit.0 * rowsPerDot + $0, column + bit.1) }
        return code | (inked ? bit.2 : 0)
    }
    return Character(Unicode.Scalar(0x2800 + code)!)
}
