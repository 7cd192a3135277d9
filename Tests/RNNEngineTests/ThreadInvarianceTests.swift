import Testing
@testable import RNNEngine

/// The recurrent layers give bitwise the same outputs and gradients on one thread
/// and on two: every product that splits over threads gives each output element to
/// one thread, in a fixed order. Sizes are chosen so the per-step products and the
/// weight-gradient products cross `gemmParallelThreshold` and really split
/// (B·G·H = 64·512·128 for the LSTM), in float32 and float64, with a bidirectional
/// two-layer stack and padding so the reverse direction and the mask paths run too.
@Suite(.serialized) struct ThreadInvarianceTests {
    @Test(arguments: [CellKind.rnnTanh, .lstm, .gru])
    func float32ForwardAndBackwardAreBitwiseTheSame(kind: CellKind) {
        check(kind, dtype: .float32)
    }

    @Test(arguments: [CellKind.lstm, .gru])
    func float64ForwardAndBackwardAreBitwiseTheSame(kind: CellKind) {
        check(kind, dtype: .float64)
    }

    /// The pass's own two-thread split (`SequencePass+RowSplit.swift`) with uneven
    /// parts: B 20 is cut into rows 0..<16 and 16..<20, the second below the
    /// micro-kernel's 8 rows (`gemmPackedRows`).
    @Test(arguments: [CellKind.rnnTanh, .lstm, .gru])
    func unevenRowPartsAreBitwiseOneThread(kind: CellKind) {
        #expect(SequencePass<Float>.rowParts(kind, batch: 20, steps: 6, hidden: 128, threads: 2) == 2,
                "the split would not run")
        check(kind, dtype: .float32, batch: 20)
    }

    /// The probes the lab draws from (h, c and the gates of one sample at every step,
    /// ‖∂L/∂h_t‖ and ‖∂L/∂h_init‖) are recorded by the part that owns the sample's row,
    /// and are the same on two threads as on one; here at the lesson's size, with the
    /// sample in the second part and padding.
    @Test(arguments: [CellKind.lstm, .gru])
    func probesAreTheSameOnTwoThreads(kind: CellKind) {
        let (B, T, H) = (32, 100, 32)
        #expect(SequencePass<Float>.rowParts(kind, batch: B, steps: T, hidden: H, threads: 2) == 2,
                "the lesson's size would not split")
        func probed(threads: Int) -> [[Double]] {
            let saved = Parallel.maxThreads
            Parallel.maxThreads = threads
            defer { Parallel.maxThreads = saved }
            var rng = SplitMix64(seed: 3)
            let layer = RecurrentLayer(kind, inputSize: 2, hiddenSize: H, rng: &rng)
            layer.probeSample = 29
            let x = Variable(.normal([B, T, 2], rng: &rng))
            let mask = (0..<(B * T)).map { $0 % T < T - ($0 / T) % 5 }
            layer(x, mask: mask).output.sum().backward()
            let probe = layer.probes[0]
            return [probe.hidden.doubles, probe.cell.doubles, probe.gates.doubles, probe.gradientNorms,
                    [probe.initialStateGradientNorm]] + layer.parameters.map { $0.grad!.doubles }
        }
        let (one, two) = (probed(threads: 1), probed(threads: 2))
        for (i, (a, b)) in zip(one, two).enumerated() {
            #expect(a == b, "\(kind): probe or gradient \(i) differs between 1 and 2 threads")
        }
        #expect(one[0].contains { $0 != 0 } && one[3].contains { $0 != 0 }, "the probe recorded nothing")
    }

    /// Output (B, T, D·H), ∂x and every parameter's gradient, as Doubles, at `threads`.
    private func run(_ kind: CellKind, dtype: DType, threads: Int, batch: Int = 64) -> [[Double]] {
        let saved = Parallel.maxThreads
        Parallel.maxThreads = threads
        defer { Parallel.maxThreads = saved }
        let (B, T, I, H) = (batch, 6, 24, 128)
        var rng = SplitMix64(seed: 11)
        var options = RecurrentOptions()
        options.layers = 2
        options.bidirectional = true
        let layer = RecurrentLayer(kind, inputSize: I, hiddenSize: H, options: options, rng: &rng, dtype: dtype)
        let x = Variable(.normal([B, T, I], rng: &rng, dtype: dtype), requiresGrad: true)
        // Row b has T − (b mod 3) real steps.
        let mask = (0..<(B * T)).map { $0 % T < T - ($0 / T) % 3 }
        let out = layer(x, mask: mask).output
        let weights = Tensor.normal(out.shape, rng: &rng, dtype: dtype)
        (out * Variable(weights)).sum().backward()
        return [out.value.doubles, x.grad!.doubles] + layer.parameters.map { $0.grad!.doubles }
    }

    private func check(_ kind: CellKind, dtype: DType, batch: Int = 64) {
        let one = run(kind, dtype: dtype, threads: 1, batch: batch)
        let two = run(kind, dtype: dtype, threads: 2, batch: batch)
        #expect(one.count == two.count)
        for (i, (a, b)) in zip(one, two).enumerated() {
            #expect(a == b, "\(kind) \(dtype): tensor \(i) (0 output, 1 ∂x, then parameters) differs between 1 and 2 threads")
        }
        // Not vacuous: the gradients are there and not all zero.
        #expect(one.dropFirst().allSatisfy { $0.contains { $0 != 0 } })
    }
}

extension SequencePass<Float> {
    /// How many row parts a forward LSTM/GRU/RNN pass of this size runs in at `threads`.
    static func rowParts(_ kind: CellKind, batch: Int, steps: Int, hidden: Int, threads: Int) -> Int {
        let saved = Parallel.maxThreads
        Parallel.maxThreads = threads
        defer { Parallel.maxThreads = saved }
        return SequencePass(cell: CellStep(kind: kind, rows: batch, hidden: hidden), batch: batch, steps: steps,
                            input: 2, reverse: false, mask: nil, recurrentMask: nil, gradientWindow: nil,
                            keepsActivations: true).rowParts
    }
}
