/// The parts of a step that are not the lesson's equations, lifted out of the
/// forward and backward loops: recurrent dropout, padding, and the probes.
extension SequencePass {
    // MARK: Recurrent dropout

    /// The recurrent dropout mask of step k (B, H), or nil without dropout.
    func recurrentMask(step k: Int) -> UnsafePointer<T>? {
        guard let recurrentMask else { return nil }
        let first = recurrentMask.pointer(T.self)
        return recurrentMask.rank == 3 ? first + k * batch * hidden : first
    }

    /// What W_hh reads at step k: h_{t−1} itself, or h_{t−1} ⊙ m written into `dropped` (B, H).
    func applyRecurrentDropout(to hPrev: UnsafeMutablePointer<T>, step k: Int,
                               into dropped: UnsafeMutablePointer<T>?) -> UnsafePointer<T> {
        guard let m = recurrentMask(step: k), let dropped else { return UnsafePointer(hPrev) }
        for i in 0..<(batch * hidden) { dropped[i] = hPrev[i] * m[i] }
        return UnsafePointer(dropped)
    }

    /// toPrevious += (δ_hh W_hh) ⊙ m for `rows` rows of δ_hh (rows, G): the gradient that
    /// reaches h_{t−1} through the recurrent product (W_hhᵀ δ_t per row), through
    /// step k's dropout mask if any. `whh` is W_hh (G, H) packed once per backward
    /// pass (`packedRecurrentWeight`). `scratch` holds `rows`·H values.
    func addRecurrentPath(_ deltaHH: UnsafeMutablePointer<T>, rows: Int, whh: GemmPackedB<T>, step k: Int,
                          into toPrevious: UnsafeMutablePointer<T>, scratch: UnsafeMutablePointer<T>) {
        let (H, G) = (hidden, gates)
        if let m = recurrentMask(step: k) {
            whh.multiply(m: rows, alpha: 1, a: deltaHH, lda: G, beta: 0, c: scratch, ldc: H)
            let n = batch * H
            for block in 0..<(rows / batch) {
                let (to, from) = (toPrevious + block * n, scratch + block * n)
                for i in 0..<n { to[i] += from[i] * m[i] }
            }
        } else {
            whh.multiply(m: rows, alpha: 1, a: deltaHH, lda: G, beta: 1, c: toPrevious, ldc: H)
        }
    }

    /// W_hh (G, H) packed as the B operand of δ (rows, G) · W_hh, once for a whole backward pass.
    func packedRecurrentWeight(_ whh: Tensor) -> GemmPackedB<T> {
        GemmPackedB<T>(transposed: false, b: whh.pointer(T.self), ldb: hidden, k: gates, n: hidden)
    }

    // MARK: Padding

    /// Rows (of `rows`) padded at time t keep their state: h_t = h_{t−1} (and c_t = c_{t−1}).
    func keepStateAtPaddedSteps(_ mask: [Bool], t: Int, rows: Range<Int>, hPrev: UnsafeMutablePointer<T>,
                                h: UnsafeMutablePointer<T>, cPrev: UnsafeMutablePointer<T>?, c: UnsafeMutablePointer<T>?) {
        let H = hidden
        for b in rows where !mask[b * steps + t] {
            (h + b * H).update(from: hPrev + b * H, count: H)
            if let c, let cPrev { (c + b * H).update(from: cPrev + b * H, count: H) }
        }
    }

    /// A padded step passed its state through unchanged: so does its gradient. Row b
    /// of `deltaIH` is at b·deltaIHStride. For rows (of `rows`) padded at time t: no δ,
    /// ∂L/∂h_{t−1} = g_t and ∂L/∂c_{t−1} = ∂L/∂c_t.
    func passGradientThroughPaddedSteps(_ mask: [Bool], t: Int, rows: Range<Int>, g: UnsafePointer<T>,
                                        dcBefore: UnsafePointer<T>,
                                        deltaIH: UnsafeMutablePointer<T>, deltaIHStride: Int,
                                        deltaHH: UnsafeMutablePointer<T>,
                                        toPrevious: UnsafeMutablePointer<T>, dc: UnsafeMutablePointer<T>?) {
        let (H, G) = (hidden, gates)
        for b in rows where !mask[b * steps + t] {
            for j in 0..<G { deltaHH[b * G + j] = 0; deltaIH[b * deltaIHStride + j] = 0 }
            (toPrevious + b * H).update(from: g + b * H, count: H)
            if let dc { (dc + b * H).update(from: dcBefore + b * H, count: H) }
        }
    }

    // MARK: Probes

    /// Records the probe sample's h_t, c_t and gate values at time t.
    func recordForward(_ probe: RecurrentProbe, t: Int, h: UnsafeMutablePointer<T>, c: UnsafeMutablePointer<T>?,
                       gateValues: UnsafeMutablePointer<T>) {
        guard probe.sample < batch else { return }
        RecurrentProbe.record(&probe.hidden, t: t, from: UnsafePointer(h), row: probe.sample, stride: hidden)
        if let c { RecurrentProbe.record(&probe.cell, t: t, from: UnsafePointer(c), row: probe.sample, stride: hidden) }
        if savedWidth > 0 {
            RecurrentProbe.record(&probe.gates, t: t, from: UnsafePointer(gateValues), row: probe.sample, stride: savedWidth)
        }
    }

    /// Records ‖g_t‖ for the probe sample.
    func recordGradientNorm(_ probe: RecurrentProbe, t: Int, g: UnsafePointer<T>) {
        guard probe.sample < batch else { return }
        var sum = 0.0
        for j in 0..<hidden { let v = Double(g[probe.sample * hidden + j]); sum += v * v }
        probe.gradientNorms[t] = sum.squareRoot()
    }

    /// Records ‖∂L/∂h_init‖ for the probe sample, from ∂L/∂h_init (B, H).
    func recordInitialGradientNorm(_ probe: RecurrentProbe, _ dhInit: Tensor) {
        guard probe.sample < batch else { return }
        probe.initialStateGradientNorm = dhInit.slice(axis: 0, probe.sample..<(probe.sample + 1)).norm()
    }
}
