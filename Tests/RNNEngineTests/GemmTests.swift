import Testing
@testable import RNNEngine

/// `gemm` against a triple loop in Double, for all four transpose combinations.
///
/// Tolerance: the kernel forms each dot product as one fused multiply-add chain of
/// k terms, then alpha·s + beta·c, so its rounding error is at most
/// (k + 3)·u·(|alpha|·Σₚ|a||b| + |beta|·|c|) with u the unit roundoff (2⁻²⁴ for
/// Float, 2⁻⁵³ for Double). We allow (k + 4)·u per element, computed from that
/// element's own Σ|a||b|. For Float the reference is exact to well below that
/// (Float products are exact in Double); for Double the reference makes errors of
/// the same size, so the bound is doubled. A kernel that drops, repeats or misplaces
/// a single term misses this by orders of magnitude.
@Suite struct GemmTests {
    /// (m, n, k): odd shapes, and shapes on and either side of the blocks
    /// (MR = 8 rows, NR = 32 Float / 16 Double columns, KC = 256, MC = 128, NC = 1024).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (17, 33, 65), (4, 5, 0), (8, 32, 256), (7, 31, 255),
        (9, 33, 257), (8, 32, 513), (130, 9, 40), (129, 5, 257), (13, 1030, 9), (1, 70, 40),
        (40, 1, 40),
    ]
    static let transposes = [(false, false), (true, false), (false, true), (true, true)]

    @Test(arguments: shapes)
    func floatMatchesReference(shape: (Int, Int, Int)) {
        for (ta, tb) in Self.transposes {
            for (alpha, beta) in [(-0.75, 0.0), (1.0, 1.0), (2.0, -0.5), (0.0, 3.0)] {
                check(Float.self, shape, ta, tb, alpha, beta, pad: 0)
            }
            check(Float.self, shape, ta, tb, 1.5, 0.25, pad: 3)
        }
    }

    @Test(arguments: shapes)
    func doubleMatchesReference(shape: (Int, Int, Int)) {
        for (ta, tb) in Self.transposes {
            for (alpha, beta) in [(1.0, 0.0), (1.0, 1.0), (-1.25, 0.5)] {
                check(Double.self, shape, ta, tb, alpha, beta, pad: 0)
            }
            check(Double.self, shape, ta, tb, 0.5, 0.0, pad: 5)
        }
    }

    /// The threaded split (forced on small products), by columns (wide C) and by rows
    /// (tall C), with edge tiles and several K blocks: every bit must match the
    /// single-threaded result. A row split packs op(B) once for all its tasks (101 and
    /// 600 rows, and 300 rows over three K blocks, the last partial); past NC columns it
    /// packs per task (5000 × 1030), one task per thread below 4·threads·`rowsPerRepackedB`
    /// rows of C.
    @Test(arguments: [(24, 150, 40), (101, 20, 30), (600, 16, 20), (300, 40, 600), (5000, 1030, 2), (40, 40, 300),
                      (8, 700, 20), (3, 3, 3)])
    func threadCountDoesNotChangeBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        if [101, 300, 600].contains(m) {
            #expect(GemmDriver<SIMD16<Float>>.sharesPackedB(m: m, n: n, k: k, threads: 2), "\(shape) packs B once")
        }
        if m == 5000 { #expect(!GemmDriver<SIMD16<Float>>.sharesPackedB(m: m, n: n, k: k, threads: 2)) }
        for (ta, tb) in Self.transposes {
            let one = run(Float.self, shape, ta, tb, alpha: 0.5, beta: 1, pad: 1, threads: 1)
            for threads in [2, 3] {
                let many = run(Float.self, shape, ta, tb, alpha: 0.5, beta: 1, pad: 1,
                               threads: threads, minParallelWork: 0)
                #expect(one.c.map(\.bitPattern) == many.c.map(\.bitPattern),
                        "\(shape) ta=\(ta) tb=\(tb) on \(threads) threads")
            }
            let d1 = run(Double.self, shape, ta, tb, alpha: 1, beta: 0, pad: 0, threads: 1)
            let d2 = run(Double.self, shape, ta, tb, alpha: 1, beta: 0, pad: 0, threads: 2,
                         minParallelWork: 0)
            #expect(d1.c.map(\.bitPattern) == d2.c.map(\.bitPattern), "Double \(shape) ta=\(ta) tb=\(tb)")
        }
    }

    /// Through the public entry point, above the size where gemm goes parallel.
    @Test func largeProductSameOnOneAndTwoThreads() {
        let shape = (64, 200, 96)
        #expect(shape.0 * shape.1 * shape.2 >= gemmParallelThreshold)
        let one = run(Float.self, shape, false, true, alpha: 1, beta: 0, pad: 0, threads: 1)
        let two = run(Float.self, shape, false, true, alpha: 1, beta: 0, pad: 0, threads: 2)
        #expect(one.c.map(\.bitPattern) == two.c.map(\.bitPattern))
    }

    /// With beta = 0, C's old contents (NaN here) must not leak into the result.
    @Test func betaZeroIgnoresNaNInC() {
        for shape in [(3, 5, 7), (7, 33, 257), (1, 1, 1), (2, 3, 0)] {
            let r = run(Float.self, shape, false, false, alpha: 1, beta: 0, pad: 0, threads: 1,
                        fillC: .nan)
            #expect(r.c.allSatisfy { !$0.isNaN }, "\(shape)")
        }
    }

    // MARK: - Helpers

    /// Runs gemm on seeded operands whose padding (past each row's width) is NaN,
    /// checks it against the reference, and checks C's padding is left alone.
    private func check<T: EngineScalar>(_: T.Type, _ shape: (Int, Int, Int), _ ta: Bool, _ tb: Bool,
                                        _ alpha: Double, _ beta: Double, pad: Int) {
        let r = run(T.self, shape, ta, tb, alpha: T(alpha), beta: T(beta), pad: pad, threads: 1)
        let (m, n, k) = shape
        let u = Double(T.ulpOfOne) / 2
        let factor = T.self == Double.self ? 2.0 : 1.0
        var worst = 0.0
        var failures = 0
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, magnitude = 0.0
                for p in 0..<k {
                    let x = Double(ta ? r.a[p * r.lda + i] : r.a[i * r.lda + p])
                    let y = Double(tb ? r.b[j * r.ldb + p] : r.b[p * r.ldb + j])
                    sum += x * y
                    magnitude += abs(x * y)
                }
                let old = Double(r.c0[i * r.ldc + j])
                let expected = alpha * sum + (beta == 0 ? 0 : beta * old)
                let tol = factor * Double(k + 4) * u * (abs(alpha) * magnitude + abs(beta * old))
                let error = abs(Double(r.c[i * r.ldc + j]) - expected)
                if !(error <= tol) { failures += 1 }
                worst = max(worst, tol > 0 ? error / tol : error)
            }
            for j in n..<r.ldc {
                #expect(r.c[i * r.ldc + j].isNaN, "C padding written at (\(i), \(j))")
            }
        }
        #expect(failures == 0, """
            \(T.self) \(shape) ta=\(ta) tb=\(tb) alpha=\(alpha) beta=\(beta) pad=\(pad): \
            \(failures) elements off, worst error / tolerance = \(worst)
            """)
    }

    private struct Result<T: EngineScalar> {
        var a: [T], b: [T], c0: [T], c: [T]
        var lda: Int, ldb: Int, ldc: Int
    }

    private func run<T: EngineScalar>(
        _: T.Type, _ shape: (Int, Int, Int), _ ta: Bool, _ tb: Bool, alpha: T, beta: T,
        pad: Int, threads: Int, minParallelWork: Int = gemmParallelThreshold, fillC: T? = nil
    ) -> Result<T> {
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 1_000_003 + n * 1009 + k * 7 + (ta ? 1 : 0) + (tb ? 2 : 0)))
        let (aRows, aCols) = ta ? (k, m) : (m, k)
        let (bRows, bCols) = tb ? (n, k) : (k, n)
        let (lda, ldb, ldc) = (max(1, aCols + pad), max(1, bCols + pad), max(1, n + pad))
        let a: [T] = matrix(aRows, aCols, ld: lda, &rng)
        let b: [T] = matrix(bRows, bCols, ld: ldb, &rng)
        var c0: [T] = matrix(m, n, ld: ldc, &rng)
        if let fillC { for i in 0..<(m * ldc) where i % ldc < n { c0[i] = fillC } }
        var c = c0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: alpha,
                         a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                         beta: beta, c: pc.baseAddress!, ldc: ldc, threads: threads,
                         minParallelWork: minParallelWork)
                }
            }
        }
        return Result(a: a, b: b, c0: c0, c: c, lda: lda, ldb: ldb, ldc: ldc)
    }

    /// rows × cols uniform in [−1, 1), row stride `ld`, NaN in the padding.
    /// (At least one element, so that the buffers have a base address.)
    private func matrix<T: EngineScalar>(_ rows: Int, _ cols: Int, ld: Int,
                                         _ rng: inout SplitMix64) -> [T] {
        var out = [T](repeating: .nan, count: max(1, rows * ld))
        for i in 0..<rows {
            for j in 0..<cols { out[i * ld + j] = T(rng.uniform(-1, 1)) }
        }
        return out
    }
}
