import RNNLab

/// Folds one trainer event into the open lesson's run (``fold(_:into:)``), then
/// does what only the lesson's own run does: judge checks, keep the requested
/// settings, save knobs, say what happened.
func applyTrainerEvent(_ state: inout AppState, _ event: TrainerEvent) -> [AppEffect] {
    guard var ls = state.lesson else { return [] }
    var effects: [AppEffect] = []
    fold(event, into: &ls.run)
    switch event {
    case .ready(let info):
        ls.requested = info.settings
        CheckJudge.start(&ls, info: info)
    case .report(let report):
        effects += CheckJudge.judge(&ls, after: report, completed: &state.completed)
    case let .changed(name, value, effect, step):
        ls.requested[name] = value
        if effect == .live { CheckJudge.settingsChanged(&ls, atStep: step) }
        effects += saveKnob(name, value, &ls, &state)
    case .refused(let reason):
        ls.message = StatusMessage(reason, isError: true)
        ls.requested = ls.run.settings
    case let .rolledBack(step, learningRate):
        if let lr = learningRate {
            // The compare run keeps the same learning rate, as it does for every knob it follows.
            effects += ls.commands(.set("learning_rate", .number(lr))).filter { if case .sendCompanion = $0 { true } else { false } }
            ls.requested["learning_rate"] = .number(lr)
            CheckJudge.settingsChanged(&ls, atStep: step)
            effects += saveKnob("learning_rate", .number(lr), &ls, &state)
            ls.message = StatusMessage("rolled back to step \(step), learning rate now \(SettingValue.format(lr)); Space resumes")
        } else {
            ls.message = StatusMessage("rolled back to step \(step); Space resumes")
        }
    case .running, .diverged, .failed:
        break
    }
    state.lesson = ls
    return effects
}

/// Keeps a lesson knob's new value for the next visit.
private func saveKnob(_ name: String, _ value: SettingValue, _ ls: inout LessonState, _ state: inout AppState) -> [AppEffect] {
    guard ls.lesson.knobs.contains(where: { $0.name == name }) else { return [] }
    state.savedKnobs[ls.lesson.id, default: [:]][name] = value
    return [.saveKnobs(lesson: ls.lesson.id, values: state.savedKnobs[ls.lesson.id]!)]
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
        let label = "\(shortName(name)) \(run.settings[name]?.description ?? "?")→\(value)"
        run.settings[name] = value
        if effect == .live { run.data.events.append(RunEvent(step: step, label: label)) } else { run.pendingRebuildLabel = label + " rebuilt" }
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
            run.data.events.append(RunEvent(step: step, label: "lr \(old)→\(SettingValue.format(lr))"))
        } else {
            run.data.events.append(RunEvent(step: step, label: "rolled back"))
        }
    case .failed(let message):
        run.failure = message
        run.isReady = false
        run.isRunning = false
    }
}
