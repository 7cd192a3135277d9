import Testing
@testable import RNNEngine

/// `gemmTransposedARows`: C = Aᵀ·B with A's K rows read through a `DeltaRows` map over a
/// time-major buffer, against `gemm` on a batch-major copy of A. C and the row sums of
/// op(A) must be bitwise equal: forward and reverse maps, an M with a partial MR panel
/// and several MC blocks, a K over several depth blocks, one and two threads (both
/// split ways), float32 and float64.
struct GemmRowMapTests {
    @Test(arguments: [false, true], [1, 2])
    func rowMappedAIsBitwiseACopy(reverse: Bool, threads: Int) {
        compare(Float.self, reverse: reverse, threads: threads, sequences: 7, steps: 90, m: 141, n: 40)
        compare(Float.self, reverse: reverse, threads: threads, sequences: 5, steps: 11, m: 24, n: 150)
        compare(Double.self, reverse: reverse, threads: threads, sequences: 6, steps: 50, m: 37, n: 20)
    }

    private func compare<T: EngineScalar>(_: T.Type, reverse: Bool, threads: Int, sequences B: Int, steps S: Int,
                                          m: Int, n: Int) {
        var rng = SplitMix64(seed: UInt64(B * S + m))
        let k = B * S
        // Time-major (step, sequence, m), step k holding time t = k (or S − 1 − k when reversed).
        let timeMajor = (0..<(k * m)).map { _ in T(rng.uniform(-1, 1)) }
        let b = (0..<(k * n)).map { _ in T(rng.uniform(-1, 1)) }
        // The batch-major copy: row (sequence s, time t).
        var copy = [T](repeating: 0, count: k * m)
        for s in 0..<B {
            for t in 0..<S {
                let step = reverse ? S - 1 - t : t
                for i in 0..<m { copy[(s * S + t) * m + i] = timeMajor[(step * B + s) * m + i] }
            }
        }
        var (c1, c2) = ([T](repeating: .nan, count: m * n), [T](repeating: .nan, count: m * n))
        var (s1, s2) = ([T](repeating: 0, count: m), [T](repeating: 0, count: m))
        copy.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { pb in
            c1.withUnsafeMutableBufferPointer { c in s1.withUnsafeMutableBufferPointer { sums in
                gemm(transposeA: true, transposeB: false, m: m, n: n, k: k, alpha: 1, a: a.baseAddress!, lda: m,
                     b: pb.baseAddress!, ldb: n, beta: 0, c: c.baseAddress!, ldc: n, threads: threads,
                     minParallelWork: 0, opARowSums: sums.baseAddress!)
            } }
        } }
        timeMajor.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { pb in
            c2.withUnsafeMutableBufferPointer { c in s2.withUnsafeMutableBufferPointer { sums in
                let rows = DeltaRows.timeMajor(a.baseAddress!, sequences: B, steps: S, width: m, reverse: reverse)
                gemmTransposedARows(rows: rows, m: m, n: n, b: pb.baseAddress!, ldb: n, c: c.baseAddress!, ldc: n,
                                    threads: threads, minParallelWork: 0, opARowSums: sums.baseAddress!)
            } }
        } }
        // Float → Double is exact, so equal Double bit patterns mean equal bits.
        let bits = { (v: [T]) in v.map { Double($0).bitPattern } }
        #expect(bits(c1) == bits(c2), "\(T.self) \(B)×\(S) m \(m) n \(n) reverse \(reverse)")
        #expect(bits(s1) == bits(s2), "sums \(T.self) \(B)×\(S) m \(m) reverse \(reverse)")
        #expect(c1.contains { $0 != 0 } && !c1.contains { $0.isNaN })
    }
}
