import LabText
import RNNLab
import TerminalUI

/// `s`: sets up the selected check — every knob (and setting) its `set:` asks
/// for, then a fresh model, so the whole run is under the check's settings
/// and Space runs it. A check judged over several runs says `v` verifies it.
func setUpCheckKey(_ ls: inout LessonState, saved: inout [String: [String: SettingValue]]) -> [AppEffect] {
    guard ls.lesson.checks.indices.contains(ls.selectedCheck) else { return [] }
    let check = ls.lesson.checks[ls.selectedCheck]
    if let task = check.task {
        // The live run trains the lesson's task; nothing here can be set up for another.
        ls.message = StatusMessage(.guide(.setUpOtherTask), ["check": .text(check.id), "task": .text(task)])
        return []
    }
    let target = ls.lesson.settings.merging(check.set) { _, set in set }
    let (applied, changes) = applySettings(&ls, target, saved: &saved)
    var effects = applied
    if ls.message?.isError == true { return effects }  // a refusal says why; nothing is reset
    ls.pending.running = false
    effects += ls.commands(.reset)
    let id: [String: TextArgument] = ["check": .text(check.id)]
    if check.isMultiRun {
        ls.message = StatusMessage(.guide(.setUpMultiRun), id)
    } else if changes.isEmpty {
        ls.message = StatusMessage(.guide(.setUpNothing), id)
    } else {
        ls.message = StatusMessage(.guide(.setUp), id.merging(["changes": .list(changes)]) { a, _ in a })
    }
    return effects
}

/// `d`: every knob back to the lesson's value (the saved values follow).
func restoreDefaultsKey(_ ls: inout LessonState, saved: inout [String: [String: SettingValue]]) -> [AppEffect] {
    var target: [String: SettingValue] = [:]
    for knob in ls.lesson.knobs { target[knob.name] = ls.lesson.settings[knob.name] ?? knob.definition.defaultValue }
    let (effects, changes) = applySettings(&ls, target, saved: &saved)
    if ls.message?.isError == true { return effects }
    ls.message = changes.isEmpty ? StatusMessage(.guide(.defaultsAlready))
        : StatusMessage(.guide(.defaultsRestored), ["changes": .list(changes)])
    return effects
}

/// Asks for each value of `target` that differs from what was last asked:
/// knobs as their keys would (saved for the next visit), other settings as
/// they are. Stops at the first refusal, whose message stays.
private func applySettings(_ ls: inout LessonState, _ target: [String: SettingValue],
                           saved: inout [String: [String: SettingValue]]) -> ([AppEffect], [Phrase]) {
    var effects: [AppEffect] = []
    var changes: [Phrase] = []
    for name in target.keys.sorted() {
        let value = target[name]!
        if let knob = ls.lesson.knobs.first(where: { $0.name == name }) {
            let old = ls.requestedValue(of: knob)
            guard old != value else { continue }
            effects += applyKnob(&ls, knob, value, saved: &saved)
            if ls.message?.isError == true { return (effects, changes) }
            changes.append(change(name, old, value))
        } else {
            let old = ls.pending.settings[name] ?? ls.run.settings[name] ?? ls.lesson.settings[name]
            guard old != value else { continue }
            ls.pending.settings[name] = value
            effects += ls.commands(.set(name, value))
            changes.append(change(name, old, value))
        }
    }
    return (effects, changes)
}

private func change(_ name: String, _ old: SettingValue?, _ value: SettingValue) -> Phrase {
    Phrase(.guide(.change), ["name": .phrase(shortName(name)), "old": .text(old?.description ?? "–"), "value": .text(value.description)])
}

/// Progress toward `check` on the live run: each clause's value against its
/// threshold and the step against the budget, or why this run cannot meet it.
func checkProgress(_ check: LessonCheck, _ ls: LessonState, mark: CheckMark) -> Phrase? {
    guard ls.run.isReady, !check.isMultiRun else { return nil }
    switch mark {
    case .otherSettings: return Phrase(.guide(.otherSettings))
    case .open: break
    case .metNow, .metBefore, .failedNow: return nil
    }
    let values = ls.run.metrics.values
    let clauses: [Phrase] = check.expect.clauses.map { clause in
        guard let value = values[clause.metric], let threshold = clause.threshold(values) else {
            return Phrase(.guide(.progressNotYet), ["metric": .text(clause.metric)])
        }
        return Phrase(.guide(.progressClause), ["metric": .text(clause.metric), "value": .text(SettingValue.format(value)),
                                                "op": .text(clause.op.description), "threshold": .text(SettingValue.format(threshold))])
    }
    return Phrase(.guide(.progress), ["clauses": .list(clauses), "step": .integer(ls.run.step), "steps": .integer(check.steps)])
}

/// After a check is met: once every check of the lesson is, the way on.
func lessonCompleteNotice(_ state: AppState, _ ls: inout LessonState) {
    guard state.doneCount(ls.lesson) == ls.lesson.checks.count, !ls.lesson.checks.isEmpty else { return }
    let order = state.homeOrder
    if let row = order.firstIndex(of: ls.index), order.indices.contains(row + 1) {
        ls.message = StatusMessage(.guide(.allMet), ["next": .text(state.lessons[order[row + 1]].title)])
    } else {
        ls.message = StatusMessage(.guide(.allMetLast))
    }
}
