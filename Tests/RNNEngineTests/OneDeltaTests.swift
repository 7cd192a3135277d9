import Testing
@testable import RNNEngine

/// The backward pass keeps δ once, time-major, when the cell's two sides share it
/// (`SequencePass.keepsOneDelta`: every cell but the GRU); ∂W_ih and ∂b_ih then read
/// its rows in batch-major order through `DeltaRows` for a narrow input
/// (`NarrowWeightGradient`), and for a wide one come from the product joined with
/// ∂W_hh's, in step order (`SequencePass+JointWeightGradient.swift`). The reference path
/// (`backward(…, reference: true)`) keeps the second, batch-major copy and, for a wide
/// input, takes ∂W_ih from it in step order as a product of its own; every
/// gradient must be bitwise the same: narrow and wide inputs, both directions,
/// padded rows, float32 and float64, one thread and two row parts. (With ∂x wanted,
/// `InputGradientInWalkTests` compares the same two paths.)
@Suite(.serialized) struct OneDeltaTests {
    @Test(arguments: [CellKind.rnnTanh, .lstm], [2, 8, 9, 40])
    func float32GradientsAreBitwiseThoseOfTwoCopies(kind: CellKind, input: Int) {
        check(kind, dtype: .float32, batch: 6, input: input, hidden: 20, threads: 1)
    }

    @Test(arguments: [CellKind.rnnTanh, .lstm])
    func float64GradientsAreBitwiseThoseOfTwoCopies(kind: CellKind) {
        check(kind, dtype: .float64, batch: 6, input: 3, hidden: 20, threads: 1)
        check(kind, dtype: .float64, batch: 6, input: 24, hidden: 20, threads: 1)
    }

    /// A pass large enough for two row parts (`SequencePass+RowSplit.swift`).
    @Test(arguments: [3, 40])
    func theRowSplitGivesBitwiseTheGradientsOfTwoCopies(input: Int) {
        #expect(SequencePass<Float>.rowParts(.lstm, batch: 20, steps: 7, hidden: 128, threads: 2) == 2,
                "the split would not run")
        check(.lstm, dtype: .float32, batch: 20, input: input, hidden: 128, threads: 2)
    }

    /// The one copy is taken exactly where the sides share δ.
    @Test func oneCopyOnlyWhereItHolds() {
        func pass(_ kind: CellKind) -> SequencePass<Float> {
            SequencePass(cell: CellStep(kind: kind, rows: 4, hidden: 8), batch: 4, steps: 3, input: 2, reverse: false,
                         mask: nil, recurrentMask: nil, gradientWindow: nil, keepsActivations: true)
        }
        #expect(pass(.lstm).keepsOneDelta && pass(.rnnTanh).keepsOneDelta)
        #expect(!pass(.gru).keepsOneDelta)
    }

    /// The joint weight product is taken for a wide input (I > 8) where δ is kept once.
    @Test func jointProductOnlyForOneDeltaAndAWideInput() {
        func pass(_ kind: CellKind, _ input: Int) -> SequencePass<Float> {
            SequencePass(cell: CellStep(kind: kind, rows: 4, hidden: 8), batch: 4, steps: 3, input: input,
                         reverse: false, mask: nil, recurrentMask: nil, gradientWindow: nil, keepsActivations: true)
        }
        #expect(pass(.lstm, 9).joinsWeightGradients && pass(.rnnReLU, 40).joinsWeightGradients)
        #expect(!pass(.lstm, 8).joinsWeightGradients && !pass(.gru, 40).joinsWeightGradients)
    }

    /// The step order over a batch-major buffer meets row (b, t) at p = k·B + b, where
    /// step k read time t, in both directions; the cursor agrees with `row`.
    @Test(arguments: [false, true])
    func stepOrderWalksABatchMajorBufferStepByStep(reverse: Bool) {
        let (B, T, W) = (3, 4, 2)
        // Row (b, t) holds t and b.
        var buffer = [Float](repeating: 0, count: B * T * W)
        for b in 0..<B {
            for t in 0..<T { (buffer[(b * T + t) * W], buffer[(b * T + t) * W + 1]) = (Float(t), Float(b)) }
        }
        buffer.withUnsafeBufferPointer { p in
            let rows = DeltaRows.stepOrder(ofBatchMajor: p.baseAddress!, sequences: B, steps: T, width: W,
                                           reverse: reverse)
            var cursor = rows.cursor(at: 0)
            for q in 0..<(B * T) {
                let (k, b) = (q / B, q % B)
                #expect(cursor.row == rows.row(q))
                #expect(rows.row(q)[0] == Float(reverse ? T - 1 - k : k) && rows.row(q)[1] == Float(b), "row \(q)")
                cursor.advance()
            }
        }
    }

    /// A walk over time-major rows in batch-major order meets every row once, in order.
    @Test(arguments: [false, true])
    func deltaRowsWalkTheBatchMajorOrder(reverse: Bool) {
        let (B, T, W) = (3, 4, 2)
        // Block k, row b holds the time t that step k read, and b.
        var buffer = [Float](repeating: 0, count: T * B * W)
        for k in 0..<T {
            for b in 0..<B {
                buffer[(k * B + b) * W] = Float(reverse ? T - 1 - k : k)
                buffer[(k * B + b) * W + 1] = Float(b)
            }
        }
        buffer.withUnsafeBufferPointer { p in
            let rows = DeltaRows.timeMajor(p.baseAddress!, sequences: B, steps: T, width: W, reverse: reverse)
            var cursor = rows.cursor(at: 0)
            for q in 0..<(B * T) {
                #expect(cursor.row == rows.row(q))
                #expect(cursor.row[0] == Float(q % T) && cursor.row[1] == Float(q / T), "row \(q)")
                cursor.advance()
            }
        }
    }

    /// Every gradient, one copy against two, in both directions, without ∂x.
    private func check(_ kind: CellKind, dtype: DType, batch B: Int, input I: Int, hidden H: Int, threads: Int) {
        let saved = Parallel.maxThreads
        Parallel.maxThreads = threads
        defer { Parallel.maxThreads = saved }
        for reverse in [false, true] {
            let pass = SequencePass<Float>.Generic(kind: kind, batch: B, steps: 7, input: I, hidden: H, reverse: reverse,
                                                   dtype: dtype)
            func run(reference: Bool) -> [[Double]] {
                pass.gradients(seed: 5, inputGradient: false, reference: reference)
            }
            let (one, two) = (run(reference: false), run(reference: true))
            #expect(one.count == two.count && one.count == 5)
            for (i, (a, b)) in zip(one, two).enumerated() {
                #expect(a == b, "\(kind) \(dtype) I \(I) reverse \(reverse): gradient \(i) (∂h_init, ∂W_ih, ∂W_hh, ∂b_ih, ∂b_hh) differs between one copy of δ and two")
            }
            #expect(one.allSatisfy { $0.contains { $0 != 0 } })
        }
    }
}
