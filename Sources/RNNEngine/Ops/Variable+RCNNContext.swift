/// The per-position input of the recurrent convolutional network (RCNN, Lai et
/// al. 2015, "Recurrent Convolutional Neural Networks for Text Classification").
///
/// The paper defines, for word w_i with embedding e(w_i),
///   c_l(w_i) = f(W⁽ˡ⁾ c_l(w_{i−1}) + W⁽ˢˡ⁾ e(w_{i−1}))   (eq. 1)
///   c_r(w_i) = f(W⁽ʳ⁾ c_r(w_{i+1}) + W⁽ˢʳ⁾ e(w_{i+1}))   (eq. 2)
///   x_i = [c_l(w_i); e(w_i); c_r(w_i)]                  (eq. 3)
/// so the left context of word i has read the words *before* i only, and the
/// right context the words *after* it. A forward recurrent layer over e gives
/// forward[t], which has read e(0…t): that is c_l(t + 1). A backward layer gives
/// backward[t], which has read e(t…T−1): that is c_r(t − 1). Hence the alignment:
///
///   c_l(t) = forward[t − 1]   for t ≥ 1,   c_l(0)   = initialLeft  (the paper's c_l(w_1))
///   c_r(t) = backward[t + 1]  for t + 1 a real step,
///   c_r(t) = initialRight     at the row's last real step (the paper's c_r(w_n))
///
/// With a mask (B·T flags, false for padding at the end of a row) the last real
/// step of a row takes `initialRight`, not the state of a padded step. Outputs at
/// padded steps are built by the same rule and carry no special meaning.
extension Variable {
    /// forward (B, T, H), embedded (B, T, E), backward (B, T, H), initialLeft (H)
    /// and initialRight (H) — each a learned parameter or a constant zero vector —
    /// → (B, T, H + E + H), step t being [c_l(t); e(t); c_r(t)].
    /// Backward: each piece of ∂x̃_t goes back to where it was copied from;
    /// initialLeft gets Σ_b ∂c_l(0), initialRight the sum over the steps that used it.
    public static func rcnnContext(forward: Variable, embedded: Variable, backward: Variable,
                                   initialLeft: Variable, initialRight: Variable,
                                   mask: [Bool]? = nil) -> Variable {
        let (batch, steps, h) = (forward.shape[0], forward.shape[1], forward.shape[2])
        let e = embedded.shape[2]
        precondition(forward.rank == 3 && backward.shape == forward.shape
                     && embedded.shape == [batch, steps, e],
                     "rcnnContext: forward \(forward.shape), embedded \(embedded.shape), backward \(backward.shape)")
        precondition(initialLeft.shape == [h] && initialRight.shape == [h],
                     "rcnnContext: initial states \(initialLeft.shape), \(initialRight.shape), expected [\(h)]")
        if let mask { precondition(mask.count == batch * steps, "mask of \(mask.count) flags for B·T = \(batch)·\(steps)") }
        let width = 2 * h + e
        /// Where c_r(t) of row b comes from: step t + 1 of backward, or -1 for initialRight.
        func rightSource(_ b: Int, _ t: Int) -> Int {
            t + 1 < steps && (mask?[b * steps + t + 1] ?? true) ? t + 1 : -1
        }
        let (fw, em, bw) = (forward.value.doubles, embedded.value.doubles, backward.value.doubles)
        let (il, ir) = (initialLeft.value.doubles, initialRight.value.doubles)
        var y = [Double](repeating: 0, count: batch * steps * width)
        for b in 0..<batch {
            for t in 0..<steps {
                let o = (b * steps + t) * width
                for j in 0..<h { y[o + j] = t > 0 ? fw[(b * steps + t - 1) * h + j] : il[j] }
                for j in 0..<e { y[o + h + j] = em[(b * steps + t) * e + j] }
                let r = rightSource(b, t)
                for j in 0..<h { y[o + h + e + j] = r >= 0 ? bw[(b * steps + r) * h + j] : ir[j] }
            }
        }
        let parents = [forward, embedded, backward, initialLeft, initialRight]
        let out = Tensor(shape: [batch, steps, width], doubles: y, dtype: forward.dtype)
        return Variable(out, parents: parents) { g in
            let gy = g.doubles
            var (dfw, dem, dbw) = ([Double](repeating: 0, count: fw.count), [Double](repeating: 0, count: em.count),
                                   [Double](repeating: 0, count: bw.count))
            var (dil, dir) = ([Double](repeating: 0, count: h), [Double](repeating: 0, count: h))
            for b in 0..<batch {
                for t in 0..<steps {
                    let o = (b * steps + t) * width
                    for j in 0..<h {
                        if t > 0 { dfw[(b * steps + t - 1) * h + j] += gy[o + j] } else { dil[j] += gy[o + j] }
                    }
                    for j in 0..<e { dem[(b * steps + t) * e + j] += gy[o + h + j] }
                    let r = rightSource(b, t)
                    for j in 0..<h {
                        if r >= 0 { dbw[(b * steps + r) * h + j] += gy[o + h + e + j] } else { dir[j] += gy[o + h + e + j] }
                    }
                }
            }
            let dt = g.dtype
            for (p, d) in zip(parents, [dfw, dem, dbw, dil, dir]) where p.requiresGrad {
                p.accumulate(Tensor(shape: p.shape, doubles: d, dtype: dt))
            }
        }
    }
}
