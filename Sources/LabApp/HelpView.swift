import LabText
import TerminalUI

/// The help overlay's rows: the key map's rows that have a help line, then
/// (after a blank row and a heading) the symbols the lesson screen uses.
func helpEntries(_ language: Language) -> [(key: String, action: String)] {
    keyMap.compactMap { row in row.help.map { (row.label.text(language), language(.keys($0))) } }
        + [("", ""), (language(.keys(.symbolsTitle)), "")] + helpSymbols(language)
}

/// Each symbol of the lesson screen (checks, knobs, run state, panels) and what it means.
func helpSymbols(_ language: Language) -> [(key: String, action: String)] {
    let rows: [(String, KeyMapKey)] = [
        ("✓", .symbolMet), ("○", .symbolOpen), ("·", .symbolOtherSettings), ("✗", .symbolFailed),
        ("*", .symbolChanged), ("▸", .symbolSelected), ("▶ ‖ ✖", .symbolRunState), ("ρ(W_hh)", .symbolRadius),
        ("‖∂L/∂h_t‖", .symbolGradient), ("×", .symbolNonFinite), ("x→y", .symbolMark),
        (language(.keys(.symbolLiveLabel)), .symbolLive),
    ]
    return rows.map { ($0.0, language(.keys($0.1))) }
}

/// Whether `entries` rows of keys, the frame, the margins, the input-method
/// note and the closing line need more than `height` rows.
func helpIsTight(entries: Int, height: Int) -> Bool { entries + 7 > height }

/// The most the help overlay scrolls on a screen `height` rows high: 0 when every key fits.
func helpMaxScroll(_ state: AppState) -> Int {
    let entries = helpEntries(state.language).count
    // A help that does not fit with its margins drops the top one and shows height − 3 rows of keys.
    return helpIsTight(entries: entries, height: state.height) ? max(0, entries - max(1, state.height - 4)) : 0
}

/// The help overlay: every key and what it does, over the current screen;
/// scrolled by ↑↓ when the screen is too short for all of them.
func drawHelp(_ state: AppState, in area: Rect, buffer: inout Buffer) {
    let t = state.language
    let entries = helpEntries(t)
    let keyWidth = entries.map(\.key.displayWidth).max() ?? 0
    let textWidth = entries.map(\.action.displayWidth).max() ?? 0
    // Above the closing line: a key that does nothing may be going into an
    // input method's composition (letters cannot be folded back to ASCII).
    let note = t(.keys(.helpInputMethod))
    let modal = Modal(width: max(keyWidth + textWidth + 9, note.displayWidth + 4), height: min(entries.count + 7, area.height),
                      title: t(.keys(.helpTitle)))
    buffer.render(modal, in: area)
    let inner = modal.contentArea(in: area)
    let scroll = min(state.helpScroll, helpMaxScroll(state))
    var y = inner.y + (helpIsTight(entries: entries.count, height: area.height) ? 0 : 1)
    for entry in entries.dropFirst(scroll) where y < inner.maxY - 2 {
        buffer.write(entry.key, x: inner.x, y: y, style: LabTheme.bold, maxWidth: keyWidth)
        buffer.write(entry.action, x: inner.x + keyWidth + 2, y: y, maxWidth: inner.width - keyWidth - 2)
        y += 1
    }
    buffer.write(note, in: inner.row(inner.height - 2), alignment: .center, style: LabTheme.dim)
    let close = helpMaxScroll(state) > 0 ? t(.keys(.helpScroll)) : t(.keys(.helpClose))
    buffer.write(close, in: inner.row(inner.height - 1), alignment: .center, style: LabTheme.dim)
}
