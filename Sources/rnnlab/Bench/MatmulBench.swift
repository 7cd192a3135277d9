import RNNEngine

/// Float GFLOP/s of C = A · B for square matrices, on 1 and on 2 threads.
///
/// Each (n, threads) pair is warmed up once, then timed `repetitions` times with
/// `ContinuousClock`; a repetition runs enough products to last about 20 ms, and the
/// median repetition is reported. The two thread counts are measured back to back
/// for each n, so that they see the same machine load.
func matmulBenchmarks(sizes: [Int] = [64, 128, 256, 512], threadCounts: [Int] = [1, 2],
                      repetitions: Int = 7) -> [BenchRow] {
    var rows: [BenchRow] = []
    for n in sizes {
        var rng = SplitMix64(seed: UInt64(n))
        let a = (0..<(n * n)).map { _ in Float(rng.uniform(-1, 1)) }
        let b = (0..<(n * n)).map { _ in Float(rng.uniform(-1, 1)) }
        var c = [Float](repeating: 0, count: n * n)
        let flops = 2 * Double(n) * Double(n) * Double(n)
        // About 20 ms of work per repetition at ~100 GFLOP/s.
        let calls = max(1, Int(2e9 / flops))
        for threads in threadCounts {
            let run = {
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            for _ in 0..<calls {
                                gemm(transposeA: false, transposeB: false, m: n, n: n, k: n,
                                     alpha: 1, a: pa.baseAddress!, lda: n, b: pb.baseAddress!, ldb: n,
                                     beta: 0, c: pc.baseAddress!, ldc: n, threads: threads)
                            }
                        }
                    }
                }
            }
            run()  // warm-up: caches, page faults, thread pool
            let clock = ContinuousClock()
            var seconds: [Double] = []
            for _ in 0..<repetitions {
                let d = clock.measure(run).components
                seconds.append(Double(d.seconds) + Double(d.attoseconds) * 1e-18)
            }
            let median = seconds.sorted()[seconds.count / 2]
            rows.append(BenchRow(group: "matmul", name: "n=\(n)", threads: threads,
                                 value: flops * Double(calls) / median / 1e9, unit: "GFLOP/s"))
        }
    }
    return rows
}
