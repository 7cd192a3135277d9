/// ∂W_ih = δ_ihᵀ x for a narrow input (I ≤ `maxInput` features, e.g. the adding
/// problem's I = 2): C (G, I) = Aᵀ B with A = δ_ih (K, G) and B = x (K, I), K = B·T.
///
/// `gemm` computes this as a G × I product whose N = I columns fill 2 of a tile's
/// 32: every tile goes through the edge path, sixteen times the multiply-adds the
/// product needs, plus a transposing pack of all of δ. Here the K rows are walked
/// in place: for each row p, a vector of 16 (float) or 8 (double) columns g of δ
/// times x[p, i] broadcast, into one accumulator per (column vector, i).
///
/// **Bitwise equal to `gemm(transposeA: true, …, alpha: 1, beta: 0)`**
/// (`NarrowWeightGradientTests`): `gemm` splits K into blocks of `GemmDriver.kcBlock`
/// rows, forms each element's FMA chain over the block's rows in order from zero,
/// stores the first block's sum and adds each later block's sum to C. This kernel
/// forms the same chains over the same blocks (fma(δ, x, acc) equals fma(x, δ, acc))
/// and adds them to C in the same order.
///
/// A's rows may also be read through a `DeltaRows` layout: the K = B·T rows in
/// batch-major order (b, t), each found where a time-major buffer keeps it, so an
/// LSTM's backward pass can keep δ in one time-major copy (`SequencePass+Backward`).
/// The chains and their order are the same, so the results are bitwise equal.
enum NarrowWeightGradient {
    /// Widest input this kernel takes; wider ones fill a GEMM tile well enough.
    static let maxInput = 8

    /// C (g × i, row stride i) = Aᵀ B: A is (k, g) with row stride lda, B (k, i) with row stride ldb.
    static func compute<T: EngineScalar>(k: Int, g: Int, i: Int, a: UnsafePointer<T>, lda: Int,
                                         b: UnsafePointer<T>, ldb: Int, c: UnsafeMutablePointer<T>) {
        precondition(lda >= g, "narrow weight gradient of \(g) × \(i)")
        compute(g: g, i: i, a: DeltaRows.batchMajor(a, rows: k, width: lda),
                b: b, ldb: ldb, c: c)
    }

    /// The same product with A's K = a.sequences · a.steps rows found through `a`.
    static func compute<T: EngineScalar>(g: Int, i: Int, a: DeltaRows<T>,
                                         b: UnsafePointer<T>, ldb: Int, c: UnsafeMutablePointer<T>) {
        precondition(i >= 1 && i <= maxInput && ldb >= i, "narrow weight gradient of \(g) × \(i)")
        let k = a.sequences * a.steps
        if k == 0 {
            c.update(repeating: 0, count: g * i)
            return
        }
        if T.self == Float.self {
            run(SIMD16<Float>.self, k, g, i, a.rebound(), rebound(b), ldb, rebound(c),
                GemmDriver<SIMD16<Float>>.kcBlock)
        } else {
            run(SIMD8<Double>.self, k, g, i, a.rebound(), rebound(b), ldb, rebound(c),
                GemmDriver<SIMD8<Double>>.kcBlock)
        }
    }

    @inline(__always)
    private static func run<V: SIMD>(_: V.Type, _ k: Int, _ g: Int, _ iCount: Int, _ a: DeltaRows<V.Scalar>,
                                     _ b: UnsafePointer<V.Scalar>, _ ldb: Int,
                                     _ c: UnsafeMutablePointer<V.Scalar>, _ kcBlock: Int)
    where V.Scalar: EngineScalar {
        let L = V.scalarCount
        for pc in stride(from: 0, to: k, by: kcBlock) {
            let rows = pc..<min(k, pc + kcBlock)
            let first = pc == 0
            // Columns i in pairs (a lone last one runs as a pair with itself, stored once).
            for i0 in stride(from: 0, to: iCount, by: 2) {
                let i1 = min(i0 + 1, iCount - 1)
                var g0 = 0
                while g0 + 4 * L <= g {
                    fourVectors(V.self, rows, g0, i0, i1, a, b, ldb, c, iCount, first)
                    g0 += 4 * L
                }
                while g0 < g {
                    oneVector(V.self, rows, g0, min(L, g - g0), i0, i1, a, b, ldb, c, iCount, first)
                    g0 += L
                }
            }
        }
    }

