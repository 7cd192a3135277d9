import RNNEngine

/// What an experiment trains. Any model kind conforms: it is built from the
/// typed configuration and the task, gives a training loss and evaluation
/// outputs, switches between training and evaluation, and offers probes. The
/// experiment drives every kind the same way; ``ModelCatalog`` picks one.
protocol LabModel: Module {
    /// Whether this kind of model can learn `task`.
    static func fits(_ task: any SequenceTask) -> Bool
    /// Whether this kind is the one to build for `task` with `configuration` (by default: it fits the task).
    static func fits(_ task: any SequenceTask, configuration: ExperimentConfiguration) -> Bool
    /// Builds the model; everything random comes from `rng`.
    init(task: any SequenceTask, configuration: ExperimentConfiguration, rng: inout SplitMix64) throws
    /// Training (dropout on) or evaluation mode, for the whole model.
    var isTraining: Bool { get set }
    /// Whether the next training step records probes (for the first example of the batch).
    var recordsProbes: Bool { get set }
    /// The training loss of a batch.
    func trainingLoss(_ batch: SequenceBatch) -> Variable
    /// The validation loss of a batch and outputs for `task.score` (logits or, for
    /// seq2seq, one-hot greedy decodings); records attention when asked.
    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor)
    /// Brings live settings (dropout rates, teacher forcing) in line with `configuration`.
    func apply(_ configuration: ExperimentConfiguration)
    /// The probes this kind of model can record (a panel that needs another has nothing to show).
    static var offeredProbes: Set<ProbeID> { get }
    /// The probes of the last training step that recorded them; empty when it did not.
    func probes() -> [ProbeID: Probe]
    /// The last recorded attention weights (U, S) of the probed example, if the model attends.
    var attentionProbe: Tensor? { get }
    /// The parameters of the model's recurrent part (the encoder's, for seq2seq); 0 without one.
    var recurrentParameterCount: Int { get }
    /// The model's own random generators by name (dropout masks, teacher-forcing
    /// coins), as their states: a resumed run needs them where they stood.
    var generatorStates: [String: UInt64] { get }
    /// Puts generators back where they stood; names the model does not have are ignored.
    func restoreGenerators(_ states: [String: UInt64])
}

extension LabModel {
    static func fits(_ task: any SequenceTask, configuration: ExperimentConfiguration) -> Bool { fits(task) }
}
