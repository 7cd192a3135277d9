/// The additive (Bahdanau) score as one tape node, forward and backward side by side:
///
///   t[b,s,a] = tanh(K[b,s,a] + Q[b,a])      K = W_h k (B, S, A), Q = W_s q (B, A)
///   e[b,s]   = Σ_a v[a] · t[b,s,a]           v (A)
///
/// Backward, for g = ∂L/∂e (B, S) and d[b,s,a] = g[b,s] · v[a] · (1 − t[b,s,a]²):
///   ∂L/∂K = d,   ∂L/∂Q[b,a] = Σ_s d[b,s,a],   ∂L/∂v[a] = Σ_{b,s} g[b,s] · t[b,s,a].
///
/// The same thing as `((K + Q) .tanh() * v).sum(axis: 2)` on the tape, without the
/// four (B, S, A) temporaries and the broadcasting passes; t is the one thing kept.
func additiveScores(projectedKeys k: Variable, projectedQuery q: Variable, vector v: Variable) -> Variable {
    let (B, S, A) = (k.shape[0], k.shape[1], k.shape[2])
    precondition(q.shape == [B, A] && v.value.count == A, "additive score of \(k.shape), \(q.shape) and \(v.shape)")
    switch k.dtype {
    case .float32: return additiveScores(Float.self, k, q, v, B, S, A)
    case .float64: return additiveScores(Double.self, k, q, v, B, S, A)
    }
}

private func additiveScores<T: EngineScalar>(
    _: T.Type, _ k: Variable, _ q: Variable, _ v: Variable, _ B: Int, _ S: Int, _ A: Int
) -> Variable {
    var t = Tensor.unfilled([B, S, A], dtype: k.dtype)
    var e = Tensor.unfilled([B, S], dtype: k.dtype)
    // Pointer loops over whole rows of A (indices formed once per row), which the
    // compiler vectorises; every element gets the same operations as before.
    let (pk, pq, pv) = (k.value.pointer(T.self), q.value.pointer(T.self), v.value.pointer(T.self))
    let (pt, pe) = (t.mutablePointer(T.self), e.mutablePointer(T.self))
    for b in 0..<B {
        let qb = pq + b * A
        for s in 0..<S {
            let (kr, tr) = (pk + (b * S + s) * A, pt + (b * S + s) * A)
            for a in 0..<A { tr[a] = kr[a] + qb[a] }
            T.tanhInPlace(tr, A)
        }
    }
    scoreDots(pt, pv, pe, rows: B * S, A)
    return Variable(e, parents: [k, q, v]) { g in
        var dk = Tensor.unfilled([B, S, A], dtype: g.dtype)
        var dq = Tensor(zeros: [B, A], dtype: g.dtype)
        var dv = Tensor(zeros: [A], dtype: g.dtype)
        let (pg, pt, pv) = (g.pointer(T.self), t.pointer(T.self), v.value.pointer(T.self))
        let (pdk, pdq, pdv) = (dk.mutablePointer(T.self), dq.mutablePointer(T.self), dv.mutablePointer(T.self))
        for b in 0..<B {
            let dqb = pdq + b * A
            for s in 0..<S {
                let (tr, dkr, gs) = (pt + (b * S + s) * A, pdk + (b * S + s) * A, pg[b * S + s])
                // Three plain loops rather than one: each vectorises.
                for a in 0..<A { dkr[a] = gs * pv[a] * (1 - tr[a] * tr[a]) }
                for a in 0..<A { dqb[a] += dkr[a] }
                for a in 0..<A { pdv[a] += gs * tr[a] }
            }
        }
        if k.requiresGrad { k.accumulate(dk) }
        if q.requiresGrad { q.accumulate(dq) }
        if v.requiresGrad { v.accumulate(dv.reshaped(v.shape)) }
    }
}

/// e[r] = Σ_a v[a] · t[r, a] for `rows` rows of A, each a plain chain over a = 0, 1, …
/// from 0 (the order the scores have always been summed in). Eight rows run side
/// by side, so eight independent chains hide the latency of the additions.
private func scoreDots<T: EngineScalar>(_ t: UnsafePointer<T>, _ v: UnsafePointer<T>, _ e: UnsafeMutablePointer<T>,
                                        rows: Int, _ A: Int) {
    var r = 0
    while r + 8 <= rows {
        let p = t + r * A
        var (s0, s1, s2, s3, s4, s5, s6, s7): (T, T, T, T, T, T, T, T) = (0, 0, 0, 0, 0, 0, 0, 0)
        for a in 0..<A {
            let w = v[a]
            s0 += w * p[a]; s1 += w * p[A + a]; s2 += w * p[2 * A + a]; s3 += w * p[3 * A + a]
            s4 += w * p[4 * A + a]; s5 += w * p[5 * A + a]; s6 += w * p[6 * A + a]; s7 += w * p[7 * A + a]
        }
        (e[r], e[r + 1], e[r + 2], e[r + 3]) = (s0, s1, s2, s3)
        (e[r + 4], e[r + 5], e[r + 6], e[r + 7]) = (s4, s5, s6, s7)
        r += 8
    }
    while r < rows {
        let p = t + r * A
        var sum: T = 0
        for a in 0..<A { sum += v[a] * p[a] }
        e[r] = sum
        r += 1
    }
}
