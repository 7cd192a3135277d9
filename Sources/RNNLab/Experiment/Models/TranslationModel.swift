import LabText
import RNNEngine

/// The encoder–decoder of a seq2seq task, with or without attention.
final class TranslationModel: RecurrentLabModel {
    let seq2seq: Seq2Seq

    static func fits(_ task: any SequenceTask) -> Bool { task.kind == .seq2seq }

    init(task: any SequenceTask, configuration c: ExperimentConfiguration, rng: inout SplitMix64) throws {
        guard Self.fits(task), task.inputVocabulary != nil, task.outputVocabulary != nil else {
            throw Reason(.run(.notSeq2Seq), ["task": .text(task.name)])
        }
        let config = Seq2SeqConfiguration(
            sourceVocabularySize: task.inputSize, targetVocabularySize: task.outputSize,
            embeddingSize: c.embedding, hiddenSize: c.hidden, cell: c.cell, bidirectional: c.bidirectional,
            readsBackwards: c.goBackwards, bridge: c.bridge, useAttention: c.attention, score: c.score)
        seq2seq = Seq2Seq(config, teacherForcingRatio: c.teacherForcing, rng: &rng)
        beamWidth = c.beamWidth
        apply(c)
    }

    /// The beam width of evaluation decoding; 1 decodes greedily.
    var beamWidth: Int

    var namedParameters: [(name: String, parameter: Variable)] { seq2seq.namedParameters }
    /// The encoder's recurrent layer: its probes are the ones shown.
    var recurrent: RecurrentLayer { seq2seq.encoder.rnn }
    var attentionProbe: Tensor? { seq2seq.attentionProbe }


    /// The encoder's probes, and the attention map of an evaluation.
    static var offeredProbes: Set<ProbeID> { RecurrentLayer.offeredProbes.union([.attention]) }


    func apply(_ c: ExperimentConfiguration) {
        seq2seq.teacherForcingRatio = c.teacherForcing
        beamWidth = c.beamWidth
        recurrent.dropoutMasks = c.dropoutMasks
        recurrent.gradientWindow = c.bpttWindow > 0 ? c.bpttWindow : nil
    }

    func trainingLoss(_ batch: SequenceBatch) -> Variable {
        seq2seq.probeSample = nil
        return seq2seq.loss(sourceTokens: batch.inputTokens!, sourceShape: (batch.batchSize, batch.steps),
                            sourceMask: batch.mask, targetInputTokens: batch.decoderTokens!,
                            targetOutputTokens: batch.targetClasses!, targetMask: batch.targetMask)
    }

    /// The loss with full teacher forcing, and the greedy decodings as one-hot (B, U, V)
    /// rows — the decoded tokens, then `<eos>`, then padding — so the task scores them
    /// exactly as it scores its baselines. Runs without a tape (`withNoGrad`).
    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        withNoGrad { evaluateWithoutTape(batch, task: task, recordAttention: recordAttention) }
    }

    private func evaluateWithoutTape(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        let ratio = seq2seq.teacherForcingRatio
        seq2seq.teacherForcingRatio = 1
        seq2seq.probeSample = nil
        let loss = trainingLoss(batch).value.item
        seq2seq.teacherForcingRatio = ratio
        let (B, U, V) = (batch.batchSize, batch.outputSteps, task.outputSize)
        let (bos, eos) = (Vocabulary.begin, Vocabulary.end)
        seq2seq.probeSample = recordAttention ? 0 : nil
        var decoded = seq2seq.greedyDecode(sourceTokens: batch.inputTokens!, sourceShape: (B, batch.steps),
                                           sourceMask: batch.mask, maxLength: U, bos: bos, eos: eos)
        seq2seq.probeSample = nil
        if beamWidth > 1 { decoded = beamDecode(batch, maxLength: U) }
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
