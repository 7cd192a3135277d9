import Testing
@testable import RNNEngine

/// The backward pass keeps δ once, time-major, when the cell's two sides share it
/// and the input is narrow with no ∂x wanted (`SequencePass.keepsOneDelta`); ∂W_ih
/// and ∂b_ih then read it through `DeltaRows`. The same layer with ∂x wanted runs
/// the two-copy path, so comparing the parameter gradients of the two runs checks
/// that the one copy gives bitwise the gradients of two: forward and reverse
/// directions, padded rows, float32 and float64, one thread and the step loop's
/// two-thread row split.
@Suite(.serialized) struct OneDeltaTests {
    @Test(arguments: [CellKind.rnnTanh, .lstm])
    func float32GradientsAreBitwiseThoseOfTwoCopies(kind: CellKind) {
        check(kind, dtype: .float32, batch: 6, hidden: 20, threads: 1)
    }

    @Test(arguments: [CellKind.rnnTanh, .lstm])
    func float64GradientsAreBitwiseThoseOfTwoCopies(kind: CellKind) {
        check(kind, dtype: .float64, batch: 6, hidden: 20, threads: 1)
    }

    /// A pass large enough for two row parts (`SequencePass+RowSplit.swift`).
    @Test func theRowSplitGivesBitwiseTheGradientsOfTwoCopies() {
        #expect(SequencePass<Float>.rowParts(.lstm, batch: 20, steps: 7, hidden: 128, threads: 2) == 2,
                "the split would not run")
        check(.lstm, dtype: .float32, batch: 20, hidden: 128, threads: 2)
    }

    /// The one copy is taken exactly where the sides share δ, the input is narrow and no ∂x is wanted.
    @Test func oneCopyOnlyWhereItHolds() {
        func pass(_ kind: CellKind, input: Int) -> SequencePass<Float> {
            SequencePass(cell: CellStep(kind: kind, rows: 4, hidden: 8), batch: 4, steps: 3, input: input, reverse: false,
                         mask: nil, recurrentMask: nil, gradientWindow: nil, keepsActivations: true)
        }
        #expect(pass(.lstm, input: 2).keepsOneDelta(inputGradient: false))
        #expect(pass(.rnnTanh, input: 8).keepsOneDelta(inputGradient: false))
        #expect(!pass(.lstm, input: 2).keepsOneDelta(inputGradient: true))
        #expect(!pass(.lstm, input: 9).keepsOneDelta(inputGradient: false))
        #expect(!pass(.gru, input: 2).keepsOneDelta(inputGradient: false))
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

    /// Every parameter's gradient, as Doubles, with or without ∂x.
    private func gradients(_ kind: CellKind, dtype: DType, batch: Int, hidden: Int, threads: Int,
                           inputGradient: Bool) -> [[Double]] {
        let saved = Parallel.maxThreads
        Parallel.maxThreads = threads
        defer { Parallel.maxThreads = saved }
        let (B, T, I) = (batch, 7, 3)
        var rng = SplitMix64(seed: 5)
        var options = RecurrentOptions()
        options.bidirectional = true
        let layer = RecurrentLayer(kind, inputSize: I, hiddenSize: hidden, options: options, rng: &rng, dtype: dtype)
        let x = Variable(.normal([B, T, I], rng: &rng, dtype: dtype), requiresGrad: inputGradient)
        let mask = (0..<(B * T)).map { $0 % T < T - ($0 / T) % 3 }     // row b has T − (b mod 3) real steps
        let out = layer(x, mask: mask).output
        let weights = Tensor.normal(out.shape, rng: &rng, dtype: dtype)
        (out * Variable(weights)).sum().backward()
        #expect((x.grad != nil) == inputGradient)
        return layer.parameters.map { $0.grad!.doubles }
    }

    private func check(_ kind: CellKind, dtype: DType, batch: Int, hidden: Int, threads: Int) {
        let two = gradients(kind, dtype: dtype, batch: batch, hidden: hidden, threads: threads, inputGradient: true)
        let one = gradients(kind, dtype: dtype, batch: batch, hidden: hidden, threads: threads, inputGradient: false)
        #expect(one.count == two.count && !one.isEmpty)
        for (i, (a, b)) in zip(one, two).enumerated() {
            #expect(a == b, "\(kind) \(dtype): parameter \(i) differs between one copy of δ and two")
        }
        #expect(one.allSatisfy { $0.contains { $0 != 0 } })
    }
}
