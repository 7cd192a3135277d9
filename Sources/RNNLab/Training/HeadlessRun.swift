import Foundation

/// Trains an experiment for a number of steps without a screen, as `rnnlab run`
/// does, and says how the run ended. A divergence stops the run and rolls the
/// model back to its last evaluation before the divergence (`Experiment.rollBack`), so what is
/// evaluated and saved afterwards is the last good model, never the exploded one.
public struct HeadlessRun {
    /// The most steps one run may ask for (as a lesson check's `steps`).
    public static let maxSteps = 1_000_000

    /// How a run ended.
    public enum Ending: Sendable, Equatable {
        /// Every step was taken.
        case finished
        /// The loss or a gradient became NaN or infinite at `step`; the model is
        /// back at `lastGoodStep`, its last evaluation before that.
        case diverged(step: Int, cause: Divergence, lastGoodStep: Int)
        /// `shouldStop` said so (Ctrl-C) after `step` steps.
        case interrupted(step: Int)
    }

    public private(set) var log = MetricsLog()
    public private(set) var ending = Ending.finished

    public init() {}

    /// Takes up to `steps` steps, asking `shouldStop` before each one;
    /// `report` sees every step's report.
    public mutating func train(_ experiment: Experiment, steps: Int, shouldStop: () -> Bool = { false },
                               report: (StepReport) -> Void = { _ in }) {
        for _ in 0..<steps {
            if shouldStop() {
                ending = .interrupted(step: experiment.step)
                return
            }
            let r = experiment.trainStep()
            log.append(r)
            report(r)
            if let cause = r.divergence {
                let good = experiment.rollBack()
                ending = .diverged(step: r.step, cause: cause, lastGoodStep: good)
                return
            }
        }
        ending = .finished
    }
}
