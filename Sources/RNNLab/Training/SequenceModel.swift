import RNNEngine

/// The model of an experiment: a recurrent layer and a linear read-out, shaped by
/// the task. Regression and classification read the final state (B, D·H) after
/// the last real step; per-step tasks read every step (B, T, D·H).
final class SequenceModel: Module {
    let recurrent: RecurrentLayer
    let head: Linear
    let kind: TaskKind

    init(task: any SequenceTask, settings: [String: SettingValue], rng: inout SplitMix64) throws {
        guard task.kind != .seq2seq else {
            throw Reason("\(task.name) is a sequence-to-sequence task; it needs the encoder–decoder, which this experiment does not build")
        }
        let cell = CellKind(rawValue: settings["cell"]?.choice ?? "rnn_tanh") ?? .rnnTanh
        let hidden = Int(settings["hidden"]?.number ?? 32)
        let directions = (settings["bidirectional"]?.number ?? 0) > 0 ? 2 : 1
        var options = RecurrentOptions(layers: Int(settings["layers"]?.number ?? 1), bidirectional: directions == 2)
        let forget = settings["forget_bias"]?.number ?? 0
        if cell == .lstm && forget != 0 { options.forgetBias = forget }
        recurrent = RecurrentLayer(cell, inputSize: task.inputSize, hiddenSize: hidden, options: options, rng: &rng)
        let radius = settings["spectral_radius"]?.number ?? 0
        let initializer: Initializer? = switch settings["recurrent_init"]?.choice {
        case "orthogonal": .orthogonal()
        case "identity": .identity()
        default: nil
        }
        if radius > 0 || initializer != nil {
            for w in recurrent.weights {
                // Each gate's H×H block separately (the whole W_hh for the simple RNN).
                var blocks = w.weightHH.value.split(axis: 0, sizes: Array(repeating: hidden, count: cell.gateCount))
                if let initializer { blocks = blocks.map { _ in initializer.make([hidden, hidden], rng: &rng) } }
                if radius > 0 { blocks = blocks.map { $0.rescaled(toSpectralRadius: radius) } }
                w.weightHH.value = Tensor.concat(blocks, axis: 0)
            }
        }
        head = Linear(directions * hidden, task.outputSize, rng: &rng)
        kind = task.kind
        applyDropout(settings)
    }

    var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("rnn", recurrent) + prefixed("head", head)
    }

    func applyDropout(_ settings: [String: SettingValue]) {
        recurrent.dropoutBetweenLayers = settings["dropout"]?.number ?? 0
        recurrent.inputDropout = settings["input_dropout"]?.number ?? 0
        recurrent.recurrentDropout = settings["recurrent_dropout"]?.number ?? 0
    }

    /// Outputs (B, O), (B, C) or (B, T, C) for the batch.
    func outputs(_ batch: SequenceBatch) -> Variable {
        let out = recurrent(Variable(batch.inputs), mask: batch.mask)
        switch kind {
        case .perStepClassification:
            return head(out.output)
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
