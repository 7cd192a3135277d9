import LabText
import TerminalUI

/// What a key does, by name: one row of the key map.
enum KeyAction: CaseIterable, Sendable {
    case move, change, page, focus, open, play, step, pace, runSteps, setUp, defaults, reset, verify, rollBack, lowerRate, predict, help, back, quit
    /// Presentation mode.
    case present
    /// Exploring: pin a reference run, the inspect cursor, the mouse.
    case pin, inspect, mouse
    /// Saving the run: parameters and run file.
    case save
    /// Loading a saved run into the open lesson.
    case load
    /// Switching the language (English, 简体中文, …).
    case language
    /// Keys of the value editor.
    case apply, cancel, cursor, delete
}

/// One row of the key map: the keys, how the help overlay and the hint bar
/// name them, and what the help overlay and the README say they do.
struct KeyBinding: Sendable {
    var action: KeyAction
    /// Each key on its own, as the README's key column names them: ["↑", "↓", "k", "j"].
    var keys: [String]
    /// The keys in the help overlay: "↑ ↓  k j", "PgUp PgDn".
    var label: KeyCaps
    /// The key in the hint bar: "↑↓", "Enter".
    var hint: KeyCaps
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
    KeyBinding(action: .page, keys: ["PgUp", "PgDn"], label: .named(.pageUp, .pageDown), hint: .named(.pageDown), help: .helpPage, manual: .manualPage),
    KeyBinding(action: .focus, keys: ["Tab"], label: .named(.tab), hint: .named(.tab), help: .helpFocus, manual: .manualFocus),
    KeyBinding(action: .open, keys: ["Enter"], label: .named(.enter), hint: .named(.enter), help: .helpOpen, manual: .manualOpen),
    KeyBinding(action: .play, keys: ["Space"], label: .named(.space), hint: .named(.space), help: .helpPlay, manual: .manualPlay),
    KeyBinding(action: .step, keys: ["."], label: ".", hint: ".", help: .helpStep, manual: .manualStep),
    KeyBinding(action: .pace, keys: ["[", "]"], label: "[ ]", hint: "[]", help: .helpPace, manual: .manualPace),
    KeyBinding(action: .runSteps, keys: ["n"], label: "n", hint: "n", help: .helpRunSteps, manual: .manualRunSteps),
    KeyBinding(action: .setUp, keys: ["s"], label: "s", hint: "s", help: .helpSetUp, manual: .manualSetUp),
    KeyBinding(action: .defaults, keys: ["d"], label: "d", hint: "d", help: .helpDefaults, manual: .manualDefaults),
    KeyBinding(action: .reset, keys: ["r"], label: "r", hint: "r", help: .helpReset, manual: .manualReset),
    KeyBinding(action: .verify, keys: ["v"], label: "v", hint: "v", help: .helpVerify, manual: .manualVerify),
    KeyBinding(action: .rollBack, keys: ["b"], label: "b", hint: "b", help: .helpRollBack, manual: .manualRollBack),
    KeyBinding(action: .lowerRate, keys: ["L"], label: "L", hint: "L", help: .helpLowerRate, manual: .manualRollBack),
    KeyBinding(action: .predict, keys: ["p"], label: "p", hint: "p", help: .helpPredict, manual: .manualPredict),
    KeyBinding(action: .present, keys: ["f"], label: "f", hint: "f", help: .helpPresent, manual: .manualPresent),
    KeyBinding(action: .pin, keys: ["c"], label: "c", hint: "c", help: .helpPin, manual: .manualPin),
    KeyBinding(action: .save, keys: ["W"], label: "W", hint: "W", help: .helpSave, manual: .manualSave),
    KeyBinding(action: .load, keys: ["O"], label: "O", hint: "O", help: .helpLoad, manual: .manualLoad),
    KeyBinding(action: .inspect, keys: ["i"], label: "i", hint: "i", help: .helpInspect, manual: .manualInspect),
    KeyBinding(action: .mouse, keys: ["click", "wheel"], label: .named(.click, .wheel), hint: .named(.click), help: .helpMouse, manual: .manualMouse),
    KeyBinding(action: .language, keys: ["t", "F2"], label: "t  F2", hint: "t", help: .helpLanguage, manual: .manualLanguage),
    KeyBinding(action: .help, keys: ["?"], label: "?", hint: "?", help: .helpHelp, manual: .manualHelp),
    KeyBinding(action: .back, keys: ["q"], label: "q", hint: "q", help: .helpBack, manual: .manualBack),
    KeyBinding(action: .quit, keys: ["Ctrl-C"], label: .named(.controlC), hint: .named(.controlC), help: .helpQuit, manual: nil),
    KeyBinding(action: .apply, keys: ["Enter"], label: .named(.enter), hint: .named(.enter), help: nil, manual: nil),
    KeyBinding(action: .cancel, keys: ["Esc"], label: .named(.escape), hint: .named(.escape), help: nil, manual: nil),
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
    KeyHint(binding(action).hint.text(language), language(.keys(text)))
}

/// Keys as the help overlay or a hint bar writes them: arrows, letters and
/// signs as they are, keys with a name ("Space", "Enter") from the catalogue.
struct KeyCaps: Sendable, ExpressibleByStringLiteral {
    enum Part: Sendable {
        case glyph(String)
        case name(KeyNameKey)
    }

    var parts: [Part]

    init(stringLiteral glyphs: String) { parts = [.glyph(glyphs)] }
    init(parts: [Part]) { self.parts = parts }

    /// Named keys, one after another: `.named(.pageUp, .pageDown)`.
    static func named(_ names: KeyNameKey...) -> KeyCaps { KeyCaps(parts: names.map(Part.name)) }

    /// The keys in `language`, a space between two.
    func text(_ language: Language) -> String {
        parts.map { part in
            switch part {
            case .glyph(let g): return g
            case .name(let n): return language(.keyName(n))
            }
        }.joined(separator: " ")
    }
}
