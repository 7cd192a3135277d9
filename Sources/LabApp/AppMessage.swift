import LabText
import RNNLab

/// Everything that can change the app's state: the `update` function's input.
public enum AppMessage: Sendable {
    /// A key press (or a quit signal, see ``AppKey``).
    case key(AppKey)
    /// Something the trainer posted.
    case trainer(TrainerEvent)
    /// Something the trainer of the lesson's `compare` run posted.
    case companion(TrainerEvent)
    /// A check verifying in the background: steps so far, and the verdict when done.
    case verification(check: String, steps: Int, result: CheckResult?)
    /// Time passes; `seconds` is a monotonic clock reading (for steps per second).
    case tick(seconds: Double)
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// Saving progress or knob values failed, with the reason (shown at once).
    case saveFailed(Phrase)
    /// The checkpoints `O` offers for `lesson`, newest first (read by the run loop from `runs/`).
    case savedRuns(lesson: String, files: [String])
    /// Sent once at launch: reopen the lesson the learner had open, at its page
    /// (``AppState/restore(_:)`` says whether there is one).
    case resume
}

/// What the run loop must do after an update: `update` itself touches
/// neither the trainer nor the disk.
public enum AppEffect: Sendable {
    /// Start a trainer for a lesson's run (stopping any other).
    case startTrainer(RunPlan)
    /// Start the trainer of the lesson's `compare` run beside the current one.
    case startCompanion(RunPlan)
    /// Stop the current trainer (and its companion).
    case stopTrainer
    /// Send a command to the current trainer.
    case send(TrainerCommand)
    /// Send a command to the companion trainer.
    case sendCompanion(TrainerCommand)
    /// Run a check of the open lesson headlessly in the background, as `rnnlab verify` does.
    case verifyCheck(String)
    /// Stop the check verifying in the background.
    case cancelVerification
    /// Record a check as met.
    case markDone(lesson: String, check: String)
    /// Record that the learner has opened a lesson (no more welcome line).
    case markStarted
    /// Save the lesson's run (`W`): its parameters and its run file, in the state folder's `runs/`.
    case saveRun
    /// List the lesson's checkpoints in the state folder's `runs/` (`O`); answered with `.savedRuns`.
    case listSavedRuns(lesson: String)
    /// Record the learner's prediction for a lesson's question (a choice, 0-based).
    case saveAnswer(lesson: String, question: String, choice: Int)
    /// Save the last knob values of a lesson.
    case saveKnobs(lesson: String, values: [String: SettingValue])
    /// Leave the program.
    case quit
}
