import RNNLab

/// Folds one trainer event into the open lesson's run.
func applyTrainerEvent(_ state: inout AppState, _ event: TrainerEvent) -> [AppEffect] {
    guard var ls = state.lesson else { return [] }
    var effects: [AppEffect] = []
    switch event {
    case .ready(let info):
        ls.run.restart(info: info)
        ls.requested = info.settings
        CheckJudge.resetEligibility(&ls.run, checks: ls.lesson.checks)
    case .report(let report):
        record(report, into: &ls.run)
        effects += CheckJudge.judge(&ls, after: report, completed: &state.completed)
    case let .changed(name, value, effect, step):
        let old = ls.run.settings[name]
        ls.run.settings[name] = value
        ls.requested[name] = value
        let label = "\(shortName(name)) \(old?.description ?? "?")→\(value)"
        if effect == .live {
            ls.run.events.append(RunEvent(step: step, label: label))
            CheckJudge.settingsChanged(&ls.run, checks: ls.lesson.checks, atStep: step)
        } else {
            ls.run.pendingRebuildLabel = label + " rebuilt"
        }
        if ls.lesson.knobs.contains(where: { $0.name == name }) {
            state.savedKnobs[ls.lesson.id, default: [:]][name] = value
            effects.append(.saveKnobs(lesson: ls.lesson.id, values: state.savedKnobs[ls.lesson.id]!))
        }
    case .refused(let reason):
        ls.message = StatusMessage(reason, isError: true)
        ls.requested = ls.run.settings
    case .running(let on):
        ls.run.isRunning = on
    case .diverged(let message):
        ls.run.divergence = message
        ls.run.isRunning = false
    case let .rolledBack(step, learningRate):
        ls.run.rollBack(to: step)
        if let lr = learningRate {
            // The compare run keeps the same learning rate, as it does for every knob it follows.
            effects += ls.commands(.set("learning_rate", .number(lr))).filter { if case .sendCompanion = $0 { true } else { false } }
            let old = ls.run.settings["learning_rate"]?.description ?? "?"
            ls.run.settings["learning_rate"] = .number(lr)
            ls.requested["learning_rate"] = .number(lr)
            ls.run.events.append(RunEvent(step: step, label: "lr \(old)→\(SettingValue.format(lr))"))
            CheckJudge.settingsChanged(&ls.run, checks: ls.lesson.checks, atStep: step)
            if ls.lesson.knobs.contains(where: { $0.name == "learning_rate" }) {
                state.savedKnobs[ls.lesson.id, default: [:]]["learning_rate"] = .number(lr)
                effects.append(.saveKnobs(lesson: ls.lesson.id, values: state.savedKnobs[ls.lesson.id]!))
            }
            ls.message = StatusMessage("rolled back to step \(step), learning rate now \(SettingValue.format(lr)); Space resumes")
        } else {
            ls.run.events.append(RunEvent(step: step, label: "rolled back"))
            ls.message = StatusMessage("rolled back to step \(step); Space resumes")
        }
    case .failed(let message):
        ls.run.failure = message
        ls.run.isReady = false
        ls.run.isRunning = false
    }
    state.lesson = ls
    return effects
}

/// Folds one event of the `compare` run's trainer into its run. It is shown,
/// not judged: checks and saved knobs follow the lesson's own run.
func applyCompanionEvent(_ run: inout RunState, _ event: TrainerEvent) {
    switch event {
    case .ready(let info): run.restart(info: info)
    case .report(let report): record(report, into: &run)
    case let .changed(name, value, _, _): run.settings[name] = value
    case .running(let on):
        run.isRunning = on
        if on { run.divergence = nil }
    case .diverged(let message):
        run.divergence = message
        run.isRunning = false
    case .failed(let message):
        run.failure = message
        run.isReady = false
        run.isRunning = false
    case let .rolledBack(step, learningRate):
        run.rollBack(to: step)
        if let lr = learningRate { run.settings["learning_rate"] = .number(lr) }
    case .refused: break
    }
}

/// Adds a step report to the curves, the probes and the metrics.
func record(_ report: StepReport, into run: inout RunState) {
    run.step = report.step
    run.trainLoss.append(step: Double(report.step), value: report.loss)
    run.gradientNormHistory.append(step: Double(report.step), value: report.gradientNorm)
    if report.clipped { run.clippedSteps.append(step: Double(report.step), value: report.gradientNorm) }
    if let e = report.evaluation {
        run.validationLoss.append(step: Double(report.step), value: e.loss)
        run.lastMetrics = e.metrics
        for m in e.metrics { run.metricHistory[m.id.rawValue, default: SeriesHistory(capacity: 500)].append(step: Double(report.step), value: m.value) }
        if !e.measurements.isEmpty { run.measurements = e.measurements }
        if let c = e.gradientComparison { run.gradientComparison = c }
    }
    if let p = report.probes { run.probes = ProbeView(step: report.step, p) }
    if !report.samples.isEmpty { run.samples = report.samples }
    run.metrics.record(report)
}
