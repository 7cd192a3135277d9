/// Truncated BPTT with window τ, written out as its definition: the loss of each
/// step t sends its gradient back through at most τ steps, to the steps s with
/// t − τ < s ≤ t, and no further:
///
///     ∂̃L/∂θ = Σ_t Σ_{s = max(0, t−τ+1)}^{t} (∂L_t/∂h_t) (∂h_t/∂h_s) (∂h_s/∂θ)|_{h_{s−1} fixed}
///
/// Step s's inputs, x_s and h_{s−1}, get the gradient of the same terms, so the
/// initial state h_{−1} hears from the losses of steps t < τ only. τ = 1 lets no
/// gradient cross the recurrence; τ ≥ T is full BPTT. The state still flows
/// forwards through every step: only the gradient is cut.
///
/// Every loss walks back on its own here, which costs T·τ steps; the fused
/// kernel gets the same sum in one walk by carrying one gradient per age.
extension SimpleRNNBPTT {
    public func truncatedBackward(_ x: [[Double]], states h: [[Double]], dL_dh: [[Double]], window τ: Int) -> Gradients {
        precondition(τ >= 1, "a BPTT window must be at least one step, got \(τ)")
        var grad = Gradients(inputSize: inputSize, hidden: hidden, steps: x.count)
        for t in 0..<x.count {
            var g = dL_dh[t]                                     // ∂L_t/∂h_s, starting at s = t
            for s in stride(from: t, through: max(0, t - τ + 1), by: -1) {
                let δ = zip(g, h[s + 1]).map { g, h_s in slope(h_s) * g }   // ∂L_t/∂a_s
                grad.add(δ, x: x[s], hPrev: h[s], at: s, W_ih: W_ih)
                g = transposed(W_hh, times: δ)                   // ∂L_t/∂h_{s−1}
            }
            if t < τ { grad.initialState = plus(grad.initialState, g) }   // the walk reached h_{−1}
        }
        return grad
    }
}
