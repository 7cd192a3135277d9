/// One time step of a cell for a batch of rows, forward and backward side by side.
///
/// Shapes, row-major with one row per sequence of the batch (B rows); G = gates·H,
/// S = `CellKind.savedBlocks`·H. A `_b` suffix names row b of a buffer.
///   xp     (B, G)  input projection W_ih x_t of this step, without b_ih; row b at
///                  xp + b·xpStride (the projection of all steps stays batch-major)
///   bih    (G)     b_ih, added here: (xp + b_ih) + (hp + b_hh), rounded in that order
///   hp     (B, G)  recurrent product W_hh h_{t−1} of this step, without its bias
///   bhh    (G)     b_hh, added here in the gate pass (hp + b_hh, rounded as if
///                  added first), so the step makes one pass over the gate block
///   saved  (B, S)  the gate values backward needs
///   hPrev, h, cPrev, c   (B, H): h_{t−1}, h_t, c_{t−1}, c_t
///
/// Backward receives g (B, H), the total ∂L/∂h_t (lesson 2's g_t), and for the
/// LSTM dc, ∂L/∂c_t arriving from step t + 1, which it replaces with ∂L/∂c_{t−1}.
/// It writes δ_t, the gradient of the pre-activations: `deltaIH` on the input
/// side (W_ih x_t + b_ih) and `deltaHH` on the recurrent side (W_hh h_{t−1} + b_hh);
/// they differ only for the GRU's n gate, where r multiplies W_hn h + b_hn. It
/// writes into `toPrevious` only the direct path to h_{t−1} (the GRU's z ⊙ h
/// term, 0 for the others); the caller adds the path through W_hh, W_hhᵀ δ_t,
/// with one matrix product for the whole batch. Row b of `deltaIH` is at
/// deltaIH + b·deltaIHStride (batch-major over the whole sequence, as ∂W_ih wants it).
///
/// Float32 runs `FloatCellRow` (all gates of 16 units in registers, bitwise the
/// same values); float64 runs the loops below.
struct CellStep<T: EngineScalar> {
    let kind: CellKind
    var rows: Int
    let hidden: Int
    /// The LSTM's forget gate held at this value (a negative control: f no longer
    /// learns, so c_t = v·c_{t−1} + i ⊙ g fades by v per step); nil for the real gate.
    var forgetClamp: T? = nil
    /// False forces the plain loops for float32 too (tests compare the two paths).
    var vectorised = true

    func forward(xp: UnsafePointer<T>, xpStride: Int, bih: UnsafePointer<T>, hp: UnsafePointer<T>,
                 bhh: UnsafePointer<T>, hPrev: UnsafePointer<T>, cPrev: UnsafePointer<T>?,
                 saved: UnsafeMutablePointer<T>, h: UnsafeMutablePointer<T>, c: UnsafeMutablePointer<T>?) {
        if T.self == Float.self, vectorised, kind != .rnnReLU {
            forwardFloat(xp: xp, xpStride: xpStride, bih: bih, hp: hp, bhh: bhh, hPrev: hPrev, cPrev: cPrev,
                         saved: saved, h: h, c: c)
            return
        }
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        for b in 0..<rows {
            let (xp_b, hp_b, saved_b) = (xp + b * xpStride, hp + b * G, saved + b * S)
            let (hPrev_b, h_b) = (hPrev + b * H, h + b * H)
            switch kind {
            case .rnnTanh:
                for j in 0..<H { h_b[j] = (xp_b[j] + bih[j]) + (hp_b[j] + bhh[j]) }
                T.tanhInPlace(h_b, H)
            case .rnnReLU:
                for j in 0..<H { h_b[j] = max(0, (xp_b[j] + bih[j]) + (hp_b[j] + bhh[j])) }
            case .lstm:
                // Pre-activations of i, f, g, o, then the nonlinearities a block at a time.
                let (cPrev_b, c_b) = (cPrev! + b * H, c! + b * H)
                for j in 0..<G { saved_b[j] = (xp_b[j] + bih[j]) + (hp_b[j] + bhh[j]) }
                T.sigmoidInPlace(saved_b, 2 * H)
                T.tanhInPlace(saved_b + 2 * H, H)
                T.sigmoidInPlace(saved_b + 3 * H, H)
                let (i, f, g, o) = (saved_b, saved_b + H, saved_b + 2 * H, saved_b + 3 * H)
                if let v = forgetClamp { for j in 0..<H { f[j] = v } }
                for j in 0..<H { c_b[j] = f[j] * cPrev_b[j] + i[j] * g[j] }
                let tanhC = saved_b + 4 * H
                tanhC.update(from: c_b, count: H)
                T.tanhInPlace(tanhC, H)
                for j in 0..<H { h_b[j] = o[j] * tanhC[j] }
            case .gru:
                for j in 0..<(2 * H) { saved_b[j] = (xp_b[j] + bih[j]) + (hp_b[j] + bhh[j]) }
                T.sigmoidInPlace(saved_b, 2 * H)
                let (r, z, n, hn) = (saved_b, saved_b + H, saved_b + 2 * H, saved_b + 3 * H)
                for j in 0..<H {
                    hn[j] = hp_b[2 * H + j] + bhh[2 * H + j]      // W_hn h_{t−1} + b_hn
                    n[j] = (xp_b[2 * H + j] + bih[2 * H + j]) + r[j] * hn[j]
                }
                T.tanhInPlace(n, H)
                for j in 0..<H { h_b[j] = (1 - z[j]) * n[j] + z[j] * hPrev_b[j] }
            }
        }
    }

