import Foundation
import LabText
import RNNLab
import TerminalUI

/// The longest knob value that can be typed: longer input (a paste) is cut
/// here, with a note, so it never costs more than this per key.
let knobValueMaxLength = 64

/// Keys in the knob panel: ↑/↓ choose, ←/→ nudge, Enter (or a digit) types a value.
func knobKey(_ ls: inout LessonState, _ key: AppKey) -> [AppEffect] {
    let count = ls.lesson.knobs.count
    guard let knob = ls.currentKnob else { return [] }
    switch key {
    case .up, .character("k"):
        ls.selectedKnob = max(0, ls.selectedKnob - 1)
    case .down, .character("j"):
        ls.selectedKnob = min(max(0, count - 1), ls.selectedKnob + 1)
    case .left, .character("h"):
        return applyKnob(&ls, knob, knob.nudge(ls.requestedValue(of: knob), by: -1))
    case .right, .character("l"):
        return applyKnob(&ls, knob, knob.nudge(ls.requestedValue(of: knob), by: 1))
    case .enter:
        ls.editor = TextInput(text: ls.requestedValue(of: knob).description, prompt: knobPrompt(knob), maxLength: knobValueMaxLength)
        ls.message = StatusMessage(.typeValue)
    case .character(let c) where c.isNumber || c == "-":
        ls.editor = TextInput(text: String(c), prompt: knobPrompt(knob), maxLength: knobValueMaxLength)
        ls.message = StatusMessage(.typeValue)
    default:
        break
    }
    return []
}

/// Keys while a knob value is being typed.
func editorKey(_ ls: inout LessonState, _ key: AppKey) -> [AppEffect] {
    guard var editor = ls.editor else { return [] }
    switch key {
    case .escape, .tab, .backTab:
        ls.editor = nil
        ls.message = nil
        return []
    case .enter:
        ls.editor = nil
        guard let knob = ls.currentKnob else { return [] }
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { ls.message = nil; return [] }
        return applyKnob(&ls, knob, knob.definition.parse(text))
    case .backspace: editor.deleteBackward()
    case .delete: editor.deleteForward()
    case .left: editor.moveLeft()
    case .right: editor.moveRight()
    case .home: editor.moveToStart()
    case .end: editor.moveToEnd()
    case .character(let c):
        if !editor.insert(c) {
            ls.message = StatusMessage(.valueTooLong, ["limit": .integer(knobValueMaxLength)], isError: true)
        }
    default: break
    }
    ls.editor = editor
    return []
}

/// Asks the trainer for a knob value, or refuses it with the reason.
func applyKnob(_ ls: inout LessonState, _ knob: LessonKnob, _ value: SettingValue) -> [AppEffect] {
    if let reason = knob.definition.refusal(value) {
        ls.message = StatusMessage(reason, isError: true)
        return []
    }
    let old = ls.requestedValue(of: knob)
    guard old != value else {
        ls.message = StatusMessage(.knobAlready, ["knob": .text(knob.name), "value": .text(value.description),
                                                  "range": .phrase(rangeText(knob))])
        return []
    }
    ls.requested[knob.name] = value
    ls.pending.settings[knob.name] = value
    ls.message = StatusMessage(knob.effect == .rebuild ? .knobChangedRebuilds : .knobChanged,
                               ["knob": .text(knob.name), "old": .text(old.description), "value": .text(value.description)])
    return ls.commands(.set(knob.name, value))
}

/// "0.0001…1 log", "sgd|adam", for the knob panel and the status line.
func rangeText(_ knob: LessonKnob) -> Phrase {
    switch knob.definition.kind {
    case .integer(let r), .real(let r):
        let bounds: [String: TextArgument] = ["low": .text(SettingValue.format(r.lowerBound)), "high": .text(SettingValue.format(r.upperBound))]
        return Phrase(.knobs(knob.scale == .log ? .rangeLog : .range), bounds)
    case .choice(let names):
        return .verbatim(names.joined(separator: "|"))  // the choices themselves, as typed
    }
}

/// The prompt of the value editor: "hidden = ". A knob's name is an identifier,
/// so the prompt is written in English whatever the language.
func knobPrompt(_ knob: LessonKnob) -> String {
    Language.english(.knobs(.prompt), ["knob": .text(knob.name)])
}

/// A short name for plot markers: "lr" for the learning rate.
func shortName(_ name: String) -> String {
    switch name {
    case "learning_rate": return "lr"
    case "optimizer": return "opt"
    case "weight_decay": return "wd"
    default: return name
    }
}
