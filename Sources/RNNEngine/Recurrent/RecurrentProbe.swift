/// What one pass of a recurrent layer showed, for one chosen sample of the batch.
///
/// Probes are off unless the caller asks (`layer.probeSample = b`); when off, the
/// layer records nothing and pays nothing. Rows are time steps t in input order,
/// whichever direction the pass ran.
public final class RecurrentProbe: @unchecked Sendable {
    /// Which sequence of the batch was recorded.
    public let sample: Int
    public let kind: CellKind
    /// True for the reverse direction of a bidirectional layer (or `goBackwards`).
    public let reverse: Bool
    /// (T, G·H): gate activations after their nonlinearity, blocks in `kind.gateNames` order.
    public internal(set) var gates: Tensor
    /// (T, H): the hidden state h_t after step t.
    public internal(set) var hidden: Tensor
    /// (T, H): the LSTM's cell state c_t (empty for other cells).
    public internal(set) var cell: Tensor
    /// (T): ‖∂L/∂h_t‖ for the sample, filled by the backward pass (BPTT); zeros before it.
    public internal(set) var gradientNorms: [Double]
    /// ‖∂L/∂h_init‖ for the initial state: the gradient that reached the start.
    public internal(set) var initialStateGradientNorm: Double = 0

    init(sample: Int, kind: CellKind, reverse: Bool, steps: Int, hidden h: Int) {
        self.sample = sample
        self.kind = kind
        self.reverse = reverse
        gates = Tensor(zeros: [steps, kind.gateCount == 1 ? 0 : kind.gateCount * h])
        hidden = Tensor(zeros: [steps, h])
        cell = Tensor(zeros: [steps, kind.hasCellState ? h : 0])
        gradientNorms = Array(repeating: 0, count: steps)
    }

    /// Copies the first n values of row `b` (rows `stride` apart) into row t of a (T, n) probe tensor.
    static func record<T: EngineScalar>(_ dst: inout Tensor, t: Int, from src: UnsafePointer<T>,
                                        row b: Int, stride: Int) {
        let n = dst.shape[1]
        guard n > 0 else { return }
        dst.withUnsafeMutableBufferPointer(as: Float.self) { p in
            for j in 0..<n { p[t * n + j] = Float(src[b * stride + j]) }
        }
    }

    /// The gate block `index` (see `kind.gateNames`) as (T, H).
    public func gate(_ index: Int) -> Tensor {
        let h = hidden.shape[1]
        let t = gates.shape[0]
        var out = Tensor(zeros: [t, h])
        for s in 0..<t { for j in 0..<h { out[s, j] = gates[s, index * h + j] } }
        return out
    }
}
