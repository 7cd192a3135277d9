import LabText
import RNNEngine

/// Which optimiser trains the model.
public enum OptimizerKind: String, Sendable, CaseIterable {
    case sgd, momentum, nesterov, rmsprop, adam, adagrad
}

/// How W_hh starts before `spectral_radius` rescales it.
public enum RecurrentInit: String, Sendable, CaseIterable {
    case `default`, orthogonal, identity
}

/// A lesson's experiment as typed values: the model's, the optimiser's and the
/// run's settings, and the task's knobs. It is decoded once from the settings
/// (`[String: SettingValue]`, the form lessons, knobs and commands carry) by
/// ``init(task:settings:)``, which refuses unknown names and values out of range.
/// Every default comes from the schema (``ExperimentSettings``); none is written here.
public struct ExperimentConfiguration: Sendable, Equatable {
    public internal(set) var cell: CellKind
    public internal(set) var hidden: Int
    public internal(set) var layers: Int
    public internal(set) var bidirectional: Bool
    public internal(set) var goBackwards: Bool
    /// 0 keeps the cell's initialiser.
    public internal(set) var spectralRadius: Double
    public internal(set) var recurrentInit: RecurrentInit
    public internal(set) var forgetBias: Double
    public internal(set) var seed: Int
    public internal(set) var optimizer: OptimizerKind
    public internal(set) var learningRate: Double
    public internal(set) var momentum: Double
    public internal(set) var weightDecay: Double
    /// 0: off.
    public internal(set) var clipNorm: Double
    /// 0: off.
    public internal(set) var clipValue: Double
    /// A char LM's own sampling temperature τ (logits ÷ τ), drawn beside the three
    /// fixed ones when it differs from them (`Experiment.sampleTemperatureList`).
    public internal(set) var temperature: Double
    public internal(set) var dropout: Double
    public internal(set) var inputDropout: Double
    public internal(set) var recurrentDropout: Double
    public internal(set) var batch: Int
    public internal(set) var attention: Bool
    public internal(set) var score: AttentionScore
    public internal(set) var embedding: Int
    public internal(set) var teacherForcing: Double
    public internal(set) var evalEvery: Int
    /// Seq2seq: how the decoder's first state is made (placeholder; `init` writes the schema's default).
    public internal(set) var bridge = Seq2SeqBridge.lastState
    /// Seq2seq: the beam width of evaluation decoding, 1 for greedy (placeholder, as `bridge`).
    public internal(set) var beamWidth = 1
    /// τ of truncated BPTT in the recurrent layer, 0 for full BPTT (placeholder, as `bridge`).
    public internal(set) var bpttWindow = 0
    /// One input and recurrent dropout mask per sequence or per step (placeholder, as `bridge`).
    public internal(set) var dropoutMasks = DropoutMaskScope.perSequence
    /// Token tasks: the size E of a learned input embedding, 0 for one-hot inputs (placeholder, as `bridge`).
    public internal(set) var tokenEmbedding = 0
    /// Lesson 2's negative control: RTRL without its indirect term W_hh S_{t−1} (placeholder, as `bridge`).
    public internal(set) var rtrlDropIndirect = false
    /// Lesson 4's negative control: the LSTM's forget gate held at this value, 0 for the real gate (placeholder, as `bridge`).
    public internal(set) var forgetGateClamp = 0.0
    /// Classifiers: a plain recurrent layer (Text-RNN) or the RCNN (placeholder, as `bridge`).
    public internal(set) var architecture = ClassifierArchitecture.rnn
    /// Classifiers: the head reads the last real state or the max over time (placeholder, as `bridge`).
    public internal(set) var readout = ClassifierReadout.last
    /// False feeds padded steps to the recurrent layer as input (placeholder, as `bridge`).
    public internal(set) var masking = true
    /// Regression: F filters of a Conv1D → max-pool → Conv1D front end, 0 for none (placeholder, as `bridge`).
    public internal(set) var convFilters = 0
    /// The front end's kernel size K, 'valid' padding (placeholder, as `bridge`).
    public internal(set) var convKernel = 5
    /// The front end's max-pool size and stride P (placeholder, as `bridge`).
    public internal(set) var pool = 3
    /// The task's difficulty knobs (T, delay, noise, …), by name.
    public internal(set) var taskKnobs: [String: Double]
    /// The data set trained on: `lesson` (the task's own) or the name of an imported one (`ImportedData`).
    public internal(set) var dataSet = ImportedData.lessonData

    /// The task the configuration was decoded for.
    public let task: String
    /// Every setting with its value (defaults filled in): the form shown and sent.
    public let values: [String: SettingValue]

    /// Decodes `settings` over the schema's defaults for `task`. Throws with the
    /// known settings for an unknown name, with the range or choices for a value
    /// out of range.
    public init(task: String, settings: [String: SettingValue]) throws {
        let definitions = ExperimentSettings.definitions(forTask: task)
        var values: [String: SettingValue] = [:]
        for d in definitions { values[d.name] = d.defaultValue }
        for (name, value) in settings {
            guard let d = definitions.first(where: { $0.name == name }) else {
                throw Reason(ExperimentSettings.unknown(name, definitions))
            }
            if let reason = d.refusal(value) { throw Reason(reason) }
            values[name] = value
        }
        self.task = task
        self.values = values
        // The values below are placeholders: every one is overwritten right after,
        // from the schema's default or the value given.
        (cell, hidden, layers, bidirectional, goBackwards, spectralRadius, recurrentInit, forgetBias) =
            (.rnnTanh, 0, 0, false, false, 0, .default, 0)
        (seed, optimizer, learningRate, momentum, weightDecay, clipNorm, clipValue) = (0, .adam, 0, 0, 0, 0, 0)
        (dropout, inputDropout, recurrentDropout, batch, attention, score, embedding, teacherForcing, evalEvery) =
            (0, 0, 0, 0, false, .additive, 0, 0, 0)
        temperature = 1
        taskKnobs = [:]
        for d in definitions { d.write(&self, values[d.name]!) }
    }

    /// The same configuration with one setting changed, decoded again (throws as `init` does).
    public func setting(_ name: String, to value: SettingValue) throws -> ExperimentConfiguration {
        var next = values
        next[name] = value
        return try ExperimentConfiguration(task: task, settings: next)
    }
}
