import Testing
@testable import RNNEngine

/// `GemmPacking.packA` of a transposed A (A stored K × M, read row by row since
/// speed16) against the packed layout's definition, exactly:
/// packed[q·kc·MR + p·MR + r] = op(A)[i0 + q·MR + r, p0 + p], zero past the edge. Block
/// sizes on and off MR (1, 7, 8, 13, 128 rows), offsets into a larger A, both element types.
/// And the forward's per-step input projection: x_t (B, I) · W_ihᵀ through a packed
/// W_ihᵀ (`GemmPackedB`, rows of x_t T·I apart) against the one (B·T, I)·W_ihᵀ product
/// over all steps it replaced, bit for bit, on one workspace and on two row parts.
@Suite struct GemmPackingTests {
    @Test(arguments: [(1, 1), (7, 5), (8, 256), (13, 3), (128, 40), (37, 19)])
    func transposedPackIsTheDefinition(shape: (Int, Int)) {
        pack(Float.self, shape)
        pack(Double.self, shape)
    }

    private func pack<T: EngineScalar>(_: T.Type, _ shape: (Int, Int)) {
        let (mc, kc) = shape
        let (mr, i0, p0) = (8, 3, 2)
        let (m, k) = (i0 + mc + 4, p0 + kc + 1)
        var rng = SplitMix64(seed: UInt64(mc * 1000 + kc))
        let lda = m + 2                                            // A is K × M, rows longer than M
        let a = (0..<(k * lda)).map { _ in T(rng.uniform(-1, 1)) }
        let panels = (mc + mr - 1) / mr
        var expected = [T](repeating: 0, count: panels * kc * mr)
        for q in 0..<panels {
            for p in 0..<kc {
                for r in 0..<mr where q * mr + r < mc {
                    expected[q * kc * mr + p * mr + r] = a[(p0 + p) * lda + i0 + q * mr + r]
                }
            }
        }
        var got = [T](repeating: .nan, count: panels * kc * mr)
        a.withUnsafeBufferPointer { pa in
            got.withUnsafeMutableBufferPointer { out in
                GemmPacking.packA(transposed: true, a: pa.baseAddress!, lda: lda, i0: i0, mc: mc, p0: p0, kc: kc,
                                  mr: mr, into: out.baseAddress!)
            }
        }
        func bits(_ v: [T]) -> [UInt64] { v.map { Double($0).bitPattern } }
        #expect(bits(got) == bits(expected), "mc \(mc) kc \(kc)")
    }

    /// (B, T, I, G): B below MR, on it and off it; T 1; I over two K blocks; G with tails.
    @Test(arguments: [(1, 1, 9, 16), (5, 3, 13, 44), (8, 2, 64, 512), (20, 4, 40, 100), (3, 2, 300, 20)])
    func stepProjectionIsTheWholeProduct(shape: (Int, Int, Int, Int)) {
        projection(Float.self, shape)
        projection(Double.self, shape)
    }

    private func projection<T: EngineScalar>(_: T.Type, _ shape: (Int, Int, Int, Int)) {
        let (B, Tn, I, G) = shape
        let dtype: DType = T.self == Float.self ? .float32 : .float64
        var rng = SplitMix64(seed: UInt64(B * 100 + I))
        let x = Tensor.normal([B * Tn, I], rng: &rng, dtype: dtype), wih = Tensor.normal([G, I], rng: &rng, dtype: dtype)
        let whole = Tensor.matmul(x, wih, transposeB: true).doubles      // (B·T, G), batch-major
        let packed = GemmPackedB<T>(transposed: true, b: wih.pointer(T.self), ldb: I, k: I, n: G)
        let cut = min(B, (B / 2 + 7) / 8 * 8)                            // the forward's two row parts
        packed.prepare(workspaces: 2, rows: B)
        for parts in [1, 2] {
            var steps = [T](repeating: .nan, count: B * Tn * G)            // (B·T, G) gathered from the steps
            var out = [T](repeating: .nan, count: B * G)
            for t in 0..<Tn {
                let xs = x.pointer(T.self) + t * I
                out.withUnsafeMutableBufferPointer { o in
                    let c = o.baseAddress!
                    if parts == 1 {
                        packed.multiply(m: B, alpha: 1, a: xs, lda: Tn * I, beta: 0, c: c, ldc: G)
                    } else {
                        for (w, rows) in [0..<cut, cut..<B].enumerated() where !rows.isEmpty {
                            packed.multiply(m: rows.count, alpha: 1, a: xs + rows.lowerBound * Tn * I, lda: Tn * I,
                                            beta: 0, c: c + rows.lowerBound * G, ldc: G, workspace: w)
                        }
                    }
                }
                for b in 0..<B { for g in 0..<G { steps[(b * Tn + t) * G + g] = out[b * G + g] } }
            }
            #expect(steps.map { Double($0).bitPattern } == whole.map { $0.bitPattern }, "\(shape), \(parts) part(s)")
        }
    }
}
