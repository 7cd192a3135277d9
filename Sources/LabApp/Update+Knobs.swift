import Foundation
import LabText
import RNNLab
import TerminalUI

/// The longest knob value that can be typed: longer input (a paste) is cut
/// here, with a note, so it never costs more than this per key.
let knobValueMaxLength = 64

/// Keys in the knob panel: ↑/↓ choose, ←/→ nudge, Enter (or a digit) types a
/// value. A value asked for is saved in `saved` at once (see ``applyKnob``).
func knobKey(_ ls: inout LessonState, _ key: AppKey, saved: inout [String: [String: SettingValue]]) -> [AppEffect] {
    let count = ls.lesson.knobs.count
    guard let knob = ls.currentKnob else { return [] }
    switch key {
    case .up, .character("k"):
        ls.selectedKnob = max(0, ls.selectedKnob - 1)
    case .down, .character("j"):
        ls.selectedKnob = min(max(0, count - 1), ls.selectedKnob + 1)
    case .left, .character("h"):
        return applyKnob(&ls, knob, knob.nudge(ls.requestedValue(of: knob), by: -1), nudged: true, saved: &saved)
    case .right, .character("l"):
        return applyKnob(&ls, knob, knob.nudge(ls.requestedValue(of: knob), by: 1), nudged: true, saved: &saved)
    case .enter:
        ls.editor = TextInput(text: ls.requestedValue(of: knob).description, maxLength: knobValueMaxLength)
        ls.message = StatusMessage(.typeValue)
    case .character(let c) where c.isNumber || c == "-":
        ls.editor = TextInput(text: String(c), maxLength: knobValueMaxLength)
        ls.message = StatusMessage(.typeValue)
    default:
        break
    }
    return []
}

/// Keys while a knob value is being typed.
func editorKey(_ ls: inout LessonState, _ key: AppKey, saved: inout [String: [String: SettingValue]]) -> [AppEffect] {
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
        return applyKnob(&ls, knob, knob.definition.parse(text), saved: &saved)
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

/// Asks the trainer for a knob value, or refuses it with the reason. The
/// value is saved for the next visit now, not when the trainer confirms it, so
/// quitting right after the key keeps it; the value saved before is kept in
/// ``PendingRequests/savedBefore`` and put back if the trainer refuses.
/// `nudged`: the value came from ←/→, so an unchanged one means a limit of the range.
func applyKnob(_ ls: inout LessonState, _ knob: LessonKnob, _ value: SettingValue, nudged: Bool = false,
               saved: inout [String: [String: SettingValue]]) -> [AppEffect] {
    if let reason = knob.definition.refusal(value) {
        ls.message = StatusMessage(reason, isError: true)
        return []
    }
    let old = ls.requestedValue(of: knob)
    guard old != value else {
        ls.message = nudged
            ? StatusMessage(.knobAlready, ["knob": .text(knob.name), "value": .text(value.description), "range": .phrase(rangeText(knob))])
            : StatusMessage(.knobUnchanged, ["knob": .text(knob.name), "value": .text(value.description)])
        return []
    }
    ls.requested[knob.name] = value
    ls.pending.settings[knob.name] = value
    ls.message = StatusMessage(knob.effect == .rebuild ? .knobChangedRebuilds : .knobChanged,
                               ["knob": .text(knob.name), "old": .text(old.description), "value": .text(value.description)])
    if let idle = ls.idleReason(of: knob) {
        // Accepted (it acts again once the other setting changes), but not silently.
        ls.message = StatusMessage(.knobChangedIdle, ["knob": .text(knob.name), "old": .text(old.description),
                                                      "value": .text(value.description), "reason": .phrase(idle)])
    }
    let id = ls.lesson.id
    if ls.pending.savedBefore.index(forKey: knob.name) == nil {
        ls.pending.savedBefore.updateValue(saved[id]?[knob.name], forKey: knob.name)
    }
    saved[id, default: [:]][knob.name] = value
    return ls.commands(.set(knob.name, value)) + [.saveKnobs(lesson: id, values: saved[id]!)]
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

/// The prompt of the value editor: "hidden = ", in the frame's language
/// (the knob panel writes it when it draws the editor).
func knobPrompt(_ knob: LessonKnob, _ language: Language) -> String {
    language(.knobs(.prompt), ["knob": .text(knob.name)])
}

/// A short name for plot markers: "lr" for the learning rate; other
/// settings by their own name (an identifier, as lesson files write it).
func shortName(_ name: String) -> Phrase {
    switch name {
    case "learning_rate": return Phrase(.dashboard(.shortLearningRate))
    case "optimizer": return Phrase(.dashboard(.shortOptimizer))
    case "weight_decay": return Phrase(.dashboard(.shortWeightDecay))
    default: return .verbatim(name)
    }
}