    func backward(g: UnsafePointer<T>, dc: UnsafeMutablePointer<T>?, saved: UnsafePointer<T>,
                  h: UnsafePointer<T>, hPrev: UnsafePointer<T>, cPrev: UnsafePointer<T>?,
                  deltaIH: UnsafeMutablePointer<T>, deltaIHStride: Int, deltaHH: UnsafeMutablePointer<T>,
                  toPrevious: UnsafeMutablePointer<T>) {
        if T.self == Float.self, vectorised, kind != .rnnReLU {
            backwardFloat(g: g, dc: dc, saved: saved, h: h, hPrev: hPrev, cPrev: cPrev, deltaIH: deltaIH,
                          deltaIHStride: deltaIHStride, deltaHH: deltaHH, toPrevious: toPrevious)
            return
        }
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        for b in 0..<rows {
            let (g_b, saved_b, deltaHH_b) = (g + b * H, saved + b * S, deltaHH + b * G)
            let deltaIH_b = deltaIH + b * deltaIHStride
            let (h_b, hPrev_b, toPrevious_b) = (h + b * H, hPrev + b * H, toPrevious + b * H)
            switch kind {
            case .rnnTanh:
                for j in 0..<H {
                    let delta = g_b[j] * (1 - h_b[j] * h_b[j])       // δ_t = (1 − h_t²) ⊙ g_t
                    (deltaIH_b[j], deltaHH_b[j], toPrevious_b[j]) = (delta, delta, 0)
                }
            case .rnnReLU:
                for j in 0..<H {
                    let delta = h_b[j] > 0 ? g_b[j] : 0             // δ_t = [h_t > 0] ⊙ g_t
                    (deltaIH_b[j], deltaHH_b[j], toPrevious_b[j]) = (delta, delta, 0)
                }
            case .lstm:
                let (dc_b, cPrev_b) = (dc! + b * H, cPrev! + b * H)
                for j in 0..<H {
                    let (i, f, gc, o) = (saved_b[j], saved_b[H + j], saved_b[2 * H + j], saved_b[3 * H + j])
                    let tanhC = saved_b[4 * H + j]
                    let dCell = dc_b[j] + g_b[j] * o * (1 - tanhC * tanhC)   // ∂L/∂c_t, whole
                    let di = dCell * gc * i * (1 - i)
                    let df = forgetClamp == nil ? dCell * cPrev_b[j] * f * (1 - f) : 0   // a held gate has no slope
                    let dg = dCell * i * (1 - gc * gc)
                    let dO = g_b[j] * tanhC * o * (1 - o)
                    (deltaIH_b[j], deltaIH_b[H + j], deltaIH_b[2 * H + j], deltaIH_b[3 * H + j]) = (di, df, dg, dO)
                    (deltaHH_b[j], deltaHH_b[H + j], deltaHH_b[2 * H + j], deltaHH_b[3 * H + j]) = (di, df, dg, dO)
                    dc_b[j] = dCell * f                               // ∂L/∂c_{t−1}
                    toPrevious_b[j] = 0
                }
            case .gru:
                for j in 0..<H {
                    let (r, z, n, hn) = (saved_b[j], saved_b[H + j], saved_b[2 * H + j], saved_b[3 * H + j])
                    let dn = g_b[j] * (1 - z) * (1 - n * n)
                    let dz = g_b[j] * (hPrev_b[j] - n) * z * (1 - z)
                    let dr = dn * hn * r * (1 - r)
                    (deltaIH_b[j], deltaIH_b[H + j], deltaIH_b[2 * H + j]) = (dr, dz, dn)
                    (deltaHH_b[j], deltaHH_b[H + j], deltaHH_b[2 * H + j]) = (dr, dz, dn * r)
                    toPrevious_b[j] = g_b[j] * z                      // h_t = … + z ⊙ h_{t−1}
                }
            }
        }
    }
}
