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

    @inline(__always) private func sigmoid(_ x: T) -> T { Sigmoid().value(x) }

    func forward(xp: UnsafePointer<T>, hp: UnsafePointer<T>, hPrev: UnsafePointer<T>,
                 cPrev: UnsafePointer<T>?, saved: UnsafeMutablePointer<T>,
                 h: UnsafeMutablePointer<T>, c: UnsafeMutablePointer<T>?) {
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        for b in 0..<rows {
            let (x, r, s) = (xp + b * G, hp + b * G, saved + b * S)
            let (hp0, h0) = (hPrev + b * H, h + b * H)
            switch kind {
            case .rnnTanh:
                for j in 0..<H { h0[j] = T.tanh(x[j] + r[j]) }
            case .rnnReLU:
                for j in 0..<H { h0[j] = max(0, x[j] + r[j]) }
            case .lstm:
                let (cp0, c0) = (cPrev! + b * H, c! + b * H)
                for j in 0..<H {
                    let i = sigmoid(x[j] + r[j])
                    let f = sigmoid(x[H + j] + r[H + j])
                    let g = T.tanh(x[2 * H + j] + r[2 * H + j])
                    let o = sigmoid(x[3 * H + j] + r[3 * H + j])
                    let cell = f * cp0[j] + i * g
                    c0[j] = cell
                    h0[j] = o * T.tanh(cell)
                    (s[j], s[H + j], s[2 * H + j], s[3 * H + j]) = (i, f, g, o)
                }
            case .gru:
                for j in 0..<H {
                    let rg = sigmoid(x[j] + r[j])
                    let z = sigmoid(x[H + j] + r[H + j])
                    let hn = r[2 * H + j]
                    let n = T.tanh(x[2 * H + j] + rg * hn)
                    h0[j] = (1 - z) * n + z * hp0[j]
                    (s[j], s[H + j], s[2 * H + j], s[3 * H + j]) = (rg, z, n, hn)
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
                let (dc0, c0, cp0) = (dc! + b * H, c! + b * H, cPrev! + b * H)
                for j in 0..<H {
                    let (i, f, g, o) = (s[j], s[H + j], s[2 * H + j], s[3 * H + j])
                    let tc = T.tanh(c0[j])
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
