import LabText
import RNNLab

/// A run kept as a reference (`c`): its settings and curves at the moment it
/// was pinned. The loss and metric plots draw it beside the live run, named by
/// the settings in which the two differ, so any lesson can compare a variant
/// with the run before it (only lessons with a `compare` run train two at once).
public struct PinnedRun: Sendable {
    /// The settings the pinned run trained with (the trainer's, at the pin).
    public var settings: [String: SettingValue]
    /// Its last step.
    public var step: Int
    /// Training loss per step and validation loss per evaluation.
    public var trainLoss: SeriesHistory
    public var validationLoss: SeriesHistory
    /// Each task metric per evaluation, by metric id.
    public var metricHistory: [String: SeriesHistory]

    /// A copy of `run`'s settings and curves.
    public init(_ run: RunState) {
        settings = run.settings
        step = run.step
        trainLoss = run.trainLoss
        validationLoss = run.validationLoss
        metricHistory = run.metricHistory
    }

    /// The loss curve to draw beside the live run's: validation when it has
    /// points (one per evaluation, smooth), else training.
    public var lossCurve: SeriesHistory { validationLoss.isEmpty ? trainLoss : validationLoss }

    /// The settings in which the pinned run differs from `settings` (the live
    /// run's), sorted by name.
    public func differences(from settings: [String: SettingValue]) -> [String] {
        Set(self.settings.keys).union(settings.keys).filter { self.settings[$0] != settings[$0] }.sorted()
    }

    /// The pinned run named by its values of the settings that differ from the
    /// live run's ("lr 0.003, cell rnn_tanh"), the first `limit` of them;
    /// "same settings" when none differ.
    public func label(against settings: [String: SettingValue], limit: Int = 3) -> Phrase {
        let names = differences(from: settings)
        guard !names.isEmpty else { return Phrase(.explore(.pinnedSame)) }
        return Phrase.list(names.prefix(limit).map { name in
            Phrase(.explore(.pinnedSetting), ["name": .phrase(shortName(name)), "value": .text(self.settings[name]?.description ?? "–")])
        })
    }
}

/// `c`: pins the run as the reference, or unpins the one pinned.
func pinKey(_ ls: inout LessonState) {
    if ls.pinned != nil {
        ls.pinned = nil
        ls.message = StatusMessage(.explore(.unpinned))
        return
    }
    guard ls.run.isReady, ls.run.step > 0, !ls.run.trainLoss.isEmpty else {
        ls.message = StatusMessage(.explore(.pinNothing))
        return
    }
    let pin = PinnedRun(ls.run)
    ls.pinned = pin
    ls.message = StatusMessage(.explore(.pinned), ["step": .integer(pin.step)])
}
