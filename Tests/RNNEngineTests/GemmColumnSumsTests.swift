import Testing
@testable import RNNEngine

/// The bias gradient taken while `gemm` packs δ (`opARowSums`, `Tensor.matmulTransposedAWithColumnSums`):
/// the sums must be bitwise `sum(axis: 0)` and the product bitwise the plain product, for
/// one and several K blocks (K > 256), column counts off the 8-row panels, more than one
/// column block (N > 1024), row and column splits on one to three threads.
@Suite struct GemmColumnSumsTests {
    /// (k, m, n): a is (k, m), b is (k, n); the product is (m, n), the sums (m).
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (5, 3, 7), (256, 8, 32), (257, 13, 33), (600, 130, 64), (3200 / 8, 128, 192),
        (300, 512, 128), (40, 20, 1030), (0, 4, 5),
    ]

    @Test(arguments: shapes)
    func tensorProductAndSumsAreBitwiseSeparate(shape: (Int, Int, Int)) {
        let (k, m, n) = shape
        for dtype in [DType.float32, .float64] {
            var rng = SplitMix64(seed: UInt64(k * 131 + m * 17 + n))
            let a = Tensor.normal([k, m], rng: &rng, dtype: dtype)
            let b = Tensor.normal([k, n], rng: &rng, dtype: dtype)
            let (product, sums) = Tensor.matmulTransposedAWithColumnSums(a, b)
            let plain = Tensor.matmul(a, b, transposeA: true)
            #expect(product.shape == [m, n] && sums.shape == [m])
            #expect(bits(product) == bits(plain), "\(dtype) \(shape) product")
            #expect(bits(sums) == bits(a.sum(axis: 0)), "\(dtype) \(shape) sums")
        }
    }

    @Test(arguments: shapes)
    func sumsDoNotDependOnThreads(shape: (Int, Int, Int)) {
        let (k, m, n) = shape
        var rng = SplitMix64(seed: UInt64(k + m * 7 + n * 29))
        let a = (0..<(k * m)).map { _ in Float(rng.uniform(-1, 1)) }
        let b = (0..<(k * n)).map { _ in Float(rng.uniform(-1, 1)) }
        var expected = [Float](repeating: 0, count: m)
        for p in 0..<k { for i in 0..<m { expected[i] += a[p * m + i] } }
        for threads in [1, 2, 3] {
            var c = [Float](repeating: .nan, count: m * n)
            var sums = [Float](repeating: 0, count: m)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        sums.withUnsafeMutableBufferPointer { ps in
                            gemm(transposeA: true, transposeB: false, m: m, n: n, k: k, alpha: 1,
                                 a: pa.baseAddress!, lda: m, b: pb.baseAddress!, ldb: n, beta: 0,
                                 c: pc.baseAddress!, ldc: n, threads: threads, minParallelWork: 0,
                                 opARowSums: ps.baseAddress!)
                        }
                    }
                }
            }
            #expect(sums.map(\.bitPattern) == expected.map(\.bitPattern), "\(shape) on \(threads) threads")
        }
    }

    /// Float → Double is exact, so equal bit patterns here are equal bits in either type.
    private func bits(_ t: Tensor) -> [UInt64] { t.doubles.map(\.bitPattern) }
}
