import RNNEngine

/// The FMA limit: float32 multiply-adds per second when nothing but fused multiply-adds
/// run, on 1 and 2 threads, measured in the same run as the layers it is set against.
///
/// Each thread runs `chains` independent chains a ← a·s + d on 16-lane registers
/// (more chains than the FMA latency × issue width, so no chain waits on itself); a
/// multiply-add counts 2 FLOP. s < 1 and a small d keep the values bounded. Then the
/// recurrent layers' f+b rows are put against it: the multiply-adds of their six
/// products per step (forward x·W_ihᵀ and h·W_hhᵀ; backward ∂x, ∂W_ih, ∂h and ∂W_hh,
/// 6·B·T·G·(I + H) FLOP with G = gates·H; the gate arithmetic is not counted), timed
/// at the limit, against the measured time: "× limit" is how many times slower than
/// that bound the layer ran.
func fmaLimitGFLOPs(threads: Int, repetitions: Int = 7) -> Double {
    let iterations = 2_000_000
    let flopsPerThread = 2.0 * 16 * Double(FmaChains.count) * Double(iterations)
    var sink: Float = 0
    let run = {
        Parallel.forEach(threads, threads: threads) { i in
            let v = FmaChains.run(iterations: iterations, seed: Float(i + 1))
            if v == .infinity { sink += v }     // keeps the loop's result alive
        }
    }
    let median = medianMilliseconds(repetitions: repetitions, run) / 1e3
    return flopsPerThread * Double(threads) / median / 1e9 + Double(sink)
}

/// The multiply-adds of a recurrent layer's forward + backward with ∂x (see `fmaLimitGFLOPs`).
func recurrentFLOPs(kind: CellKind, B: Int, T: Int, I: Int, H: Int) -> Double {
    6 * Double(B) * Double(T) * Double(kind.gateCount * H) * Double(I + H)
}

/// "× limit" rows for the "rnn f+b" rows already measured: time ÷ (FLOP ÷ FMA limit),
/// with the limit on each thread count measured by `limit` (GFLOP/s) and reported first.
func fmaLimitRows(_ measured: [BenchRow], sizes: [(kind: CellKind, B: Int, T: Int, I: Int, H: Int)],
                  limit measure: (Int) -> Double = { fmaLimitGFLOPs(threads: $0) }) -> [BenchRow] {
    var rows: [BenchRow] = []
    for threads in [1, 2] {
        let limit = measure(threads)
        rows.append(BenchRow(group: "fma limit", name: "float32 FMA chains", threads: threads, value: limit,
                             unit: "GFLOP/s"))
        for s in sizes {
            let name = "\(s.kind.rawValue) B\(s.B) T\(s.T) I\(s.I) H\(s.H)"
            guard let row = measured.first(where: { $0.group == "rnn f+b" && $0.name == name && $0.threads == threads })
            else { continue }
            let atLimit = recurrentFLOPs(kind: s.kind, B: s.B, T: s.T, I: s.I, H: s.H) / (limit * 1e9) * 1e3
            rows.append(BenchRow(group: "rnn ÷ limit", name: name, threads: threads, value: row.value / atLimit,
                                 unit: "×"))
        }
    }
    return rows
}

/// Independent FMA chains on 16-lane registers.
enum FmaChains {
    static let count = 12

    @inline(never)
    static func run(iterations: Int, seed: Float) -> Float {
        let s = SIMD16<Float>(repeating: 0.999_9), d = SIMD16<Float>(repeating: 1e-6)
        var a0 = SIMD16<Float>(repeating: seed), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3, a4 = a0 + 4, a5 = a0 + 5
        var a6 = a0 + 6, a7 = a0 + 7, a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11
        for _ in 0..<iterations {
            a0 = d.addingProduct(a0, s); a1 = d.addingProduct(a1, s); a2 = d.addingProduct(a2, s)
            a3 = d.addingProduct(a3, s); a4 = d.addingProduct(a4, s); a5 = d.addingProduct(a5, s)
            a6 = d.addingProduct(a6, s); a7 = d.addingProduct(a7, s); a8 = d.addingProduct(a8, s)
            a9 = d.addingProduct(a9, s); a10 = d.addingProduct(a10, s); a11 = d.addingProduct(a11, s)
        }
        let sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11))
        return sum.sum()
    }
}
