import LabText
import RNNEngine

/// The recurrent convolutional network for text of Lai et al. (2015): each
/// position t is read with its left context (a forward recurrent state that has
/// read the steps before t), its own embedding and its right context (a
/// backward state that has read the steps after t); a tanh layer applied at
/// every position (a convolution of width 1) turns [c_l(t); e(t); c_r(t)] into
/// C = `hidden` features; each feature is max-pooled over the real steps and a
/// linear layer gives the class logits.
///
/// Shapes: ids B·T → embedded (B, T, E) → bidirectional layer (B, T, 2H) →
/// context (B, T, 2H + E) → positions (B, T, C) → pooled (B, C) → logits (B, K).
/// E is `token_embedding`, or `embedding` when that is 0; a task without token
/// inputs feeds its (B, T, I) inputs as e. Not R-CNN, the region-based detector.
final class RCNNModel: RecurrentLabModel {
    let embedding: Embedding?
    /// Both directions over e; output (B, T, 2H) is [forward; backward] per step.
    let recurrent: RecurrentLayer
    /// The paper's c_l(w_1) and c_r(w_n): learned (H) vectors.
    let initialLeft: Variable
    let initialRight: Variable
    /// The per-position layer (2H + E) → C, followed by tanh.
    let position: Linear
    let head: Linear

    static func fits(_ task: any SequenceTask) -> Bool { task.kind == .classification }

    /// Chosen whenever `architecture` is rcnn; `init` refuses a task that is not classification.
    static func fits(_ task: any SequenceTask, configuration c: ExperimentConfiguration) -> Bool {
        c.architecture == .rcnn
    }

    init(task: any SequenceTask, configuration c: ExperimentConfiguration, rng: inout SplitMix64) throws {
        guard Self.fits(task) else {
            throw Reason(.run(.rcnnNeedsClassification), ["task": .text(task.name)])
        }
        let tokens = SequenceModel.hasTokenInputs(task)
        let e = tokens ? (c.tokenEmbedding > 0 ? c.tokenEmbedding : c.embedding) : task.inputSize
        var options = RecurrentOptions(layers: 1, bidirectional: true)
        if c.cell == .lstm && c.forgetBias != 0 { options.forgetBias = c.forgetBias }
        recurrent = RecurrentLayer(c.cell, inputSize: e, hiddenSize: c.hidden, options: options, rng: &rng)
        initialLeft = Variable(Tensor(zeros: [c.hidden]), requiresGrad: true, name: "initial_left")
        initialRight = Variable(Tensor(zeros: [c.hidden]), requiresGrad: true, name: "initial_right")
        position = Linear(2 * c.hidden + e, c.hidden, rng: &rng)
        head = Linear(c.hidden, task.outputSize, rng: &rng)
        embedding = tokens ? Embedding(task.inputSize, e, paddingIndex: task.inputVocabulary != nil ? Vocabulary.pad : nil,
                                       rng: &rng) : nil
        apply(c)
    }

    var namedParameters: [(name: String, parameter: Variable)] {
        (embedding.map { prefixed("embedding", $0) } ?? []) + prefixed("rnn", recurrent)
            + [("initial_left", initialLeft), ("initial_right", initialRight)]
            + prefixed("position", position) + prefixed("head", head)
    }

    func apply(_ c: ExperimentConfiguration) {
        recurrent.inputDropout = c.inputDropout
        recurrent.recurrentDropout = c.recurrentDropout
        recurrent.dropoutMasks = c.dropoutMasks
    }

    static var offeredProbes: Set<ProbeID> { RecurrentLayer.offeredProbes }

    var attentionProbe: Tensor? { nil }

    /// The per-position features y_t = tanh(W [c_l(t); e(t); c_r(t)] + b): (B, T, C).
    func positions(_ batch: SequenceBatch) -> Variable {
        let e: Variable = embedding.map { $0(batch.inputTokens!, shape: [batch.batchSize, batch.steps]) } ?? Variable(batch.inputs)
        let states = recurrent(e, mask: batch.mask).output
        let h = recurrent.hiddenSize
        let context = Variable.rcnnContext(forward: states.slice(axis: 2, 0..<h), embedded: e,
                                           backward: states.slice(axis: 2, h..<(2 * h)),
                                           initialLeft: initialLeft, initialRight: initialRight, mask: batch.mask)
        return position(context).tanh()
    }

    /// Logits (B, K) from the features max-pooled over the real steps.
    func outputs(_ batch: SequenceBatch) -> Variable {
        head(positions(batch).globalMaxOverTime(mask: batch.mask))
    }

    func trainingLoss(_ batch: SequenceBatch) -> Variable {
        crossEntropy(outputs(batch), targets: batch.targetClasses!, mask: batch.targetMask)
    }

    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        withNoGrad {
            let y = outputs(batch)
            return (crossEntropy(y, targets: batch.targetClasses!, mask: batch.targetMask).value.item, y.value)
        }
    }
}

/// Where the max-pool of an RCNN takes each feature from.
public enum MaxPoolWinners {
    /// For features (T, C) of one row of `length` real steps: the step each of the
    /// C features is taken from (the first on a tie, as `globalMaxOverTime`).
    public static func winners(_ features: [Double], steps: Int, channels: Int, length: Int) -> [Int] {
        precondition(features.count == steps * channels && length <= steps, "winners: \(features.count) values for T \(steps), C \(channels)")
        return (0..<channels).map { c in
            var best = 0
            for t in 1..<max(length, 1) where features[t * channels + c] > features[best * channels + c] { best = t }
            return best
        }
    }

    /// The fraction of the row's real steps that win at least one feature.
    public static func share(_ winners: [Int], length: Int) -> Double {
        length > 0 ? Double(Set(winners).count) / Double(length) : 0
    }
}
