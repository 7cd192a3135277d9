import Testing
import RNNEngine
@testable import rnnlab

/// The "× limit" rows of `rnnlab bench --only rnn`: the FLOP count of a recurrent
/// forward + backward and the ratio of a measured time to that count at the limit.
struct FmaLimitTests {
    /// 6·B·T·G·(I + H) is the sum of the six products' multiply-adds, counted one by one.
    @Test(arguments: [(CellKind.lstm, 64, 100, 64, 128), (.gru, 128, 28, 28, 128), (.rnnTanh, 1, 100, 8, 32)])
    func flopsAreTheSixProducts(kind: CellKind, B: Int, T: Int, I: Int, H: Int) {
        let (rows, G) = (Double(B * T), Double(kind.gateCount * H))
        let forward = rows * Double(I) * G + rows * Double(H) * G            // x·W_ihᵀ, h·W_hhᵀ
        let backward = rows * G * Double(I) * 2 + rows * G * Double(H) * 2   // ∂x, ∂W_ih, ∂h, ∂W_hh
        #expect(recurrentFLOPs(kind: kind, B: B, T: T, I: I, H: H) == 2 * (forward + backward))
    }

    /// The LSTM at (64, 100, 64, 128) with ∂x is 3.77 GFLOP (the 3.36 left ∂x out).
    @Test func theBigLSTMIsThreePointSevenSevenGFLOP() {
        #expect(abs(recurrentFLOPs(kind: .lstm, B: 64, T: 100, I: 64, H: 128) - 3.775e9) < 1e6)
    }

    /// A row that took exactly as long as its FLOP at the limit reads 1×; twice as long, 2×;
    /// each thread count is set against its own limit, and rows not measured are left out.
    @Test func ratiosAreTimeOverTimeAtTheLimit() {
        let flops = recurrentFLOPs(kind: .lstm, B: 64, T: 100, I: 64, H: 128)
        let limits = [1: 100.0, 2: 200.0]                                     // GFLOP/s
        let atLimit1 = flops / 100e9 * 1e3, atLimit2 = flops / 200e9 * 1e3    // ms
        let measured = [
            BenchRow(group: "rnn f+b", name: "lstm B64 T100 I64 H128", threads: 1, value: atLimit1, unit: "ms"),
            BenchRow(group: "rnn f+b", name: "lstm B64 T100 I64 H128", threads: 2, value: 2 * atLimit2, unit: "ms"),
            BenchRow(group: "rnn fwd", name: "lstm B64 T100 I64 H128", threads: 1, value: 1, unit: "ms"),
        ]
        let rows = fmaLimitRows(measured, sizes: [(.lstm, 64, 100, 64, 128), (.gru, 1, 100, 8, 32)],
                                limit: { limits[$0]! })
        #expect(rows.map(\.group) == ["fma limit", "rnn ÷ limit", "fma limit", "rnn ÷ limit"])
        #expect(rows.map(\.threads) == [1, 1, 2, 2])
        #expect(rows[0].value == 100 && rows[2].value == 200)
        #expect(abs(rows[1].value - 1) < 1e-12 && abs(rows[3].value - 2) < 1e-12)
    }

    /// The FMA chains compute what they claim: 16·12 lanes of a ← a·s + d, summed.
    @Test func chainsComputeTheirRecurrence() {
        var expected: Float = 0
        for chain in 0..<FmaChains.count {
            var a = Float(1 + chain)
            for _ in 0..<3 { a = a * 0.999_9 + 1e-6 }
            expected += 16 * a
        }
        let got = FmaChains.run(iterations: 3, seed: 1)
        #expect(abs(got - expected) <= 1e-4 * abs(expected))
    }
}
