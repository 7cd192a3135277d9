/// A recurrent layer over whole sequences: the simple RNN, the LSTM or the GRU,
/// stacked and bidirectional on request, with PyTorch's parameters and results.
///
/// Input (B, T, I); see `RecurrentOptions` for the Keras and PyTorch options and
/// `RecurrentOutput` for what comes back. Each layer and direction runs as one
/// fused tape node whose backward pass is BPTT (`SequencePass`).
public class RecurrentLayer: Module {
    public let kind: CellKind
    public let inputSize: Int
    public let hiddenSize: Int
    public let options: RecurrentOptions
    /// Weights per layer and direction, index `layer * D + direction`.
    public let weights: [RecurrentWeights]
    /// Dropout is applied only while training.
    public var training = true
    /// Set to a batch index to record probes on the next passes; nil records nothing.
    public var probeSample: Int?
    /// The probes of the last pass, index `layer * D + direction` (empty when off).
    public private(set) var probes: [RecurrentProbe] = []
    /// Draws the dropout masks.
    public var rng: SplitMix64
    /// Dropout rates, changeable between two steps (they start as in `options`).
    public var dropoutBetweenLayers: Double
    public var inputDropout: Double
    public var recurrentDropout: Double
    /// One dropout mask per sequence or per step (starts as in `options`).
    public var dropoutMasks: DropoutMaskScope
    /// τ of truncated BPTT, nil for full (starts as in `options`); changeable between two steps.
    public var gradientWindow: Int?

    public init(_ kind: CellKind, inputSize: Int, hiddenSize: Int, options: RecurrentOptions = .init(),
                rng: inout SplitMix64, dtype: DType = .float32) {
        precondition(inputSize > 0 && hiddenSize > 0 && options.layers > 0,
                     "recurrent layer needs positive sizes, got I \(inputSize), H \(hiddenSize), layers \(options.layers)")
        self.kind = kind
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.options = options
        let (H, G, D) = (hiddenSize, kind.gateCount * hiddenSize, options.directions)
        var weights: [RecurrentWeights] = []
        for layer in 0..<options.layers {
            let layerInput = layer == 0 ? inputSize : (options.merge == .concat ? D * H : H)
            for direction in 0..<D {
                let suffix = "_l\(layer)" + (direction == 1 ? "_reverse" : "")
                func make(_ name: String, _ shape: [Int], _ initializer: Initializer) -> Variable {
                    Variable(initializer.make(shape, rng: &rng, dtype: dtype), requiresGrad: true, name: name + suffix)
                }
                let bound = 1 / Double(H).squareRoot()
                let pytorch = Initializer.uniform(low: -bound, high: bound)
                let keras = options.initialization == .keras
                let w = RecurrentWeights(
                    weightIH: make("weight_ih", [G, layerInput], keras ? .glorotUniform() : pytorch),
                    weightHH: make("weight_hh", [G, H], keras ? .orthogonal() : pytorch),
                    biasIH: make("bias_ih", [G], keras ? .zeros : pytorch),
                    biasHH: make("bias_hh", [G], keras ? .zeros : pytorch))
                if kind == .lstm, let forget = options.forgetBias {
                    for j in H..<(2 * H) { w.biasIH.value[flat: j] = forget; w.biasHH.value[flat: j] = 0 }
                }
                weights.append(w)
            }
        }
        self.weights = weights
        self.rng = rng.fork()
        dropoutBetweenLayers = options.dropoutBetweenLayers
        inputDropout = options.inputDropout
        recurrentDropout = options.recurrentDropout
        dropoutMasks = options.dropoutMasks
        gradientWindow = options.gradientWindow
    }

    public var namedParameters: [(name: String, parameter: Variable)] {
        weights.flatMap { $0.all.map { ($0.name, $0) } }
    }

