import LabText
import RNNLab
import TerminalUI

/// The part of a list of `count` rows shown in `rows` rows (at least one), so
/// the selected row is in view: the first shown and how many.
func visibleList(count: Int, selected: Int, rows: Int) -> (first: Int, height: Int) {
    let height = max(1, min(count, rows))
    return (max(0, min(selected - height + 1, count - height)), height)
}

/// For each shown row of the knob list (or the checks list) in its panel
/// `area`, the screen row and the index of the knob (check) on it.
func listLines(count: Int, selected: Int, reserved: Int, in area: Rect) -> [(y: Int, index: Int)] {
    let inner = area.inset(top: 1, left: 1, bottom: 1, right: 1)
    guard !inner.isEmpty, count > 0 else { return [] }
    let (first, height) = visibleList(count: count, selected: selected, rows: inner.height - reserved)
    return (first..<min(count, first + height)).enumerated().map { (inner.y + $0.offset, $0.element) }
}

/// Rows under the knob list for the selected knob's range, summary and editor;
/// under the checks list for the selected check's progress and hint.
let knobDetailRows = 5, checkDetailRows = 2

/// Rows kept under the knob list in a panel `innerHeight` rows high: the
/// detail rows when the list still shows three knobs (or all it has); in a
/// short panel (the stacked layout below 80 columns) only the range line, so
/// several knobs stay in view rather than one.
func knobReservedRows(count: Int, innerHeight: Int) -> Int {
    innerHeight - knobDetailRows >= min(count, 3) ? knobDetailRows : min(2, max(0, innerHeight - 1))
}

/// The knob panel: one row per knob (name and value), then the selected
/// knob's range, when it takes effect, what it does, and the typing field.
func drawKnobs(_ ls: LessonState, language t: Language, in area: Rect, buffer: inout Buffer) {
    let focused = ls.focus == .knobs
    let inner = area.inset(top: 1, left: 1, bottom: 1, right: 1)
    let knobs = ls.lesson.knobs
    let reserved = knobReservedRows(count: knobs.count, innerHeight: inner.height)
    let (first, listHeight) = visibleList(count: knobs.count, selected: ls.selectedKnob, rows: inner.height - reserved)
    // A list cut short says which knob of how many is selected.
    let title = listHeight < knobs.count
        ? t(.knobs(.panelPosition), ["index": .integer(ls.selectedKnob + 1), "count": .integer(knobs.count)]) : t(.knobs(.panel))
    buffer.render(LabTheme.panel(title, focused: focused), in: area)
    guard !inner.isEmpty else { return }
    guard !knobs.isEmpty else {
        buffer.write(t(.knobs(.none)), x: inner.x + 1, y: inner.y, style: LabTheme.dim, maxWidth: inner.width - 1)
        return
    }
    for (row, i) in (first..<min(knobs.count, first + listHeight)).enumerated() {
        let knob = knobs[i]
        let line = inner.row(row)
        let isSelected = i == ls.selectedKnob
        // A knob that does nothing now (go_backwards beside bidirectional 1) is dimmed.
        let idle = ls.idleReason(of: knob) != nil
        let style = isSelected && focused ? LabTheme.selected : (isSelected ? LabTheme.bold : (idle ? LabTheme.dim : Style.plain))
        if isSelected && focused { buffer.fill(line, style: style) }
        let changed = ls.value(of: knob) != ls.lesson.settings[knob.name]
        let value = ls.value(of: knob).description + (changed ? "*" : "")
        let marker = isSelected ? "▸" : " "
        buffer.write(marker + " " + knob.name, in: Rect(x: line.x, y: line.y, width: line.width - value.displayWidth - 1, height: 1),
                     alignment: .left, style: style)
        buffer.write(value + " ", in: line, alignment: .right, style: style)
    }
    guard let knob = ls.currentKnob, inner.height > listHeight else { return }
    var y = inner.y + listHeight
    if reserved >= 2 {
        let rule: Character = buffer.capabilities.unicodeGlyphs ? "─" : "-"
        buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), symbol: rule, style: LabTheme.dim)
        y += 1
    }
    let range = t(.knobs(knob.effect == .live ? .rangeLive : .rangeRebuilds), ["range": .phrase(rangeText(knob))])
    buffer.write(" " + range, in: Rect(x: inner.x, y: y, width: inner.width, height: 1),
                 alignment: .left, style: LabTheme.dim)
    y += 1
    if var editor = ls.editor {
        editor.prompt = knobPrompt(knob, t)
        buffer.render(editor, in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: 1))
        y += 1
    }
    if let idle = ls.idleReason(of: knob) {
        for line in wrap(t.render(idle), width: inner.width - 1) where y < inner.maxY {
            buffer.write(line, x: inner.x + 1, y: y, style: LabTheme.warning, maxWidth: inner.width - 1)
            y += 1
        }
    }
    for line in wrap(t.render(knob.summary), width: inner.width - 1) where y < inner.maxY {
        buffer.write(line, x: inner.x + 1, y: y, style: LabTheme.dim, maxWidth: inner.width - 1)
        y += 1
    }
}
