import LabText
import RNNEngine

/// The model of an experiment: a recurrent layer and a linear read-out, shaped by
/// the task. Regression and classification read the final state (B, D·H) after
/// the last real step; per-step tasks read every step (B, T, D·H). A token task
/// with `token_embedding` E ≥ 1 looks its ids up in a learned table (V, E) and
/// feeds (B, T, E) to the recurrent layer instead of the one-hot rows (B, T, V).
final class SequenceModel: RecurrentLabModel {
    let recurrent: RecurrentLayer
    let head: Linear
    let kind: TaskKind
    /// The learned table (V, E) of a token task with `token_embedding` > 0; nil feeds `batch.inputs`.
    let embedding: Embedding?
    /// Classification: what the head reads (the last real state, or the max over real steps).
    let readout: ClassifierReadout
    /// False feeds padded steps as input and reads the state after the last padded step.
    let masking: Bool
    /// With `conv_filters` F > 0 on a regression task: Conv1D → max-pool → Conv1D
    /// before the recurrent layer, which then reads (B, T', F) (``ConvFrontEnd``).
    let front: ConvFrontEnd?

    static func fits(_ task: any SequenceTask) -> Bool { task.kind != .seq2seq }

    init(task: any SequenceTask, configuration c: ExperimentConfiguration, rng: inout SplitMix64) throws {
        guard Self.fits(task) else {
            throw Reason(.run(.needsEncoderDecoder), ["task": .text(task.name)])
        }
        let directions = c.bidirectional ? 2 : 1
        var options = RecurrentOptions(layers: c.layers, bidirectional: c.bidirectional, goBackwards: c.goBackwards)
        if c.cell == .lstm && c.forgetBias != 0 { options.forgetBias = c.forgetBias }
        if c.cell == .lstm && c.forgetGateClamp > 0 { options.forgetGateClamp = c.forgetGateClamp }
        let embeds = c.tokenEmbedding > 0 && Self.hasTokenInputs(task)
        front = try Self.convFrontEnd(task: task, configuration: c, rng: &rng)
        recurrent = RecurrentLayer(c.cell, inputSize: embeds ? c.tokenEmbedding : (front.map { $0.second.outputChannels } ?? task.inputSize),
                                   hiddenSize: c.hidden,
                                   options: options, rng: &rng)
        let initializer: Initializer? = switch c.recurrentInit {
        case .orthogonal: .orthogonal()
        case .identity: .identity()
        case .default: nil
        }
        if c.spectralRadius > 0 || initializer != nil {
            for w in recurrent.weights {
                // Each gate's H×H block separately (the whole W_hh for the simple RNN).
                var blocks = w.weightHH.value.split(axis: 0, sizes: Array(repeating: c.hidden, count: c.cell.gateCount))
                if let initializer { blocks = blocks.map { _ in initializer.make([c.hidden, c.hidden], rng: &rng) } }
                if c.spectralRadius > 0 { blocks = blocks.map { $0.rescaled(toSpectralRadius: c.spectralRadius) } }
                w.weightHH.value = Tensor.concat(blocks, axis: 0)
            }
        }
        head = Linear(directions * c.hidden, task.outputSize, rng: &rng)
        kind = task.kind
        readout = c.readout
        masking = c.masking
        // Drawn last, so every other weight starts as it does with one-hot inputs.
        // A task with a vocabulary pads with `<pad>`, whose row stays zero.
        embedding = embeds ? Embedding(task.inputSize, c.tokenEmbedding,
                                       paddingIndex: task.inputVocabulary != nil ? Vocabulary.pad : nil, rng: &rng) : nil
        apply(c)
    }

    var namedParameters: [(name: String, parameter: Variable)] {
        (embedding.map { prefixed("embedding", $0) } ?? []) + (front.map { prefixed("front", $0) } ?? [])
            + prefixed("rnn", recurrent) + prefixed("head", head)
    }

    /// Whether the task's batches carry token ids (`SequenceBatch.inputTokens`) an embedding can read.
    static func hasTokenInputs(_ task: any SequenceTask) -> Bool {
        (task as? ExampleTask)?.info.tokenInputs ?? false
    }

    /// What the recurrent layer reads: the embedded ids (B, T, E), or `batch.inputs` (B, T, I).
    func recurrentInputs(_ batch: SequenceBatch) -> Variable {
        if let front { return front(Variable(batch.inputs)) }
        guard let embedding else { return Variable(batch.inputs) }
        return embedding(batch.inputTokens!, shape: [batch.batchSize, batch.steps])
    }

    func apply(_ c: ExperimentConfiguration) {
        recurrent.dropoutBetweenLayers = c.dropout
        recurrent.inputDropout = c.inputDropout
        recurrent.recurrentDropout = c.recurrentDropout
        recurrent.dropoutMasks = c.dropoutMasks
        recurrent.gradientWindow = c.bpttWindow > 0 ? c.bpttWindow : nil
    }


    func trainingLoss(_ batch: SequenceBatch) -> Variable { loss(batch).loss }

    /// The loss and outputs without a tape (`withNoGrad`): the same numbers as the
    /// taped forward pass, with no activations kept for a backward pass that never runs.
    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        withNoGrad {
            let (l, y) = loss(batch)
            return (l.value.item, y.value)
        }
    }

    static var offeredProbes: Set<ProbeID> { RecurrentLayer.offeredProbes }


    var attentionProbe: Tensor? { nil }


    /// Outputs (B, O), (B, C) or (B, T, C) for the batch.
    func outputs(_ batch: SequenceBatch) -> Variable {
        // The front end's windows are all full length (a regression task), so no mask follows it.
        let out = recurrent(recurrentInputs(batch), mask: masking && front == nil ? batch.mask : nil)
        switch kind {
        case .perStepClassification:
            // `go_backwards` returns the steps in reading order (Keras); turned back,
            // the output at t is the state after reading x_T … x_t, aligned with target t.
            let oneWayBackwards = recurrent.options.goBackwards && !recurrent.options.bidirectional
            return head(oneWayBackwards ? out.output.reversed(axis: 1) : out.output)
        case .classification where readout == .max:
            return head(out.output.globalMaxOverTime(mask: masking ? batch.mask : nil))
        default:
            let D = recurrent.options.directions
            let finals = out.finalHidden.slice(axis: 0, (out.finalHidden.shape[0] - D)..<out.finalHidden.shape[0])
            let last = Variable.concat((0..<D).map { finals.select(axis: 0, $0) }, axis: 1)
            return head(last)
        }
    }

    /// The training loss of a batch, with the outputs it came from.
    func loss(_ batch: SequenceBatch) -> (loss: Variable, outputs: Variable) {
        let y = outputs(batch)
        return (loss(y, batch), y)
    }

    /// The loss from given hidden states (B, T, H) of a one-layer, one-direction
    /// layer on full-length sequences: how the loss depends on each h_t directly,
    /// which is what RTRL needs.
    func loss(_ batch: SequenceBatch, fromStates states: Variable) -> Variable {
        let y = kind == .perStepClassification ? head(states) : head(states.select(axis: 1, states.shape[1] - 1))
        return loss(y, batch)
    }

    private func loss(_ y: Variable, _ batch: SequenceBatch) -> Variable {
        kind == .regression
            ? meanSquaredError(y, batch.targetValues!)
            : crossEntropy(y, targets: batch.targetClasses!, mask: batch.targetMask)
    }
}
