import LabText
import TerminalUI

/// The keys, as listed in the help overlay: the key map's rows that have a help line.
func helpEntries(_ language: Language) -> [(key: String, action: String)] {
    keyMap.compactMap { row in row.help.map { (row.label.text(language), language(.keys($0))) } }
}

/// The help overlay: every key and what it does, over the current screen.
func drawHelp(_ state: AppState, in area: Rect, buffer: inout Buffer) {
    let t = state.language
    let entries = helpEntries(t)
    let keyWidth = entries.map(\.key.displayWidth).max() ?? 0
    let textWidth = entries.map(\.action.displayWidth).max() ?? 0
    // Blank rows around the list only where the screen has room for them
    // (at 80×24 every key needs every row).
    let roomy = entries.count + 6 <= area.height
    let modal = Modal(width: keyWidth + textWidth + 9, height: entries.count + (roomy ? 6 : 3), title: t(.keys(.helpTitle)))
    buffer.render(modal, in: area)
    let inner = modal.contentArea(in: area)
    var y = inner.y + (roomy ? 1 : 0)
    for entry in entries where y < inner.maxY - 1 {
        buffer.write(entry.key, x: inner.x, y: y, style: LabTheme.bold, maxWidth: keyWidth)
        buffer.write(entry.action, x: inner.x + keyWidth + 2, y: y, maxWidth: inner.width - keyWidth - 2)
        y += 1
    }
    buffer.write(t(.keys(.helpClose)), in: inner.row(inner.height - 1), alignment: .center, style: LabTheme.dim)
}
