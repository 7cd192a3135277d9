import Testing
@testable import RNNEngine

/// The tiles that read a row-major A in place (`GemmDirectA.swift`) against the packed
/// path: every bit of C must agree, for Float and Double, with partial last panels of
/// rows (M not a multiple of 8), cut column panels, several K blocks (K > 256), every
/// beta the callers use, padded leading dimensions and one to three threads.
@Suite struct GemmDirectATests {
    /// (m, n, k): the conv/dense shapes scaled down, and the odd ones.
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (7, 5, 3), (8, 32, 1), (9, 33, 17), (16, 64, 192), (37, 20, 64),
        (130, 128, 192), (200, 64, 300), (64, 96, 513), (3200 / 25, 192, 128), (259, 7, 40),
        (520, 128, 24),  // tall: cut by rows on two and three threads (four column panels)
    ]

    @Test(arguments: shapes)
    func inPlaceIsBitwisePacked(shape: (Int, Int, Int)) {
        for transposeB in [false, true] {
            for (alpha, beta) in [(1.0, 0.0), (1.0, 1.0), (-0.5, 2.0)] {
                for pad in [0, 3] {
                    compare(Float.self, shape, transposeB, alpha, beta, pad)
                    compare(Double.self, shape, transposeB, alpha, beta, pad)
                }
            }
        }
    }

    private func compare<T: EngineScalar>(_: T.Type, _ shape: (Int, Int, Int), _ tb: Bool,
                                          _ alpha: Double, _ beta: Double, _ pad: Int) {
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 7919 + n * 31 + k))
        let (lda, ldb, ldc) = (k + pad, (tb ? k : n) + pad, n + pad)
        let a = (0..<(m * lda)).map { _ in T(rng.uniform(-1, 1)) }
        let b = (0..<((tb ? n : k) * ldb)).map { _ in T(rng.uniform(-1, 1)) }
        let c0 = (0..<(m * ldc)).map { _ in T(rng.uniform(-1, 1)) }
        func run(inPlace: Bool, threads: Int) -> [T] {
            var c = c0
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        gemm(transposeA: false, transposeB: tb, m: m, n: n, k: k, alpha: T(alpha),
                             a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb, beta: T(beta),
                             c: pc.baseAddress!, ldc: ldc, threads: threads, minParallelWork: 0,
                             readsAInPlace: inPlace)
                    }
                }
            }
            return c
        }
        let packed = run(inPlace: false, threads: 1)
        for threads in [1, 2, 3] {
            let direct = run(inPlace: true, threads: threads)
            #expect(packed.map(bits) == direct.map(bits),
                    "\(T.self) \(shape) tb=\(tb) alpha=\(alpha) beta=\(beta) pad=\(pad) on \(threads) threads")
        }
    }

    private func bits<T: EngineScalar>(_ x: T) -> UInt64 {
        if let f = x as? Float { return UInt64(f.bitPattern) }
        return (x as! Double).bitPattern
    }
}
