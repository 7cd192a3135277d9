/// `rnnlab export`: a lesson's model, data and training as a PyTorch project.
public enum ExportKey: String, CaseIterable, Sendable {
    /// The export covers some model kinds only (a model kind added to the lab
    /// before its exporter). Names the lesson, never a Swift type.
    case unsupportedModel
    /// A setting with no faithful PyTorch equivalent in the export.
    case unsupportedSetting
    /// The output folder already holds files: nothing is overwritten.
    case folderNotEmpty
    case cannotWrite
    /// What was written, and what to run next.
    case wrote
    case nextCheck
    case nextTrain
    /// `--from` did not fit the lesson's model.
    case checkpointMismatch, checkpointMismatchSettings, checkpointMismatchTask
    case trainingBatchesRange
    /// `rnnlab replay` and `run --record`.
    case badRunFile
    case recorded
    case replayHeader
    case reproduced
    case notReproduced
    case otherThreads
    case recordWithInitFrom
    /// The lab's `W`: what was saved and the command that starts the same run.
    case savedInLab
    /// `rnnlab run --resume` and the lab's `O`.
    case notResumable
    case resumeOtherTask
    case badResumeField
    case resumeWithInitFrom
    case resumeWithSeed
    case resumeRebuildSetting
    case recordWithResume
    case resumed
    /// The lab's `O`: the picker, and what loading did.
    case loadTitle
    case noSavedRuns
    case loading
    case loadedInLab
    case savedLoadedInLab

    public var placeholders: Set<String> {
        switch self {
        case .unsupportedModel: return ["lesson"]
        case .unsupportedSetting: return ["lesson", "setting", "value"]
        case .folderNotEmpty: return ["folder"]
        case .cannotWrite: return ["file", "reason"]
        case .wrote: return ["count", "folder"]
        case .nextCheck: return ["folder"]
        case .nextTrain: return ["steps"]
        case .checkpointMismatch: return ["file", "reason"]
        case .checkpointMismatchSettings: return ["mismatch", "options"]
        case .checkpointMismatchTask: return ["mismatch", "found", "expected"]
        case .trainingBatchesRange: return ["value", "low", "high"]
        case .badRunFile: return ["file", "field", "expected"]
        case .recorded: return ["file", "steps"]
        case .replayHeader: return ["lesson", "steps", "changes"]
        case .reproduced: return ["step", "loss"]
        case .notReproduced: return ["step", "loss", "recordedStep", "recordedLoss"]
        case .otherThreads: return ["recorded", "now"]
        case .recordWithInitFrom: return []
        case .savedInLab: return ["command", "checkpoint", "runFile"]
        case .notResumable: return ["file"]
        case .resumeOtherTask: return ["file", "found", "expected"]
        case .badResumeField: return ["file", "field", "expected"]
        case .resumeWithInitFrom, .resumeWithSeed, .recordWithResume: return []
        case .resumeRebuildSetting: return ["setting"]
        case .resumed: return ["file", "step"]
        case .loadTitle: return []
        case .noSavedRuns: return ["lesson"]
        case .loading: return ["file"]
        case .loadedInLab: return ["file", "step"]
        case .savedLoadedInLab: return ["command", "checkpoint"]
        }
    }
}
