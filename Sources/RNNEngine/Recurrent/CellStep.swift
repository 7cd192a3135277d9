/// One time step of a cell for a batch of rows, forward and backward side by side.
///
/// Shapes, all row-major with one row per sequence in the batch (B rows):
///   xp    (B, G·H)  input projection W_ih x_t + b_ih of this step
///   hp    (B, G·H)  recurrent projection W_hh h_{t−1} + b_hh of this step
///   saved (B, S·H)  what backward needs (see `CellKind.savedBlocks`)
///   hPrev, h, cPrev, c   (B, H)
/// Backward receives dh (B, H), the whole ∂L/∂h_t, and for the LSTM dc, ∂L/∂c_t
/// arriving from step t + 1, which it replaces with ∂L/∂c_{t−1}. It writes the
/// gradients of the pre-activations on the input side (dxp) and on the recurrent
/// side (dhp); they differ only for the GRU's n gate, where r multiplies W_hn h.
/// It writes into dhPrev only the direct path (the GRU's z ⊙ h term); the path
/// through W_hh is added by the caller with one matrix product.
struct CellStep<T: EngineScalar> {
    let kind: CellKind
    let rows: Int
    let hidden: Int


    func forward(xp: UnsafePointer<T>, hp: UnsafePointer<T>, hPrev: UnsafePointer<T>,
                 cPrev: UnsafePointer<T>?, saved: UnsafeMutablePointer<T>,
                 h: UnsafeMutablePointer<T>, c: UnsafeMutablePointer<T>?) {
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        for b in 0..<rows {
            let (x, r, s) = (xp + b * G, hp + b * G, saved + b * S)
            let (hp0, h0) = (hPrev + b * H, h + b * H)
            switch kind {
            case .rnnTanh:
                for j in 0..<H { h0[j] = x[j] + r[j] }
                T.tanhInPlace(h0, H)
            case .rnnReLU:
                for j in 0..<H { h0[j] = max(0, x[j] + r[j]) }
            case .lstm:
                // Pre-activations of i, f, g, o, then the nonlinearities a block at a time.
                let (cp0, c0) = (cPrev! + b * H, c! + b * H)
                for j in 0..<G { s[j] = x[j] + r[j] }
                T.sigmoidInPlace(s, 2 * H)
                T.tanhInPlace(s + 2 * H, H)
                T.sigmoidInPlace(s + 3 * H, H)
                for j in 0..<H { c0[j] = s[H + j] * cp0[j] + s[j] * s[2 * H + j] }
                let tc = s + 4 * H
                tc.update(from: c0, count: H)
                T.tanhInPlace(tc, H)
                for j in 0..<H { h0[j] = s[3 * H + j] * tc[j] }
            case .gru:
                for j in 0..<(2 * H) { s[j] = x[j] + r[j] }
                T.sigmoidInPlace(s, 2 * H)
                for j in 0..<H {
                    let hn = r[2 * H + j]
                    s[3 * H + j] = hn
                    s[2 * H + j] = x[2 * H + j] + s[j] * hn
                }
                T.tanhInPlace(s + 2 * H, H)
                for j in 0..<H {
                    let (z, n) = (s[H + j], s[2 * H + j])
                    h0[j] = (1 - z) * n + z * hp0[j]
                }
            }
        }
    }

    func backward(dh: UnsafePointer<T>, dc: UnsafeMutablePointer<T>?, saved: UnsafePointer<T>,
                  h: UnsafePointer<T>, hPrev: UnsafePointer<T>, c: UnsafePointer<T>?,
                  cPrev: UnsafePointer<T>?, dxp: UnsafeMutablePointer<T>,
                  dhp: UnsafeMutablePointer<T>, dhPrev: UnsafeMutablePointer<T>) {
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        for b in 0..<rows {
            let (d, s, dx, dr) = (dh + b * H, saved + b * S, dxp + b * G, dhp + b * G)
            let (h0, hp0, dhp0) = (h + b * H, hPrev + b * H, dhPrev + b * H)
            switch kind {
            case .rnnTanh:
                for j in 0..<H {
                    let g = d[j] * (1 - h0[j] * h0[j])
                    (dx[j], dr[j], dhp0[j]) = (g, g, 0)
                }
            case .rnnReLU:
                for j in 0..<H {
                    let g = h0[j] > 0 ? d[j] : 0
                    (dx[j], dr[j], dhp0[j]) = (g, g, 0)
                }
            case .lstm:
                let (dc0, cp0) = (dc! + b * H, cPrev! + b * H)
                for j in 0..<H {
                    let (i, f, g, o) = (s[j], s[H + j], s[2 * H + j], s[3 * H + j])
                    let tc = s[4 * H + j]  // tanh(c_t), saved by forward
                    let dcell = dc0[j] + d[j] * o * (1 - tc * tc)
                    let di = dcell * g * i * (1 - i)
                    let df = dcell * cp0[j] * f * (1 - f)
                    let dg = dcell * i * (1 - g * g)
                    let dO = d[j] * tc * o * (1 - o)
                    (dx[j], dx[H + j], dx[2 * H + j], dx[3 * H + j]) = (di, df, dg, dO)
                    (dr[j], dr[H + j], dr[2 * H + j], dr[3 * H + j]) = (di, df, dg, dO)
                    dc0[j] = dcell * f
                    dhp0[j] = 0
                }
            case .gru:
                for j in 0..<H {
                    let (r, z, n, hn) = (s[j], s[H + j], s[2 * H + j], s[3 * H + j])
                    let dn = d[j] * (1 - z) * (1 - n * n)
                    let dz = d[j] * (hp0[j] - n) * z * (1 - z)
                    let dr0 = dn * hn * r * (1 - r)
                    (dx[j], dx[H + j], dx[2 * H + j]) = (dr0, dz, dn)
                    (dr[j], dr[H + j], dr[2 * H + j]) = (dr0, dz, dn * r)
                    dhp0[j] = d[j] * z
                }
            }
        }
    }
}
