import Testing
@testable import RNNEngine

/// `NarrowWeightGradient` (∂W_ih = δᵀ x walked row by row for I ≤ 8) against `gemm`
/// with transposed A, alpha 1 and beta 0, the call it replaces: bitwise equal for
/// both element types, every I from 1 to 8 (odd I runs a lone last column), G on and
/// off the 4-vector group and the vector width (tails), K over one, two and three
/// K blocks of 256 rows, and rows of A and B wider than the columns used. Likewise
/// `NarrowInputProjection` (W_ih x_t step by step) against the product x·W_ihᵀ it replaces.
@Suite struct NarrowWeightGradientTests {
    /// (k, g): K blocks 1, 2 and 3 (KC 256); G with groups of 4 vectors, single vectors and tails.
    static let shapes: [(Int, Int)] = [(1, 1), (7, 5), (256, 64), (257, 128), (600, 100), (3200, 128),
                                       (513, 44), (90, 200), (300, 16)]

    @Test(arguments: shapes)
    func floatIsBitwiseGemm(shape: (Int, Int)) { check(Float.self, shape) }

    @Test(arguments: shapes)
    func doubleIsBitwiseGemm(shape: (Int, Int)) { check(Double.self, shape) }

    private func check<T: EngineScalar>(_: T.Type, _ shape: (Int, Int)) {
        let (k, g) = shape
        var rng = SplitMix64(seed: UInt64(k * 1000 + g))
        func random(_ count: Int) -> [T] { (0..<count).map { _ in T(rng.uniform(-2, 2)) } }
        for i in 1...NarrowWeightGradient.maxInput {
            let (lda, ldb) = (g + 3, i + 1)                       // rows longer than the columns read
            let a = random(k * lda), b = random(k * ldb)
            var expected = [T](repeating: .nan, count: g * i), got = [T](repeating: .nan, count: g * i)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    expected.withUnsafeMutableBufferPointer { pc in
                        gemm(transposeA: true, transposeB: false, m: g, n: i, k: k, alpha: 1, a: pa.baseAddress!,
                             lda: lda, b: pb.baseAddress!, ldb: ldb, beta: 0, c: pc.baseAddress!, ldc: i, threads: 1)
                    }
                    got.withUnsafeMutableBufferPointer { pc in
                        NarrowWeightGradient.compute(k: k, g: g, i: i, a: pa.baseAddress!, lda: lda,
                                                     b: pb.baseAddress!, ldb: ldb, c: pc.baseAddress!)
                    }
                }
            }
            // Bit patterns (as Double, which keeps a Float's value and sign of zero exactly).
            func bits(_ v: [T]) -> [UInt64] { v.map { Double($0).bitPattern } }
            #expect(!got.contains { $0.isNaN }, "k \(k) g \(g) i \(i): an element left unwritten")
            #expect(bits(got) == bits(expected), "k \(k) g \(g) i \(i)")
        }
    }

    @Test(arguments: [(1, 4), (3, 5), (8, 128), (13, 100), (32, 96), (20, 17)])
    func projectionIsBitwiseGemm(shape: (Int, Int)) {
        projection(Float.self, shape)
        projection(Double.self, shape)
    }

    private func projection<T: EngineScalar>(_: T.Type, _ shape: (Int, Int)) {
        let (rows, g) = shape
        var rng = SplitMix64(seed: UInt64(rows * 100 + g))
        func random(_ count: Int) -> [T] { (0..<count).map { _ in T(rng.uniform(-2, 2)) } }
        for i in 1...NarrowWeightGradient.maxInput {
            let ldx = i + 2, ldo = g + 1                          // rows longer than the values used
            let x = random(rows * ldx), w = random(g * i)         // W_ih (G, I)
            var expected = [T](repeating: .nan, count: rows * ldo), got = expected
            x.withUnsafeBufferPointer { px in
                w.withUnsafeBufferPointer { pw in
                    expected.withUnsafeMutableBufferPointer { pc in
                        gemm(transposeA: false, transposeB: true, m: rows, n: g, k: i, alpha: 1, a: px.baseAddress!,
                             lda: ldx, b: pw.baseAddress!, ldb: i, beta: 0, c: pc.baseAddress!, ldc: ldo, threads: 1)
                    }
                    let p = NarrowInputProjection<T>(wih: pw.baseAddress!, gates: g, input: i)
                    defer { p.deallocate() }
                    got.withUnsafeMutableBufferPointer { pc in
                        p.project(rows: rows, x: px.baseAddress!, ldx: ldx, out: pc.baseAddress!, ldo: ldo)
                    }
                }
            }
            let used = (0..<rows).flatMap { r in (r * ldo)..<(r * ldo + g) }
            func bits(_ v: [T]) -> [UInt64] { used.map { Double(v[$0]).bitPattern } }
            #expect(!used.contains { got[$0].isNaN }, "rows \(rows) g \(g) i \(i): an element left unwritten")
            #expect(bits(got) == bits(expected), "rows \(rows) g \(g) i \(i)")
        }
    }
}
