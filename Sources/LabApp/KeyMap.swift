import LabText
import TerminalUI

/// What a key does, by name: one row of the key map.
enum KeyAction: CaseIterable, Sendable {
    case move, change, page, focus, open, play, step, reset, verify, rollBack, lowerRate, predict, help, back, quit
    /// Keys of the value editor.
    case apply, cancel, cursor, delete
}

/// One row of the key map: the keys, how the help overlay and the hint bar
/// name them, and what the help overlay and the README say they do.
struct KeyBinding: Sendable {
    var action: KeyAction
    /// Each key on its own, as the README's key column names them: ["↑", "↓", "k", "j"].
    var keys: [String]
    /// The keys in the help overlay: "↑ ↓  k j".
    var label: String
    /// The key in the hint bar: "↑↓".
    var hint: String
    /// The help overlay's line; nil for keys the overlay does not list (the editor's).
    var help: KeyMapKey?
    /// The README key table's text; nil for keys the README does not list.
    var manual: KeyMapKey?
}

/// The lab's keys, in the help overlay's order. The help overlay, the hint
/// bars and the README key table all come from here (a test holds the README to it).
let keyMap: [KeyBinding] = [
    KeyBinding(action: .move, keys: ["↑", "↓", "k", "j"], label: "↑ ↓  k j", hint: "↑↓", help: .helpMove, manual: .manualMove),
    KeyBinding(action: .change, keys: ["←", "→", "h", "l"], label: "← →  h l", hint: "←→", help: .helpChange, manual: .manualChange),
    KeyBinding(action: .page, keys: ["PgUp", "PgDn"], label: "PgUp PgDn", hint: "PgDn", help: .helpPage, manual: .manualPage),
    KeyBinding(action: .focus, keys: ["Tab"], label: "Tab", hint: "Tab", help: .helpFocus, manual: .manualFocus),
    KeyBinding(action: .open, keys: ["Enter"], label: "Enter", hint: "Enter", help: .helpOpen, manual: .manualOpen),
    KeyBinding(action: .play, keys: ["Space"], label: "Space", hint: "Space", help: .helpPlay, manual: .manualPlay),
    KeyBinding(action: .step, keys: ["."], label: ".", hint: ".", help: .helpStep, manual: .manualStep),
    KeyBinding(action: .reset, keys: ["r"], label: "r", hint: "r", help: .helpReset, manual: .manualReset),
    KeyBinding(action: .verify, keys: ["v"], label: "v", hint: "v", help: .helpVerify, manual: .manualVerify),
    KeyBinding(action: .rollBack, keys: ["b"], label: "b", hint: "b", help: .helpRollBack, manual: .manualRollBack),
    KeyBinding(action: .lowerRate, keys: ["L"], label: "L", hint: "L", help: .helpLowerRate, manual: .manualRollBack),
    KeyBinding(action: .predict, keys: ["p"], label: "p", hint: "p", help: .helpPredict, manual: nil),
    KeyBinding(action: .help, keys: ["?"], label: "?", hint: "?", help: .helpHelp, manual: .manualHelp),
    KeyBinding(action: .back, keys: ["q"], label: "q", hint: "q", help: .helpBack, manual: .manualBack),
    KeyBinding(action: .quit, keys: ["Ctrl-C"], label: "Ctrl-C", hint: "Ctrl-C", help: .helpQuit, manual: nil),
    KeyBinding(action: .apply, keys: ["Enter"], label: "Enter", hint: "Enter", help: nil, manual: nil),
    KeyBinding(action: .cancel, keys: ["Esc"], label: "Esc", hint: "Esc", help: nil, manual: nil),
    KeyBinding(action: .cursor, keys: ["←", "→"], label: "← →", hint: "←→", help: nil, manual: nil),
    KeyBinding(action: .delete, keys: ["⌫"], label: "⌫", hint: "⌫", help: nil, manual: nil),
]

/// The key map's row for `action`.
func binding(_ action: KeyAction) -> KeyBinding {
    guard let row = keyMap.first(where: { $0.action == action }) else {
        preconditionFailure("the key map has no row for \(action)")
    }
    return row
}

/// A hint-bar entry: the key of `action` and `text` for what it does now.
func hint(_ action: KeyAction, _ text: KeyMapKey, _ language: Language) -> KeyHint {
    KeyHint(binding(action).hint, language(.keys(text)))
}
