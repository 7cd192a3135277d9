import Testing
@testable import RNNEngine

/// `GemmPackedB` (op(B) packed once, reused for many products) against `gemm` with
/// the same arguments: the results must be bitwise equal, for both element types,
/// both layouts of A and B, edge tiles, several K blocks, a changing M, beta 0 and
/// beta ≠ 0 (C read), and on 1 and 2 threads (the threaded split forced on small sizes
/// by using sizes over `gemmParallelThreshold`). The reference packs A (`readsAInPlace:
/// false`), so with ≤ 8 column panels, where `GemmPackedB` reads a row-major A in
/// place, the two ways of reading A are compared too.
@Suite struct GemmPackedBTests {
    /// (m, n, k): on and off the tile and block edges (MR 8, NR 32/16, KC 256, MC 128).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (8, 32, 256), (7, 31, 255), (9, 33, 257), (64, 512, 128),
        (130, 40, 513), (32, 128, 32), (200, 96, 300),
        // Below MR rows (`gemmPackedRows`): whole groups of four panels, single panels,
        // a last panel cut inside its first or second vector, and two K blocks.
        (1, 512, 128), (1, 128, 32), (2, 130, 64), (5, 200, 300), (7, 137, 33), (4, 8, 600), (6, 120, 17),
    ]

    @Test(arguments: shapes)
    func floatIsBitwiseGemm(shape: (Int, Int, Int)) { check(Float.self, shape) }

    @Test(arguments: shapes)
    func doubleIsBitwiseGemm(shape: (Int, Int, Int)) { check(Double.self, shape) }

    private func check<T: EngineScalar>(_: T.Type, _ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 1000 + n * 10 + k))
        func random(_ count: Int) -> [T] { (0..<count).map { _ in T(rng.uniform(-1, 1)) } }
        for tb in [false, true] {
            let b = random(k * n)
            let ldb = tb ? k : n
            let packed = b.withUnsafeBufferPointer { GemmPackedB<T>(transposed: tb, b: $0.baseAddress!, ldb: ldb, k: k, n: n) }
            // Several products against the same packing, M changing (the truncated backward's case).
            for (rows, ta, alpha, beta) in [(m, false, T(1), T(0)), (max(1, m / 2), true, T(-0.75), T(1)),
                                             (m, false, T(1.5), T(0.25))] {
                let a = random(rows * k)
                let lda = ta ? rows : k
                let c0 = random(rows * n)
                for threads in [1, 2] {
                    var expected = c0, got = c0
                    a.withUnsafeBufferPointer { pa in
                        b.withUnsafeBufferPointer { pb in
                            expected.withUnsafeMutableBufferPointer { pc in
                                gemm(transposeA: ta, transposeB: tb, m: rows, n: n, k: k, alpha: alpha,
                                     a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb, beta: beta,
                                     c: pc.baseAddress!, ldc: n, threads: threads,
                                     minParallelWork: gemmParallelThreshold, readsAInPlace: false)
                            }
                        }
                        got.withUnsafeMutableBufferPointer { pc in
                            packed.multiply(transposeA: ta, m: rows, alpha: alpha, a: pa.baseAddress!, lda: lda,
                                            beta: beta, c: pc.baseAddress!, ldc: n, threads: threads)
                        }
                    }
                    #expect(got == expected, "m \(rows) n \(n) k \(k) ta \(ta) tb \(tb) threads \(threads)")
                }
            }
        }
    }
}
