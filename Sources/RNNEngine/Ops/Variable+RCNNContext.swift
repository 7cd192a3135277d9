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
        // right[b·T + t]: the flat step of backward that c_r(t) copies, or -1 for initialRight.
        let right = (0..<(batch * steps)).map { bt -> Int in
            let t = bt % steps
            return t + 1 < steps && (mask?[bt + 1] ?? true) ? bt + 1 : -1
        }
        let parents = [forward, embedded, backward, initialLeft, initialRight]
        precondition(parents.allSatisfy { $0.dtype == forward.dtype }, "rcnnContext: mixed element types")
        let y: Tensor
        switch forward.dtype {
        case .float32: y = rcnnForward(Float.self, parents.map(\.value), right, steps, h, e)
        case .float64: y = rcnnForward(Double.self, parents.map(\.value), right, steps, h, e)
        }
        return Variable(y, parents: parents) { g in
            let grads: [Tensor]
            switch g.dtype {
            case .float32: grads = rcnnBackward(Float.self, g, parents.map(\.shape), right, steps, h, e)
            case .float64: grads = rcnnBackward(Double.self, g, parents.map(\.shape), right, steps, h, e)
            }
            for (p, d) in zip(parents, grads) where p.requiresGrad { p.accumulate(d) }
        }
    }

    /// [forward, embedded, backward, initialLeft, initialRight] → (B, T, 2H + E), row by row.
    private static func rcnnForward<T: EngineScalar>(_: T.Type, _ v: [Tensor], _ right: [Int],
                                                     _ steps: Int, _ h: Int, _ e: Int) -> Tensor {
        let width = 2 * h + e
        let (fw, em, bw, il, ir) = (pointer(v[0], T.self), pointer(v[1], T.self), pointer(v[2], T.self),
                                    pointer(v[3], T.self), pointer(v[4], T.self))
        let out = TensorStorage(dtype: T.dtype, count: right.count * width)
        let y = out.raw.assumingMemoryBound(to: T.self)
        for bt in right.indices {
            let row = y + bt * width
            row.update(from: bt % steps > 0 ? fw + (bt - 1) * h : il, count: h)
            (row + h).update(from: em + bt * e, count: e)
            (row + h + e).update(from: right[bt] >= 0 ? bw + right[bt] * h : ir, count: h)
        }
        return Tensor(shape: [right.count / steps, steps, width], storage: out)
    }

    /// ∂y (B, T, 2H + E) → gradients of [forward, embedded, backward, initialLeft, initialRight]:
    /// each piece goes back where it was copied from; the initial states sum theirs.
    private static func rcnnBackward<T: EngineScalar>(_: T.Type, _ g: Tensor, _ shapes: [[Int]], _ right: [Int],
                                                      _ steps: Int, _ h: Int, _ e: Int) -> [Tensor] {
        let width = 2 * h + e
        let grads = shapes.map { Tensor(zeros: $0, dtype: T.dtype) }
        let gy = pointer(g, T.self)
        let (dfw, dem, dbw, dil, dir) = (mutablePointer(grads[0], T.self), mutablePointer(grads[1], T.self),
                                         mutablePointer(grads[2], T.self), mutablePointer(grads[3], T.self),
                                         mutablePointer(grads[4], T.self))
        for bt in right.indices {
            let row = gy + bt * width
            let left = bt % steps > 0 ? dfw + (bt - 1) * h : dil
            for j in 0..<h { left[j] += row[j] }
            (dem + bt * e).update(from: row + h, count: e)
            let r = right[bt] >= 0 ? dbw + right[bt] * h : dir
            for j in 0..<h { r[j] += row[h + e + j] }
        }
        return grads
    }

    private static func pointer<T>(_ t: Tensor, _: T.Type) -> UnsafePointer<T> {
        UnsafePointer(t.storage.raw.assumingMemoryBound(to: T.self))
    }

    /// Only for tensors this file just created (their storage is not shared).
    private static func mutablePointer<T>(_ t: Tensor, _: T.Type) -> UnsafeMutablePointer<T> {
        t.storage.raw.assumingMemoryBound(to: T.self)
    }
}
