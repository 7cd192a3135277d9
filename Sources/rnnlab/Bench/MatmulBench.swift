import RNNEngine

/// Float GFLOP/s of C = A · B for square matrices, on 1 and on 2 threads.
///
/// Each (n, threads) pair is warmed up once, then timed `repetitions` times with
/// `ContinuousClock`; a repetition runs enough products to last about 20 ms, and the
/// median repetition is reported. The two thread counts are measured back to back
/// for each n, so that they see the same machine load.
///
/// Then the same for the skinny shapes the conv benchmarks hand to `gemm` (B·T = 3200
/// rows, K = 64…192): a dense layer 64→128 and a K3 convolution 64→128, forward and
/// both backward products, named `M×K·K×N` with ᵀ on a transposed operand.
func matmulBenchmarks(sizes: [Int] = [64, 128, 256, 512], threadCounts: [Int] = [1, 2],
                      repetitions: Int = 7) -> [BenchRow] {
    var shapes = sizes.map { GemmShape(name: "n=\($0)", m: $0, n: $0, k: $0, transposeA: false, transposeB: false) }
    for (what, k) in [("dense", 64), ("conv K3", 192)] {
        shapes += [
            GemmShape(name: "\(what) fwd 3200×\(k)·\(k)×128ᵀ", m: 3200, n: 128, k: k, transposeA: false, transposeB: true),
            GemmShape(name: "\(what) ∂x 3200×128·128×\(k)", m: 3200, n: k, k: 128, transposeA: false, transposeB: false),
            GemmShape(name: "\(what) ∂W 128×3200ᵀ·3200×\(k)", m: 128, n: k, k: 3200, transposeA: true, transposeB: false),
        ]
    }
    var rows: [BenchRow] = []
    for shape in shapes {
        let (m, n, k) = (shape.m, shape.n, shape.k)
        var rng = SplitMix64(seed: UInt64(m * n + k))
        let a = (0..<(m * k)).map { _ in Float(rng.uniform(-1, 1)) }
        let b = (0..<(k * n)).map { _ in Float(rng.uniform(-1, 1)) }
        var c = [Float](repeating: 0, count: m * n)
        let flops = 2 * Double(m) * Double(n) * Double(k)
        // About 20 ms of work per repetition at ~100 GFLOP/s.
        let calls = max(1, Int(2e9 / flops))
        let (lda, ldb) = (shape.transposeA ? m : k, shape.transposeB ? k : n)
        for threads in threadCounts {
            let run = {
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            for _ in 0..<calls {
                                gemm(transposeA: shape.transposeA, transposeB: shape.transposeB, m: m, n: n, k: k,
                                     alpha: 1, a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                     beta: 0, c: pc.baseAddress!, ldc: n, threads: threads)
                            }
                        }
                    }
                }
            }
            // After a warm-up run (caches, page faults, thread pool).
            let median = medianMilliseconds(repetitions: repetitions, run) / 1e3
            rows.append(BenchRow(group: "matmul", name: shape.name, threads: threads,
                                 value: flops * Double(calls) / median / 1e9, unit: "GFLOP/s"))
        }
    }
    return rows
}

/// One product C (M×N) = op(A) · op(B) timed by `matmulBenchmarks`.
private struct GemmShape {
    let name: String
    let m: Int, n: Int, k: Int
    let transposeA: Bool, transposeB: Bool
}
