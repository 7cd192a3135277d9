import RNNEngine

/// What an experiment trains: the recurrent classifier/regressor (`SequenceModel`)
/// or the encoder–decoder (`TranslationModel`). The experiment drives either the
/// same way.
protocol ExperimentModel: Module {
    /// The recurrent layer whose probes the dashboard shows (the encoder's, for seq2seq).
    var recurrent: RecurrentLayer { get }
    /// The training loss of a batch.
    func trainingLoss(_ batch: SequenceBatch) -> Variable
    /// The validation loss of a batch and outputs for `task.score` (logits or, for
    /// seq2seq, one-hot greedy decodings); records attention for `probe` when asked.
    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor)
    /// Live settings: dropout rates, teacher forcing.
    func apply(_ settings: [String: SettingValue])
    /// The last recorded attention weights (U, S) of the probed example, if any.
    var attentionProbe: Tensor? { get }
}

extension SequenceModel: ExperimentModel {
    func trainingLoss(_ batch: SequenceBatch) -> Variable { loss(batch).loss }

    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        let (l, y) = loss(batch)
        return (l.value.item, y.value)
    }

    func apply(_ settings: [String: SettingValue]) { applyDropout(settings) }

    var attentionProbe: Tensor? { nil }
}

/// The encoder–decoder of a seq2seq task, with or without attention.
final class TranslationModel: ExperimentModel {
    let seq2seq: Seq2Seq

    init(task: any SequenceTask, settings: [String: SettingValue], rng: inout SplitMix64) throws {
        guard task.kind == .seq2seq, task.inputVocabulary != nil, task.outputVocabulary != nil else {
            throw Reason("\(task.name) is not a sequence-to-sequence task")
        }
        let scoreName = settings["score"]?.choice ?? "additive"
        let score: AttentionScore = scoreName == "scaled_dot" ? .scaledDot : (AttentionScore(rawValue: scoreName) ?? .additive)
        let config = Seq2SeqConfiguration(
            sourceVocabularySize: task.inputSize, targetVocabularySize: task.outputSize,
            embeddingSize: Int(settings["embedding"]?.number ?? 32), hiddenSize: Int(settings["hidden"]?.number ?? 64),
            cell: CellKind(rawValue: settings["cell"]?.choice ?? "gru") ?? .gru,
            bidirectional: (settings["bidirectional"]?.number ?? 0) > 0,
            readsBackwards: (settings["go_backwards"]?.number ?? 0) > 0,
            useAttention: (settings["attention"]?.number ?? 1) > 0, score: score)
        seq2seq = Seq2Seq(config, teacherForcingRatio: settings["teacher_forcing"]?.number ?? 1, rng: &rng)
    }

    var namedParameters: [(name: String, parameter: Variable)] { seq2seq.namedParameters }
    var recurrent: RecurrentLayer { seq2seq.encoder.rnn }
    var attentionProbe: Tensor? { seq2seq.attentionProbe }

    func apply(_ settings: [String: SettingValue]) {
        seq2seq.teacherForcingRatio = settings["teacher_forcing"]?.number ?? 1
    }

    func trainingLoss(_ batch: SequenceBatch) -> Variable {
        seq2seq.probeSample = nil
        return seq2seq.loss(sourceTokens: batch.inputTokens!, sourceShape: (batch.batchSize, batch.steps),
                            sourceMask: batch.mask, targetInputTokens: batch.decoderTokens!,
                            targetOutputTokens: batch.targetClasses!, targetMask: batch.targetMask)
    }

    /// The loss with full teacher forcing, and the greedy decodings as one-hot (B, U, V)
    /// rows — the decoded tokens, then `<eos>`, then padding — so the task scores them
    /// exactly as it scores its baselines.
    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        let ratio = seq2seq.teacherForcingRatio
        seq2seq.teacherForcingRatio = 1
        seq2seq.probeSample = nil
        let loss = trainingLoss(batch).value.item
        seq2seq.teacherForcingRatio = ratio
        let (B, U, V) = (batch.batchSize, batch.outputSteps, task.outputSize)
        let (bos, eos) = (Vocabulary.begin, Vocabulary.end)
        seq2seq.probeSample = recordAttention ? 0 : nil
        let decoded = seq2seq.greedyDecode(sourceTokens: batch.inputTokens!, sourceShape: (B, batch.steps),
                                           sourceMask: batch.mask, maxLength: U, bos: bos, eos: eos)
        seq2seq.probeSample = nil
        var onehot = Tensor(zeros: [B, U, V])
        for b in 0..<B {
            for u in 0..<U {
                let token = u < decoded[b].count ? decoded[b][u] : (u == decoded[b].count ? eos : 0)
                onehot[b, u, token] = 1
            }
        }
        return (loss, onehot)
    }
}
