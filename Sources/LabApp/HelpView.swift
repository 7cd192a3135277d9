import TerminalUI

/// The keys, as listed in the help overlay.
let helpEntries: [(key: String, action: String)] = [
    ("↑ ↓  k j", "move the selection, scroll the prose"),
    ("← →  h l", "change the selected knob; turn prose pages"),
    ("PgUp PgDn", "previous / next prose page"),
    ("Tab", "move focus: lesson, knobs, checks"),
    ("Enter", "open a lesson; type a knob value"),
    ("Space", "start or pause training"),
    (".", "take one training step"),
    ("r", "reset: build the model again from the seed"),
    ("v", "verify the selected check in the background"),
    ("b", "after a divergence: roll back"),
    ("L", "after a divergence: roll back, learning rate ÷10"),
    ("?", "this help (any key closes it)"),
    ("q", "back to the lessons; quit from there"),
    ("Ctrl-C", "quit at once"),
]

/// The help overlay: every key and what it does, over the current screen.
func drawHelp(_ state: AppState, in area: Rect, buffer: inout Buffer) {
    let keyWidth = helpEntries.map(\.key.displayWidth).max() ?? 0
    let textWidth = helpEntries.map(\.action.displayWidth).max() ?? 0
    let modal = Modal(width: keyWidth + textWidth + 9, height: helpEntries.count + 6, title: "Keys")
    buffer.render(modal, in: area)
    let inner = modal.contentArea(in: area)
    var y = inner.y + 1
    for entry in helpEntries where y < inner.maxY - 1 {
        buffer.write(entry.key, x: inner.x, y: y, style: LabTheme.bold, maxWidth: keyWidth)
        buffer.write(entry.action, x: inner.x + keyWidth + 2, y: y, maxWidth: inner.width - keyWidth - 2)
        y += 1
    }
    buffer.write("Press any key to close.", in: inner.row(inner.height - 1), alignment: .center, style: LabTheme.dim)
}
