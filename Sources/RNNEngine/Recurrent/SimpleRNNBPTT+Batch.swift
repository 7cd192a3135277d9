/// The twin on whole batches of tensors, for tests and lessons that compare it
/// with the layer.
extension SimpleRNNBPTT {
    /// The states and gradients of a batch.
    public struct BatchResult {
        /// (B, T, H): h_t for every row and step.
        public var states: Tensor
        /// ∂L/∂θ by PyTorch name (`weight_ih_l0`, …), summed over the batch.
        public var gradients: [String: Tensor]
        /// (B, T, I) and (B, H).
        public var inputGradient: Tensor
        public var initialStateGradient: Tensor
    }

    /// Runs forward and backward for x (B, T, I) from h_{−1} (B, H) (zeros when nil)
    /// with the loss gradients ∂L_t/∂h_t (B, T, H); full BPTT when `window` is nil,
    /// else truncated to it (see `truncatedBackward`). Results in Double, as `dtype`.
    public func run(x: Tensor, initialState: Tensor? = nil, outputGradient: Tensor, window: Int? = nil,
                    dtype: DType = .float64) -> BatchResult {
        let (B, T, I, H) = (x.shape[0], x.shape[1], inputSize, hidden)
        precondition(x.shape == [B, T, I] && outputGradient.shape == [B, T, H], "x \(x.shape), ∂L/∂h \(outputGradient.shape)")
        let (xs, dys) = (x.doubles, outputGradient.doubles)
        let h0 = initialState?.doubles ?? [Double](repeating: 0, count: B * H)
        var states: [Double] = [], dx: [Double] = [], dh0: [Double] = []
        var (dWih, dWhh, db) = ([Double](repeating: 0, count: H * I), [Double](repeating: 0, count: H * H),
                                [Double](repeating: 0, count: H))
        for b in 0..<B {
            let row = (0..<T).map { t in Array(xs[((b * T + t) * I)..<((b * T + t + 1) * I)]) }
            let dL_dh = (0..<T).map { t in Array(dys[((b * T + t) * H)..<((b * T + t + 1) * H)]) }
            let h = forward(row, from: Array(h0[(b * H)..<((b + 1) * H)]))
            let g = window.map { truncatedBackward(row, states: h, dL_dh: dL_dh, window: $0) }
                ?? backward(row, states: h, dL_dh: dL_dh)
            states += h.dropFirst().flatMap { $0 }
            dx += g.x.flatMap { $0 }
            dh0 += g.initialState
            (dWih, dWhh, db) = (plus(dWih, g.W_ih), plus(dWhh, g.W_hh), plus(db, g.b_ih))
        }
        let named = [("weight_ih_l0", [H, I], dWih), ("weight_hh_l0", [H, H], dWhh),
                     ("bias_ih_l0", [H], db), ("bias_hh_l0", [H], db)]
        return BatchResult(
            states: Tensor(shape: [B, T, H], doubles: states, dtype: dtype),
            gradients: Dictionary(uniqueKeysWithValues: named.map { ($0.0, Tensor(shape: $0.1, doubles: $0.2, dtype: dtype)) }),
            inputGradient: Tensor(shape: [B, T, I], doubles: dx, dtype: dtype),
            initialStateGradient: Tensor(shape: [B, H], doubles: dh0, dtype: dtype))
    }
}