    /// Columns g0 ..< g0 + 4L of δ against x[:, i0] and x[:, i1]: eight independent chains.
    @inline(__always)
    private static func fourVectors<V: SIMD>(_: V.Type, _ rows: Range<Int>, _ g0: Int, _ i0: Int, _ i1: Int,
                                             _ a: DeltaRows<V.Scalar>, _ b: UnsafePointer<V.Scalar>,
                                             _ ldb: Int, _ c: UnsafeMutablePointer<V.Scalar>, _ ldc: Int,
                                             _ first: Bool) where V.Scalar: EngineScalar {
        let L = V.scalarCount
        var (p0, p1, p2, p3) = (V(), V(), V(), V())     // · x[p, i0]
        var (q0, q1, q2, q3) = (V(), V(), V(), V())     // · x[p, i1]
        var cursor = a.cursor(at: rows.lowerBound)
        for p in rows {
            let row = UnsafeRawPointer(cursor.row + g0)
            cursor.advance()
            let stride = L * MemoryLayout<V.Scalar>.stride
            let d0 = row.loadUnaligned(as: V.self), d1 = row.loadUnaligned(fromByteOffset: stride, as: V.self)
            let d2 = row.loadUnaligned(fromByteOffset: 2 * stride, as: V.self)
            let d3 = row.loadUnaligned(fromByteOffset: 3 * stride, as: V.self)
            let x0 = V(repeating: b[p * ldb + i0]), x1 = V(repeating: b[p * ldb + i1])
            p0 = p0.addingProduct(d0, x0); p1 = p1.addingProduct(d1, x0)
            p2 = p2.addingProduct(d2, x0); p3 = p3.addingProduct(d3, x0)
            q0 = q0.addingProduct(d0, x1); q1 = q1.addingProduct(d1, x1)
            q2 = q2.addingProduct(d2, x1); q3 = q3.addingProduct(d3, x1)
        }
        add(p0, L, to: c, g0, i0, ldc, first); add(p1, L, to: c, g0 + L, i0, ldc, first)
        add(p2, L, to: c, g0 + 2 * L, i0, ldc, first); add(p3, L, to: c, g0 + 3 * L, i0, ldc, first)
        guard i1 != i0 else { return }
        add(q0, L, to: c, g0, i1, ldc, first); add(q1, L, to: c, g0 + L, i1, ldc, first)
        add(q2, L, to: c, g0 + 2 * L, i1, ldc, first); add(q3, L, to: c, g0 + 3 * L, i1, ldc, first)
    }

    /// Columns g0 ..< g0 + n (n ≤ L; the vector's other lanes read as 0 and are not stored).
    @inline(never)
    private static func oneVector<V: SIMD>(_: V.Type, _ rows: Range<Int>, _ g0: Int, _ n: Int, _ i0: Int, _ i1: Int,
                                           _ a: DeltaRows<V.Scalar>, _ b: UnsafePointer<V.Scalar>,
                                           _ ldb: Int, _ c: UnsafeMutablePointer<V.Scalar>, _ ldc: Int,
                                           _ first: Bool) where V.Scalar: EngineScalar {
        let L = V.scalarCount
        var (p0, q0) = (V(), V())
        var cursor = a.cursor(at: rows.lowerBound)
        for p in rows {
            let row = cursor.row
            cursor.advance()
            var d = V()
            if n == L {
                d = UnsafeRawPointer(row + g0).loadUnaligned(as: V.self)
            } else {
                for e in 0..<n { d[e] = row[g0 + e] }
            }
            p0 = p0.addingProduct(d, V(repeating: b[p * ldb + i0]))
            q0 = q0.addingProduct(d, V(repeating: b[p * ldb + i1]))
        }
        add(p0, n, to: c, g0, i0, ldc, first)
        if i1 != i0 { add(q0, n, to: c, g0, i1, ldc, first) }
    }

    /// C[g0 + e, i] = sum[e] for the first K block, C += sum[e] after (gemm's alpha 1,
    /// beta 0 then 1: the block's sum plus C, one rounding).
    @inline(__always)
    private static func add<V: SIMD>(_ sum: V, _ n: Int, to c: UnsafeMutablePointer<V.Scalar>, _ g0: Int, _ i: Int,
                                     _ ldc: Int, _ first: Bool) where V.Scalar: EngineScalar {
        for e in 0..<n {
            let at = c + (g0 + e) * ldc + i
            at.pointee = first ? sum[e] : sum[e] + at.pointee
        }
    }
}
