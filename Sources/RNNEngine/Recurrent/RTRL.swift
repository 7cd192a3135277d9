/// Real-time recurrent learning (Williams & Zipser 1989) for a one-layer simple RNN:
/// the gradient computed forwards, online, alongside the sequence.
///
/// It carries the sensitivity S_t = ∂h_t/∂θ, an H × P matrix per sequence
/// (P = H·I + H² + 2H parameters), updated at every step by
///   S_t = diag(φ′(a_t)) · (W_hh S_{t−1} + ∂a_t/∂θ|direct),
/// where ∂a_t/∂θ|direct holds x_t for W_ih's row i, h_{t−1} for W_hh's row i and 1
/// for the biases. The loss gradient is available as soon as a step's loss is:
/// ∂L/∂θ += (∂L_t/∂h_t)ᵀ S_t. The product W_hh S costs H²·P ≈ H⁴ per step,
/// against BPTT's H², which is why RTRL is the textbook's and not the practice's.
/// Computed in Double.
public final class RTRL {
    public let layer: RecurrentLayer
    let (inputSize, hidden): (Int, Int)
    /// (B, H, P) sensitivities, one H × P block per sequence.
    private var sensitivity: [Double] = []
    private var state: [Double] = []
    private var batch = 0
    /// ∂L/∂θ accumulated so far, in parameter order W_ih, W_hh, b_ih, b_hh.
    private var gradient: [Double] = []
    /// A negative control: drop the indirect term W_hh S_{t−1}, so S_t keeps only
    /// step t's direct dependence and the gradient forgets every earlier step's
    /// influence (what lesson 2 shows is *not* the gradient).
    public var dropsIndirect = false

    public init(_ layer: RecurrentLayer) {
        precondition(layer.kind == .rnnTanh || layer.kind == .rnnReLU, "RTRL is implemented for the simple RNN")
        precondition(layer.options.layers == 1 && !layer.options.bidirectional, "RTRL needs one layer, one direction")
        self.layer = layer
        (inputSize, hidden) = (layer.inputSize, layer.hiddenSize)
    }

    /// Parameters per sequence: H·I + H² + 2H.
    public var parameterCount: Int { hidden * inputSize + hidden * hidden + 2 * hidden }

    /// Starts new sequences from h0 (B, H), zeros when nil; forgets the gradient.
    public func reset(batch: Int, initialState: Tensor? = nil) {
        self.batch = batch
        state = initialState?.doubles ?? Array(repeating: 0, count: batch * hidden)
        sensitivity = Array(repeating: 0, count: batch * hidden * parameterCount)
        gradient = Array(repeating: 0, count: parameterCount)
    }

    /// Reads x_t (B, I), returns h_t (B, H) and updates the sensitivities.
    @discardableResult
    public func step(_ x: Tensor) -> Tensor {
        precondition(x.shape == [batch, inputSize], "RTRL step expects (\(batch), \(inputSize)), got \(x.shape)")
        let w = layer.weights[0]
        let (wih, whh) = (w.weightIH.value.doubles, w.weightHH.value.doubles)
        let bias = zip(w.biasIH.value.doubles, w.biasHH.value.doubles).map(+)
        let xs = x.doubles
        let (H, I, P) = (hidden, inputSize, parameterCount)
        let (offWhh, offBih, offBhh) = (H * I, H * I + H * H, H * I + H * H + H)
        var next = [Double](repeating: 0, count: batch * H)
        var updated = [Double](repeating: 0, count: H * P)
        for b in 0..<batch {
            let hPrev = Array(state[(b * H)..<((b + 1) * H)])
            let xb = Array(xs[(b * I)..<((b + 1) * I)])
            // W_hh · S_{t−1}: (H × H) · (H × P); zero when the indirect term is dropped.
            if dropsIndirect { for p in 0..<(H * P) { updated[p] = 0 } } else {
            sensitivity.withUnsafeBufferPointer { s in
                whh.withUnsafeBufferPointer { wp in
                    updated.withUnsafeMutableBufferPointer { u in
                        gemm(transposeA: false, transposeB: false, m: H, n: P, k: H, alpha: 1.0,
                             a: wp.baseAddress!, lda: H, b: s.baseAddress! + b * H * P, ldb: P,
                             beta: 0.0, c: u.baseAddress!, ldc: P, threads: 1)
                    }
                }
            }
            }
            for i in 0..<H {
                var a = bias[i]
                for j in 0..<I { a += wih[i * I + j] * xb[j] }
                for j in 0..<H { a += whh[i * H + j] * hPrev[j] }
                let h = layer.kind == .rnnTanh ? Foundation.tanh(a) : max(0, a)
                let slope = layer.kind == .rnnTanh ? 1 - h * h : (a > 0 ? 1 : 0)
                next[b * H + i] = h
                let row = i * P
                for j in 0..<I { updated[row + i * I + j] += xb[j] }
                for j in 0..<H { updated[row + offWhh + i * H + j] += hPrev[j] }
                updated[row + offBih + i] += 1
                updated[row + offBhh + i] += 1
                for p in 0..<P { updated[row + p] *= slope }
            }
            sensitivity.replaceSubrange((b * H * P)..<((b + 1) * H * P), with: updated)
        }
        state = next
        return Tensor(shape: [batch, H], doubles: next, dtype: x.dtype)
    }

    /// Adds (∂L_t/∂h_t)ᵀ S_t for this step's loss gradient dh (B, H).
    public func accumulate(lossGradient dh: Tensor) {
        precondition(dh.shape == [batch, hidden], "loss gradient \(dh.shape), expected \([batch, hidden])")
        let d = dh.doubles
        let P = parameterCount
        for b in 0..<batch {
            for i in 0..<hidden where d[b * hidden + i] != 0 {
                let row = (b * hidden + i) * P
                for p in 0..<P { gradient[p] += d[b * hidden + i] * sensitivity[row + p] }
            }
        }
    }

    /// ∂L/∂θ so far, by PyTorch parameter name (`weight_ih_l0`, …).
    public var gradients: [String: Tensor] {
        let (H, I) = (hidden, inputSize)
        let w = layer.weights[0]
        let sizes = [H * I, H * H, H, H]
        var start = 0
        var out: [String: Tensor] = [:]
        for (p, n) in zip(w.all, sizes) {
            out[p.name] = Tensor(shape: p.shape, doubles: Array(gradient[start..<(start + n)]), dtype: p.dtype)
            start += n
        }
        return out
    }
}

import Foundation
