/// Backpropagation through time for a one-layer, one-direction simple RNN, written
/// plainly in Double and in lesson 2's symbols: the readable twin of the fused
/// kernel (`SequencePass`, `CellStep`), which is tested against it. `RTRL` computes
/// the same gradient forwards.
///
/// Forward, for t = 0 … T−1, from the initial state h_{−1}:
///
///     a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh
///     h_t = φ(a_t)                                  φ = tanh or relu
///
/// The loss is a sum over steps, L = Σ_t L_t, and the caller gives each step's
/// direct gradient ∂L_t/∂h_t. Let g_t = ∂L/∂h_t be the *total* gradient at h_t.
/// h_t reaches L in two ways: through L_t, and through a_{t+1}, which reads it
/// as W_hh h_t. The chain rule adds the two:
///
///     g_t = ∂L_t/∂h_t + (∂a_{t+1}/∂h_t)ᵀ ∂L/∂a_{t+1} = ∂L_t/∂h_t + W_hhᵀ δ_{t+1}
///     δ_t = ∂L/∂a_t = φ′(a_t) ⊙ g_t          φ′ = 1 − h_t² (tanh), [h_t > 0] (relu)
///
/// with no δ_T (the last step has no future), so the walk runs from t = T−1 down
/// to 0. Each weight is used at every step, and a_t depends on it linearly, so
/// each step adds its share:
///
///     ∂W_ih += δ_t x_tᵀ     ∂W_hh += δ_t h_{t−1}ᵀ     ∂b_ih += δ_t     ∂b_hh += δ_t
///     ∂x_t = W_ihᵀ δ_t      ∂h_{−1} = W_hhᵀ δ_0
///
/// The walk reads h_t and h_{t−1}: the forward pass must keep every state.
/// Rows of a batch are independent; this code takes one row at a time.
public struct SimpleRNNBPTT {
    let relu: Bool
    let (inputSize, hidden): (Int, Int)
    /// (H, I), (H, H) row-major, and b = b_ih + b_hh (H).
    let (W_ih, W_hh, b): ([Double], [Double], [Double])

    public init(_ layer: RecurrentLayer) {
        precondition(layer.kind == .rnnTanh || layer.kind == .rnnReLU, "the BPTT twin is for the simple RNN")
        precondition(layer.options.layers == 1 && !layer.options.bidirectional && !layer.options.goBackwards,
                     "the BPTT twin needs one layer and one forward direction")
        let w = layer.weights[0]
        relu = layer.kind == .rnnReLU
        (inputSize, hidden) = (layer.inputSize, layer.hiddenSize)
        (W_ih, W_hh) = (w.weightIH.value.doubles, w.weightHH.value.doubles)
        b = zip(w.biasIH.value.doubles, w.biasHH.value.doubles).map(+)
    }

    /// Forward for one sequence: x_t (I each) from h_{−1} (H). Returns h_{−1}, h_0, …, h_{T−1}.
    public func forward(_ x: [[Double]], from hInit: [Double]) -> [[Double]] {
        var h = [hInit]                                          // h[t + 1] is h_t
        for (t, x_t) in x.enumerated() {
            let a_t = plus(plus(times(W_ih, x_t), times(W_hh, h[t])), b)   // h[t] is h_{t−1}
            h.append(a_t.map { relu ? max(0, $0) : tanh($0) })
        }
        return h
    }

    /// φ′(a_t) from h_t = φ(a_t).
    func slope(_ h: Double) -> Double { relu ? (h > 0 ? 1 : 0) : 1 - h * h }

    /// Full BPTT for one sequence: x, the states from `forward`, and ∂L_t/∂h_t (H each).
    public func backward(_ x: [[Double]], states h: [[Double]], dL_dh: [[Double]]) -> Gradients {
        var grad = Gradients(inputSize: inputSize, hidden: hidden, steps: x.count)
        var fromLater = [Double](repeating: 0, count: hidden)    // W_hhᵀ δ_{t+1}; 0 after the last step
        for t in stride(from: x.count - 1, through: 0, by: -1) {
            let g_t = plus(dL_dh[t], fromLater)                   // g_t = ∂L_t/∂h_t + W_hhᵀ δ_{t+1}
            let δ_t = zip(g_t, h[t + 1]).map { g, h_t in slope(h_t) * g }   // δ_t = φ′(a_t) ⊙ g_t
            grad.add(δ_t, x: x[t], hPrev: h[t], at: t, W_ih: W_ih)
            fromLater = transposed(W_hh, times: δ_t)             // W_hhᵀ δ_t, for g_{t−1}
        }
        grad.initialState = fromLater                            // ∂h_{−1} = W_hhᵀ δ_0
        return grad
    }

    /// The gradients of one sequence, in PyTorch's parameter layout.
    public struct Gradients {
        public var W_ih, W_hh, b_ih: [Double]                    // (H, I), (H, H), (H); ∂b_hh = ∂b_ih
        public var x: [[Double]]                                 // ∂x_t (I each)
        public var initialState: [Double]                        // ∂h_{−1} (H)
        public var b_hh: [Double] { b_ih }

        init(inputSize I: Int, hidden H: Int, steps T: Int) {
            (W_ih, W_hh, b_ih) = ([Double](repeating: 0, count: H * I), [Double](repeating: 0, count: H * H),
                                  [Double](repeating: 0, count: H))
            x = [[Double]](repeating: [Double](repeating: 0, count: I), count: T)
            initialState = [Double](repeating: 0, count: H)
        }

        /// Step t's share: ∂W_ih += δ x_tᵀ, ∂W_hh += δ h_{t−1}ᵀ, ∂b += δ, ∂x_t += W_ihᵀ δ.
        mutating func add(_ δ: [Double], x x_t: [Double], hPrev: [Double], at t: Int, W_ih w: [Double]) {
            let (I, H) = (x_t.count, hPrev.count)
            for i in 0..<δ.count {
                for j in 0..<I { W_ih[i * I + j] += δ[i] * x_t[j] }
                for j in 0..<H { W_hh[i * H + j] += δ[i] * hPrev[j] }
                b_ih[i] += δ[i]
            }
            x[t] = plus(x[t], transposed(w, times: δ))
        }
    }
}

/// u + v, elementwise.
func plus(_ u: [Double], _ v: [Double]) -> [Double] { zip(u, v).map(+) }

/// W v for a row-major W of v.count columns.
func times(_ W: [Double], _ v: [Double]) -> [Double] {
    let n = v.count
    return (0..<(W.count / n)).map { i in (0..<n).reduce(0.0) { $0 + W[i * n + $1] * v[$1] } }
}

/// Wᵀ v for a row-major W of v.count rows.
func transposed(_ W: [Double], times v: [Double]) -> [Double] {
    let n = W.count / v.count
    var out = [Double](repeating: 0, count: n)
    for i in 0..<v.count { for j in 0..<n { out[j] += W[i * n + j] * v[i] } }
    return out
}

import Foundation
