/// Batched matrix product: one `gemm` per batch element, forward and backward.
///
/// For C_b = op(A_b)·op(B_b), b in 0..<B, the gradients are those of `matmul`
/// batch by batch:
///   ∂L/∂A_b = G_b · op(B_b)ᵀ (transposed back when A was used transposed),
///   ∂L/∂B_b = op(A_b)ᵀ · G_b (likewise).
/// Attention uses it for scores (B, S, H)·(B, H, 1) and contexts (B, 1, S)·(B, S, H).
extension Tensor {
    /// op(a_b) · op(b_b) for every b: (B, M, K) · (B, K, N) → (B, M, N). With
    /// `transposeA` a is (B, K, M); with `transposeB` b is (B, N, K).
    public static func bmm(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 3 && b.rank == 3, "bmm needs (B, M, K) and (B, K, N), got \(a.shape) and \(b.shape)")
        precondition(a.dtype == b.dtype, "bmm of \(a.dtype) and \(b.dtype)")
        precondition(a.shape[0] == b.shape[0], "bmm batch sizes \(a.shape[0]) and \(b.shape[0]) differ")
        let (m, k) = transposeA ? (a.shape[2], a.shape[1]) : (a.shape[1], a.shape[2])
        let (k2, n) = transposeB ? (b.shape[2], b.shape[1]) : (b.shape[1], b.shape[2])
        precondition(k == k2, "bmm of \(a.shape)\(transposeA ? "ᵀ" : "") and \(b.shape)\(transposeB ? "ᵀ" : "")")
        var c = Tensor(zeros: [a.shape[0], m, n], dtype: a.dtype)
        switch a.dtype {
        case .float32: c.bmm(Float.self, a, b, transposeA, transposeB, m, n, k)
        case .float64: c.bmm(Double.self, a, b, transposeA, transposeB, m, n, k)
        }
        return c
    }

    /// self (B, M, N) = op(a) · op(b), batch by batch, spread over threads by batch
    /// element when there is enough work; each element is computed by one thread, so
    /// the result does not depend on the thread count. The products attention makes
    /// are matrix–vector or outer products (one of M, N, K is 1), where packing for
    /// gemm costs more than it saves: those, and any tiny product, run a direct loop.
    private mutating func bmm<T: EngineScalar>(
        _: T.Type, _ a: Tensor, _ b: Tensor, _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int
    ) {
        let batch = shape[0]
        let (lda, ldb) = (a.shape[2], b.shape[2])
        let (strideA, strideB, strideC) = (a.shape[1] * a.shape[2], b.shape[1] * b.shape[2], m * n)
        let threads = batch * m * n * k >= 1 << 16 ? Parallel.maxThreads : 1
        let direct = min(m, n, k) <= 2 || m * n * k <= 4096
        a.withUnsafeBufferPointer(as: T.self) { pa in
            b.withUnsafeBufferPointer(as: T.self) { pb in
                withUnsafeMutableBufferPointer(as: T.self) { pc in
                    guard m > 0, n > 0, k > 0 else { return }  // k = 0: the zeros are the product
                    let (baseA, baseB, baseC) = (pa.baseAddress!, pb.baseAddress!, pc.baseAddress!)
                    Parallel.forEach(batch, threads: threads) { i in
                        let (x, y, z) = (baseA + i * strideA, baseB + i * strideB, baseC + i * strideC)
                        if direct {
                            smallProduct(ta, tb, m, n, k, x, lda, y, ldb, z)
                        } else {
                            gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: 1, a: x, lda: max(lda, 1),
                                 b: y, ldb: max(ldb, 1), beta: 0, c: z, ldc: n, threads: 1)
                        }
                    }
                }
            }
        }
    }
}

/// c (M×N, row stride N, zero on entry) = op(a)·op(b) by plain loops: element (i, p)
/// of op(a) is a[p·lda + i] when transposed, else a[i·lda + p]; likewise for b. Each
/// c[i, j] sums over p in order. When op(b)'s rows are contiguous (b not transposed)
/// the loop runs p outside j, so the innermost loop walks rows of b and c (and
/// vectorises); otherwise each c[i, j] is a dot product along b's contiguous rows.
private func smallProduct<T: EngineScalar>(
    _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int,
    _ a: UnsafePointer<T>, _ lda: Int, _ b: UnsafePointer<T>, _ ldb: Int, _ c: UnsafeMutablePointer<T>
) {
    let (aRow, aCol) = ta ? (1, lda) : (lda, 1)   // strides of op(a) along i and p
    for i in 0..<m {
        let ci = c + i * n
        if !tb {
            for p in 0..<k {
                let x = a[i * aRow + p * aCol]
                let bp = b + p * ldb
                for j in 0..<n { ci[j] += x * bp[j] }
            }
        } else {
            // Four columns side by side: four independent chains hide the latency of
            // the additions; each is still summed over p in order from 0.
            let ai = a + i * aRow
            var j = 0
            while j + 4 <= n {
                let (b0, b1, b2, b3) = (b + j * ldb, b + (j + 1) * ldb, b + (j + 2) * ldb, b + (j + 3) * ldb)
                var (s0, s1, s2, s3): (T, T, T, T) = (0, 0, 0, 0)
                for p in 0..<k {
                    let x = ai[p * aCol]
                    s0 += x * b0[p]; s1 += x * b1[p]; s2 += x * b2[p]; s3 += x * b3[p]
                }
                (ci[j], ci[j + 1], ci[j + 2], ci[j + 3]) = (s0, s1, s2, s3)
                j += 4
            }
            while j < n {
                let bj = b + j * ldb
                var sum: T = 0
                for p in 0..<k { sum += ai[p * aCol] * bj[p] }
                ci[j] = sum
                j += 1
            }
        }
    }
}

extension Variable {
    /// (B, M, K) · (B, K, N) → (B, M, N); either operand may be used transposed
    /// (self (B, K, M) with `transposeSelf`, other (B, N, K) with `transposeOther`).
    public func bmm(_ other: Variable, transposeSelf: Bool = false, transposeOther: Bool = false) -> Variable {
        let (a, b) = (self, other)
        let (ta, tb) = (transposeSelf, transposeOther)
        let out = Tensor.bmm(a.value, b.value, transposeA: ta, transposeB: tb)
        return Variable(out, parents: [a, b]) { g in
            if a.requiresGrad {
                // op(A) = G·op(B)ᵀ; if A was transposed, A = op(B)·Gᵀ.
                a.accumulate(ta ? Tensor.bmm(b.value, g, transposeA: tb, transposeB: true)
                                : Tensor.bmm(g, b.value, transposeA: false, transposeB: !tb))
            }
            if b.requiresGrad {
                // op(B) = op(A)ᵀ·G; if B was transposed, B = Gᵀ·op(A).
                b.accumulate(tb ? Tensor.bmm(g, a.value, transposeA: true, transposeB: ta)
                                : Tensor.bmm(a.value, g, transposeA: !ta, transposeB: false))
            }
        }
    }
}
