import LabText

/// Where a task's examples come from.
public enum TaskSource: String, Sendable {
    /// Generated from a seed; difficulty set by knobs.
    case synthetic
    /// Read from files in the data folder.
    case dataset
}

/// One task or data set the lab offers, before it is built.
public struct TaskEntry: Sendable {
    public let name: String
    /// What the task is, as a catalogue text.
    public let summary: Phrase
    public let source: TaskSource
    /// Files it reads, relative to the data folder.
    public let files: [String]
    public let knobs: [Knob]
    let factory: @Sendable (KnobValues, DataDirectory, UInt64) throws -> any SequenceTask

    /// Builds the task with the given knob values (defaults for the rest).
    /// Unknown knobs and values out of range throw `TaskError`; missing or
    /// malformed files throw `DataError`.
    public func make(knobs requested: [String: Double] = [:], seed: UInt64 = TaskCatalog.defaultSeed,
                     dataDirectory: DataDirectory = .resolve()) throws -> any SequenceTask {
        try factory(try KnobValues(requested, knobs: knobs, task: name), dataDirectory, seed)
    }
}

/// Every task and data set by name, so lessons and `rnnlab data` enumerate them.
///
/// ```swift
/// let task = try TaskCatalog.make("adding", knobs: ["T": 200])
/// var rng = SplitMix64(seed: 7)
/// let batch = task.trainingBatch(size: 32, rng: &rng)      // inputs (32, 200, 2)
/// let validation = task.evaluationBatches(.validation, batchSize: 256)
/// let metrics = task.score(outputs, on: validation)          // MSE, RMSE, MAE, solved
/// let baselines = task.baselines(on: .validation)           // "mean of training targets": MSE ≈ 0.167
/// ```
public enum TaskCatalog {
    /// The seed of fixed validation and test sets and of data set splits unless a lesson picks another.
    public static let defaultSeed: UInt64 = 20_240_601

    public static let entries: [TaskEntry] = syntheticEntries + datasetEntries

    static let syntheticEntries: [TaskEntry] = [
        TaskEntry(name: "adding", summary: Phrase(.task(.adding)),
                  source: .synthetic, files: [], knobs: AddingProblem.knobs) { k, _, seed in AddingProblem.make(k, seed: seed) },
        TaskEntry(name: "copy", summary: Phrase(.task(.copy)),
                  source: .synthetic, files: [], knobs: CopyTask.knobs) { k, _, seed in CopyTask.make(k, seed: seed) },
        TaskEntry(name: "echo", summary: Phrase(.task(.echo)),
                  source: .synthetic, files: [], knobs: EchoTask.knobs) { k, _, seed in try EchoTask.make(k, seed: seed) },
        TaskEntry(name: "temporal-order", summary: Phrase(.task(.temporalOrder)),
                  source: .synthetic, files: [], knobs: TemporalOrderTask.knobs) { k, _, seed in TemporalOrderTask.make(k, seed: seed) },
        TaskEntry(name: "parity", summary: Phrase(.task(.parity)),
                  source: .synthetic, files: [], knobs: ParityTask.knobs) { k, _, seed in ParityTask.make(k, seed: seed) },
        TaskEntry(name: "counting", summary: Phrase(.task(.counting)),
                  source: .synthetic, files: [], knobs: CountingTask.knobs) { k, _, seed in CountingTask.make(k, seed: seed) },
        TaskEntry(name: "sine", summary: Phrase(.task(.sine)),
                  source: .synthetic, files: [], knobs: WaveformTask.knobs) { k, _, seed in WaveformTask.make(k, seed: seed) },
        TaskEntry(name: "reverse", summary: Phrase(.task(.reverse)),
                  source: .synthetic, files: [], knobs: ReversalTask.knobs) { k, _, seed in ReversalTask.make(k, seed: seed) },
        TaskEntry(name: "dates", summary: Phrase(.task(.dates)),
                  source: .synthetic, files: [], knobs: DateTranslationTask.knobs) { k, _, seed in DateTranslationTask.make(k, seed: seed) },
        TaskEntry(name: "arith-trees", summary: Phrase(.task(.arithTrees)),
                  source: .synthetic, files: [], knobs: ArithmeticTreesTask.knobs) { k, _, seed in ArithmeticTreesTask.make(k, seed: seed) },
    ]

    public static func entry(named name: String) -> TaskEntry? { entries.first { $0.name == name } }

    /// Builds a task by name; see `TaskEntry.make`.
    public static func make(_ name: String, knobs: [String: Double] = [:], seed: UInt64 = defaultSeed,
                            dataDirectory: DataDirectory = .resolve()) throws -> any SequenceTask {
        guard let entry = entry(named: name) else {
            throw TaskError(.unknownTask, ["name": .text(name), "tasks": .list(entries.map(\.name))])
        }
        return try entry.make(knobs: knobs, seed: seed, dataDirectory: dataDirectory)
    }
}
