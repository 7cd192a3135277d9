/// One step of a cell, as PyTorch's `nn.RNNCell`, `nn.LSTMCell` and `nn.GRUCell`:
/// x (B, I) and the state (B, H) in, the next state out. Parameters are named
/// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` as there. A decoder that feeds
/// each output back as the next input runs one of these step by step.
public final class RecurrentCell: Module {
    public let kind: CellKind
    public let weights: RecurrentWeights

    public init(_ kind: CellKind, inputSize: Int, hiddenSize: Int, rng: inout SplitMix64, dtype: DType = .float32) {
        self.kind = kind
        let G = kind.gateCount * hiddenSize
        let bound = 1 / Double(hiddenSize).squareRoot()
        func make(_ name: String, _ shape: [Int]) -> Variable {
            Variable(.uniform(shape, low: -bound, high: bound, rng: &rng, dtype: dtype), requiresGrad: true, name: name)
        }
        weights = RecurrentWeights(weightIH: make("weight_ih", [G, inputSize]), weightHH: make("weight_hh", [G, hiddenSize]),
                                   biasIH: make("bias_ih", [G]), biasHH: make("bias_hh", [G]))
    }

    public var hiddenSize: Int { weights.weightHH.shape[1] }
    public var namedParameters: [(name: String, parameter: Variable)] { weights.all.map { ($0.name, $0) } }

    /// h′ (and c′ for the LSTM) from x (B, I), h (B, H) and c (B, H); zero states when nil.
    public func callAsFunction(_ x: Variable, hidden: Variable? = nil, cell: Variable? = nil)
        -> (hidden: Variable, cell: Variable?) {
        let (B, I) = (x.shape[0], x.shape[1])
        let zeros = { Variable(Tensor(zeros: [B, self.hiddenSize], dtype: x.dtype)) }
        let (out, c) = recurrentSequence(kind: kind, x: x.reshaped([B, 1, I]), h0: hidden ?? zeros(),
                                         c0: kind.hasCellState ? (cell ?? zeros()) : nil, weights: weights,
                                         reverse: false, mask: nil, recurrentMask: nil, probe: nil)
        return (out.reshaped([B, hiddenSize]), c)
    }
}

extension Variable {
    /// The same value cut off from the tape: gradients stop here. Truncated BPTT
    /// carries the final state of one window into the next this way.
    public func detached() -> Variable { Variable(value) }
}
