import RNNLab

/// What the learner has asked the trainer for and the trainer has not yet
/// confirmed. Keys are read faster than the trainer answers (a held → or a
/// burst of Space), so each key must start from what was last *asked*, not
/// from the last report, or presses are lost: three quick → would send the
/// same value three times, and 501 Space presses would end paused.
public struct PendingRequests: Sendable, Equatable {
    /// Whether training was last asked to run (Space, `.`, `r`), until the trainer reports that state.
    public var running: Bool?
    /// Setting name → the value last asked for, until the trainer reports that value.
    public var settings: [String: SettingValue] = [:]
    /// Knob name → the value saved for the next visit before the first request
    /// the trainer has not answered yet (`nil`: none was saved). A knob is
    /// saved when its key is pressed, so quitting at once keeps it; a refusal
    /// puts these back (see `applyTrainerEvent`).
    public var savedBefore: [String: SettingValue?] = [:]

    public init() {}

    /// Forgets what a trainer event settles. A `.running(on)` that matches
    /// the last request settles it: the requests toggle, so any left in
    /// flight after it come in pairs and end in the same state.
    public mutating func settle(after event: TrainerEvent) {
        switch event {
        case .running(let on):
            if running == on { running = nil }
        case .diverged, .failed:
            running = nil
        case let .changed(name, value, _, _):
            if settings[name] == value { settings[name] = nil }
            if settings[name] == nil { savedBefore[name] = nil }
        case .refused:
            settings = [:]  // the fold goes back to the trainer's settings
            savedBefore = [:]
        case let .rolledBack(_, learningRate):
            if learningRate != nil { settings["learning_rate"] = nil }
        case .ready, .report, .saved, .loaded:
            break
        }
    }
}

extension LessonState {
    /// Whether training runs once every command sent so far is carried out.
    var runsAfterRequests: Bool { pending.running ?? run.isRunning }

    /// The value a knob will have once every command sent so far is carried
    /// out: what was last asked for, else what the trainer reported.
    func requestedValue(of knob: LessonKnob) -> SettingValue {
        pending.settings[knob.name] ?? value(of: knob)
    }
}
