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
    var t = Tensor(zeros: [B, S, A], dtype: k.dtype)
    var e = Tensor(zeros: [B, S], dtype: k.dtype)
    k.value.withUnsafeBufferPointer(as: T.self) { pk in
        q.value.withUnsafeBufferPointer(as: T.self) { pq in
            v.value.withUnsafeBufferPointer(as: T.self) { pv in
                t.withUnsafeMutableBufferPointer(as: T.self) { pt in
                    e.withUnsafeMutableBufferPointer(as: T.self) { pe in
                        for b in 0..<B {
                            for s in 0..<S {
                                let row = (b * S + s) * A
                                for a in 0..<A { pt[row + a] = pk[row + a] + pq[b * A + a] }
                                T.tanhInPlace(pt.baseAddress! + row, A)
                                var sum: T = 0
                                for a in 0..<A { sum += pv[a] * pt[row + a] }
                                pe[b * S + s] = sum
                            }
                        }
                    }
                }
            }
        }
    }
    return Variable(e, parents: [k, q, v]) { g in
        var dk = Tensor(zeros: [B, S, A], dtype: g.dtype)
        var dq = Tensor(zeros: [B, A], dtype: g.dtype)
        var dv = Tensor(zeros: [A], dtype: g.dtype)
        g.withUnsafeBufferPointer(as: T.self) { pg in
            t.withUnsafeBufferPointer(as: T.self) { pt in
                v.value.withUnsafeBufferPointer(as: T.self) { pv in
                    dk.withUnsafeMutableBufferPointer(as: T.self) { pdk in
                        dq.withUnsafeMutableBufferPointer(as: T.self) { pdq in
                            dv.withUnsafeMutableBufferPointer(as: T.self) { pdv in
                                for b in 0..<B {
                                    for s in 0..<S {
                                        let (row, gs) = ((b * S + s) * A, pg[b * S + s])
                                        // Three plain loops rather than one: each vectorises.
                                        for a in 0..<A { pdk[row + a] = gs * pv[a] * (1 - pt[row + a] * pt[row + a]) }
                                        for a in 0..<A { pdq[b * A + a] += pdk[row + a] }
                                        for a in 0..<A { pdv[a] += gs * pt[row + a] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if k.requiresGrad { k.accumulate(dk) }
        if q.requiresGrad { q.accumulate(dq) }
        if v.requiresGrad { v.accumulate(dv.reshaped(v.shape)) }
    }
}