    /// Runs the sequence.
    /// - Parameters:
    ///   - x: (B, T, I).
    ///   - initialHidden: (L·D, B, H), zeros when nil; `initialCell` likewise for the LSTM.
    ///   - mask: B·T flags, batch-major (row b, step t at b·T + t); false marks
    ///     padding. A padded step keeps the state, outputs it again, and passes
    ///     no gradient to the weights.
    public func callAsFunction(_ x: Variable, initialHidden: Variable? = nil, initialCell: Variable? = nil,
                               mask: [Bool]? = nil) -> RecurrentOutput {
        precondition(x.rank == 3 && x.shape[2] == inputSize, "expected input (B, T, \(inputSize)), got \(x.shape)")
        let (B, Tn, H, D, L) = (x.shape[0], x.shape[1], hiddenSize, options.directions, options.layers)
        precondition(Tn > 0, "a sequence needs at least one step")
        let stateShape = [L * D, B, H]
        precondition(initialHidden == nil || initialHidden!.shape == stateShape, "initial hidden state \(initialHidden!.shape), expected \(stateShape)")
        precondition(initialCell == nil || initialCell!.shape == stateShape, "initial cell state \(initialCell!.shape), expected \(stateShape)")
        probes = []
        var input = x
        var finals: [Variable] = [], cells: [Variable] = []
        for layer in 0..<L {
            if layer > 0 { input = input.dropout(p: dropoutBetweenLayers, training: training, rng: &rng) }
            var outputs: [Variable] = []
            for direction in 0..<D {
                let index = layer * D + direction
                let reverse = (direction == 1) != options.goBackwards
                let h0 = initialHidden.map { $0.select(axis: 0, index) } ?? Variable(Tensor(zeros: [B, H], dtype: x.dtype))
                let c0 = kind.hasCellState
                    ? (initialCell.map { $0.select(axis: 0, index) } ?? Variable(Tensor(zeros: [B, H], dtype: x.dtype)))
                    : nil
                var layerInput = input
                if training, inputDropout > 0 {
                    let m = Tensor.inputDropoutMask(batch: B, steps: Tn, features: input.shape[2], p: inputDropout,
                                                    scope: dropoutMasks, rng: &rng, dtype: x.dtype)
                    layerInput = input * Variable(m)
                }
                let recurrentMask = training && recurrentDropout > 0
                    ? Tensor.recurrentDropoutMask(batch: B, steps: Tn, hidden: H, p: recurrentDropout,
                                                  scope: dropoutMasks, rng: &rng, dtype: x.dtype) : nil
                let probe = probeSample.map { RecurrentProbe(sample: $0, kind: kind, reverse: reverse, steps: Tn, hidden: H) }
                if let probe { probes.append(probe) }
                let (out, cT) = recurrentSequence(kind: kind, x: layerInput, h0: h0, c0: c0, weights: weights[index],
                                                  reverse: reverse, mask: mask, recurrentMask: recurrentMask,
                                                  gradientWindow: gradientWindow, probe: probe,
                                                  forgetClamp: kind == .lstm ? options.forgetGateClamp : nil)
                outputs.append(out)
                finals.append(out.select(axis: 1, reverse ? 0 : Tn - 1))
                if let cT { cells.append(cT) }
            }
            input = merge(outputs)
        }
        var output = input
        if options.goBackwards && !options.bidirectional { output = output.reversed(axis: 1) }
        if !options.returnSequences {
            // The last step read: for a bidirectional layer, each direction's own last step.
            output = D == 2 ? merge(finals.suffix(2).map { $0 }) : output.select(axis: 1, Tn - 1)
        }
        return RecurrentOutput(output: output,
                               finalHidden: Variable.stack(finals, axis: 0),
                               finalCell: cells.isEmpty ? nil : Variable.stack(cells, axis: 0))
    }

    private func merge(_ parts: [Variable]) -> Variable {
        guard parts.count == 2 else { return parts[0] }
        let last = parts[0].rank - 1
        switch options.merge {
        case .concat: return Variable.concat(parts, axis: last)
        case .sum: return parts[0] + parts[1]
        case .product: return parts[0] * parts[1]
        case .average: return (parts[0] + parts[1]) * 0.5
        }
    }

    /// The spectral radius of the recurrent matrix of `layer`/`direction`: of W_hh
    /// for the simple RNN, of each gate's H×H block for the LSTM and GRU.
    public func spectralRadii(layer: Int = 0, direction: Int = 0) -> [Double] {
        let w = weights[layer * options.directions + direction].weightHH.value
        return w.split(axis: 0, sizes: Array(repeating: hiddenSize, count: kind.gateCount)).map { $0.spectralRadius() }
    }

    /// ‖∂L/∂θ‖ for every parameter that has a gradient, by name.
    public func gradientNorms() -> [(name: String, norm: Double)] {
        namedParameters.compactMap { p in p.parameter.grad.map { (p.name, $0.norm()) } }
    }
}

/// `nn.RNN`: h′ = tanh (or relu) of (W_ih x + b_ih + W_hh h + b_hh).
public final class SimpleRNN: RecurrentLayer {
    public init(inputSize: Int, hiddenSize: Int, nonlinearity: CellKind = .rnnTanh,
                options: RecurrentOptions = .init(), rng: inout SplitMix64, dtype: DType = .float32) {
        precondition(nonlinearity == .rnnTanh || nonlinearity == .rnnReLU, "SimpleRNN is tanh or relu")
        super.init(nonlinearity, inputSize: inputSize, hiddenSize: hiddenSize, options: options, rng: &rng, dtype: dtype)
    }
}

/// `nn.LSTM` (gates i, f, g, o).
public final class LSTM: RecurrentLayer {
    public init(inputSize: Int, hiddenSize: Int, options: RecurrentOptions = .init(),
                rng: inout SplitMix64, dtype: DType = .float32) {
        super.init(.lstm, inputSize: inputSize, hiddenSize: hiddenSize, options: options, rng: &rng, dtype: dtype)
    }
}

/// `nn.GRU` (gates r, z, n; r applied to W_hn h + b_hn).
public final class GRU: RecurrentLayer {
    public init(inputSize: Int, hiddenSize: Int, options: RecurrentOptions = .init(),
                rng: inout SplitMix64, dtype: DType = .float32) {
        super.init(.gru, inputSize: inputSize, hiddenSize: hiddenSize, options: options, rng: &rng, dtype: dtype)
    }
}
