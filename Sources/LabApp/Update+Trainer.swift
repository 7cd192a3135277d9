import Foundation
import LabText
import RNNLab

/// Folds one trainer event into the open lesson's run (``fold(_:into:)``), then
/// does what only the lesson's own run does: judge checks, keep the requested
/// settings, keep the saved knobs in step with the trainer, say what happened.
func applyTrainerEvent(_ state: inout AppState, _ event: TrainerEvent) -> [AppEffect] {
    guard var ls = state.lesson else { return [] }
    var effects: [AppEffect] = []
    fold(event, into: &ls.run)
    switch event {
    case .ready(let info):
        ls.requested = info.settings
        CheckJudge.start(&ls, info: info)
    case .report(let report):
        let saved = CheckJudge.judge(&ls, after: report, completed: &state.completed)
        if !saved.isEmpty { lessonCompleteNotice(state, &ls) }
        effects += saved
    case let .changed(name, value, effect, step):
        ls.requested[name] = value
        if effect == .live { CheckJudge.settingsChanged(&ls, atStep: step) }
        // The key press saved what was asked; once the last request for this
        // setting is answered, the value the trainer settled on is the one kept.
        if ls.pending.settings[name] == nil || ls.pending.settings[name] == value {
            effects += saveKnob(name, value, &ls, &state)
        }
    case .refused(let reason):
        ls.message = StatusMessage(reason, isError: true)  // RNNLab's text, not yet from the catalogue
        ls.requested = ls.run.settings
        effects += restoreSavedKnobs(&ls, &state)
    case let .rolledBack(step, learningRate):
        if let lr = learningRate {
            // Held: the rate was already at the lesson's floor, so L changed nothing but the parameters.
            let before = ls.requested["learning_rate"] ?? ls.lesson.settings["learning_rate"]
            let held = before == .number(lr) && lr <= learningRateFloor(ls.lesson)
            // The compare run keeps the same learning rate, as it does for every knob it follows.
            effects += ls.commands(.set("learning_rate", .number(lr))).filter { if case .sendCompanion = $0 { true } else { false } }
            ls.requested["learning_rate"] = .number(lr)
            CheckJudge.settingsChanged(&ls, atStep: step)
            effects += saveKnob("learning_rate", .number(lr), &ls, &state)
            ls.message = StatusMessage(.dashboard(held ? .rolledBackAtFloor : .rolledBackLowered),
                                       ["step": .integer(step), "rate": .text(SettingValue.format(lr))])
        } else {
            ls.message = StatusMessage(.dashboard(.rolledBack), ["step": .integer(step)])
        }
    case .running(true), .diverged:
        // "rolled back…; Space resumes" and the like no longer hold.
        if ls.message?.isAboutRunState == true { ls.message = nil }
    case let .saved(checkpoint, runFile?, command):
        ls.message = StatusMessage(.export(.savedInLab), ["command": .text(command),
                                                          "checkpoint": .text(URL(fileURLWithPath: checkpoint).lastPathComponent),
                                                          "runFile": .text(URL(fileURLWithPath: runFile).lastPathComponent)])
    case let .saved(checkpoint, nil, command):
        ls.message = StatusMessage(.export(.savedLoadedInLab), ["command": .text(command),
                                                                "checkpoint": .text(URL(fileURLWithPath: checkpoint).lastPathComponent)])
    case let .loaded(file, step):
        ls.message = StatusMessage(.export(.loadedInLab), ["file": .text(URL(fileURLWithPath: file).lastPathComponent), "step": .integer(step)])
    case .running, .failed:
        break
    }
    state.lesson = ls
    return effects
}

/// Keeps a lesson knob's new value for the next visit (nothing to do when it is already kept).
private func saveKnob(_ name: String, _ value: SettingValue, _ ls: inout LessonState, _ state: inout AppState) -> [AppEffect] {
    guard ls.lesson.knobs.contains(where: { $0.name == name }), state.savedKnobs[ls.lesson.id]?[name] != value else { return [] }
    state.savedKnobs[ls.lesson.id, default: [:]][name] = value
    return [.saveKnobs(lesson: ls.lesson.id, values: state.savedKnobs[ls.lesson.id]!)]
}

/// After a refusal: every knob saved on a key press the trainer has not
/// confirmed gets back the value saved before it (or none).
private func restoreSavedKnobs(_ ls: inout LessonState, _ state: inout AppState) -> [AppEffect] {
    let restore = ls.pending.savedBefore
    guard !restore.isEmpty else { return [] }
    let id = ls.lesson.id
    for (name, before) in restore { state.savedKnobs[id, default: [:]][name] = before }
    ls.pending.savedBefore = [:]
    return [.saveKnobs(lesson: id, values: state.savedKnobs[id] ?? [:])]
}

/// Folds one event of the `compare` run's trainer into its run: the same fold
/// as the lesson's own run. It is shown, not judged: checks and saved knobs
/// follow the lesson's own run.
func applyCompanionEvent(_ run: inout RunState, _ event: TrainerEvent) {
    fold(event, into: &run)
}

/// What any trainer's event does to its run: a rebuild restarts the data, a
/// report is recorded, changes and roll-backs are marked on the curves.
func fold(_ event: TrainerEvent, into run: inout RunState) {
    switch event {
    case .ready(let info):
        run.restart(info: info)
    case .report(let report):
        run.data.record(report)
    case let .changed(name, value, effect, step):
        let change: [String: TextArgument] = ["setting": .phrase(shortName(name)), "old": .text(run.settings[name]?.description ?? "?"),
                                              "value": .text(value.description)]
        let knobChange = KnobChange(setting: name, old: run.settings[name]?.description ?? "?", value: value.description)
        run.settings[name] = value
        if effect == .live {
            run.data.events.append(RunEvent(step: step, label: Phrase(.dashboard(.eventChanged), change), change: knobChange))
        } else {
            run.pendingRebuildLabel = Phrase(.dashboard(.eventRebuilt), change)
        }
    case .refused:
        break
    case .running(let on):
        run.isRunning = on
        if on { run.data.diverged = nil }
    case let .diverged(cause, step):
        run.data.diverged = RunDivergence(step: step, cause: cause)
        run.isRunning = false
    case let .rolledBack(step, learningRate):
        run.rollBack(to: step)
        if let lr = learningRate {
            let old = run.settings["learning_rate"]?.description ?? "?"
            run.settings["learning_rate"] = .number(lr)
            let change: [String: TextArgument] = ["setting": .phrase(shortName("learning_rate")), "old": .text(old),
                                                  "value": .text(SettingValue.format(lr))]
            run.data.events.append(RunEvent(step: step, label: Phrase(.dashboard(.eventChanged), change),
                                            change: KnobChange(setting: "learning_rate", old: old, value: SettingValue.format(lr))))
        } else {
            run.data.events.append(RunEvent(step: step, label: Phrase(.dashboard(.eventRolledBack))))
        }
    case .failed(let message):
        run.failure = message
        run.isReady = false
        run.isRunning = false
    case .saved, .loaded:
        break
    }
}

/// How low `L` (roll back, lr ÷ 10) may take the learning rate: the bottom of
/// the lesson's learning-rate knob, which a typed value could not go below
/// either; the experiment's own floor when the lesson has no such knob.
func learningRateFloor(_ lesson: Lesson) -> Double {
    guard let knob = lesson.knobs.first(where: { $0.name == "learning_rate" }),
          case .real(let range) = knob.definition.kind else { return Experiment.learningRateFloor }
    return range.lowerBound
}
