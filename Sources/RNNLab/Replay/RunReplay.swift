import RNNEngine

/// Trains a ``RunRecord`` again: the same settings, each change after the same
/// number of steps, and the record's ending compared with the new one.
public enum RunReplay {
    /// The outcome of a replay.
    public struct Outcome: Sendable {
        public var ending: RunRecord.Ending
        /// True when the record has an ending and this one is bit for bit the same.
        public var reproduced: Bool
    }

    /// Replays `record` on a new experiment; `report` sees every step's report.
    /// Throws when a recorded setting or change is refused (out of range, unknown).
    public static func run(_ record: RunRecord, dataDirectory: DataDirectory = .resolve(),
                           report: (StepReport) -> Void = { _ in }) throws -> Outcome {
        let experiment = try Experiment(task: record.task, settings: record.settings, dataDirectory: dataDirectory)
        var pending = record.changes.sorted { $0.afterStep < $1.afterStep }[...]
        var lastLoss = Double.nan
        for taken in 0...record.steps {
            while let next = pending.first, next.afterStep == taken {
                pending.removeFirst()
                switch next.event {
                case let .set(name, value): _ = try experiment.apply(name, value)
                case .rollBack: _ = experiment.rollBack()
                case .rollBackLowerRate: _ = experiment.lowerLearningRateAndRollBack()
                }
            }
            guard taken < record.steps else { break }
            let r = experiment.trainStep()
            lastLoss = r.loss
            report(r)
        }
        let ending = RunRecord.Ending(step: experiment.step, loss: lastLoss, parameters: RunRecord.fingerprint(experiment))
        let same = record.ending.map { $0.step == ending.step && $0.loss.bitPattern == ending.loss.bitPattern
            && $0.parameters == ending.parameters } ?? false
        return Outcome(ending: ending, reproduced: same)
    }
}
