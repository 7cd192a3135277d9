import Testing
import RNNEngine

/// Truncated BPTT inside the layer (`gradientWindow` τ): the loss of step t reaches
/// back to steps t − τ < s ≤ t. Checked in float64 against two references that
/// compute the truncated sum explicitly: the plain twin walking back from every
/// step on its own (simple RNN), and the untruncated layer rerun on every window
/// x[t−τ+1 … t] from the detached state before it (every cell).
@Suite struct TruncatedBPTTTests {
    struct Case: CustomStringConvertible, Sendable {
        var kind: CellKind
        var window: Int
        var dropout = false
        var description: String { "\(kind.rawValue) τ \(window)" + (dropout ? " dropout" : "") }
    }

    /// The twin's explicit sum, for tanh and relu, several seeds and windows.
    @Test(arguments: [CellKind.rnnTanh, .rnnReLU].flatMap { k in [1, 2, 3, 6].map { Case(kind: k, window: $0) } })
    func simpleRNNMatchesTheTwin(_ c: Case) {
        let (B, T, I, H) = (2, 7, 3, 4)
        for seed in UInt64(1)...3 {
            var rng = SplitMix64(seed: 500 + seed)
            let rnn = SimpleRNN(inputSize: I, hiddenSize: H, nonlinearity: c.kind,
                                options: .init(gradientWindow: c.window), rng: &rng, dtype: .float64)
            let x = leaf([B, T, I], seed: 600 + seed)
            let h0 = leaf([B, H], seed: 700 + seed, scale: 0.5)
            var wrng = SplitMix64(seed: 800 + seed)
            let dL_dh = Tensor.normal([B, T, H], rng: &wrng, dtype: .float64)
            (rnn(x, initialHidden: h0.reshaped([1, B, H])).output * Variable(dL_dh)).sum().backward()
            let twin = SimpleRNNBPTT(rnn).run(x: x.value, initialState: h0.value, outputGradient: dL_dh, window: c.window)
            for (name, p) in rnn.namedParameters {
                let d = maxRelativeDifference(p.grad!.doubles, twin.gradients[name]!.doubles)
                #expect(d < 1e-12, "\(c) seed \(seed) \(name): \(d)")
            }
            #expect(maxRelativeDifference(x.grad!.doubles, twin.inputGradient.doubles) < 1e-12, "\(c) seed \(seed) x")
            #expect(maxRelativeDifference(h0.grad!.doubles, twin.initialStateGradient.doubles) < 1e-12, "\(c) seed \(seed) h0")
        }
    }

    /// The twin's truncated sum with τ = T is its full BPTT (the definition's edge).
    @Test func twinWindowOfTIsFull() {
        var rng = SplitMix64(seed: 9)
        let rnn = SimpleRNN(inputSize: 2, hiddenSize: 3, rng: &rng, dtype: .float64)
        let x = Tensor.normal([2, 5, 2], rng: &rng, dtype: .float64)
        let dy = Tensor.normal([2, 5, 3], rng: &rng, dtype: .float64)
        let twin = SimpleRNNBPTT(rnn)
        let (full, cut) = (twin.run(x: x, outputGradient: dy), twin.run(x: x, outputGradient: dy, window: 5))
        for name in full.gradients.keys {
            #expect(maxRelativeDifference(full.gradients[name]!.doubles, cut.gradients[name]!.doubles) < 1e-13)
        }
        #expect(maxRelativeDifference(full.initialStateGradient.doubles, cut.initialStateGradient.doubles) < 1e-13)
    }

    /// Every cell against the layer rerun on each window from the detached state:
    /// loss_t = w_t · h_t computed from x[t−τ+1 … t] (from the live initial state
    /// when the window reaches the start), summed, differentiated on the tape. With
    /// dropout, every call draws the same per-sequence masks (the generator is reseeded).
    @Test(arguments: CellKind.allCases.flatMap { k in
        [1, 2, 4].flatMap { w in [false, true].map { Case(kind: k, window: w, dropout: $0) } }
    })
    func everyCellMatchesRerunWindows(_ c: Case) {
        let (B, T, I, H) = (2, 6, 3, 4)
        var rng = SplitMix64(seed: 900)
        let options = RecurrentOptions(inputDropout: c.dropout ? 0.3 : 0, recurrentDropout: c.dropout ? 0.4 : 0)
        let layer = RecurrentLayer(c.kind, inputSize: I, hiddenSize: H, options: options, rng: &rng, dtype: .float64)
        func run(_ x: Variable, _ h: Variable?, _ cell: Variable?) -> RecurrentOutput {
            layer.rng = SplitMix64(seed: 5)
            return layer(x, initialHidden: h, initialCell: cell)
        }
        let x = leaf([B, T, I], seed: 901)
        let h0 = leaf([1, B, H], seed: 902, scale: 0.5)
        let c0 = leaf([1, B, H], seed: 903, scale: 0.5)
        var wrng = SplitMix64(seed: 904)
        let w = Tensor.normal([B, T, H], rng: &wrng, dtype: .float64)
        let wCell = Tensor.normal([1, B, H], rng: &wrng, dtype: .float64)
        let cInit = c.kind.hasCellState ? c0 : nil

        layer.gradientWindow = c.window
        let out = run(x, h0, cInit)
        var loss = (out.output * Variable(w)).sum()
        if let cell = out.finalCell { loss = loss + (cell * Variable(wCell)).sum() }
        loss.backward()
        let fused = (layer.parameters + [x, h0] + (cInit.map { [$0] } ?? [])).map { $0.grad!.doubles }

        layer.gradientWindow = nil
        layer.zeroGrad(); x.zeroGrad(); h0.zeroGrad(); c0.zeroGrad()
        var reference: Variable? = nil
        for t in 0..<T {
            let start = max(0, t - c.window + 1)
            var (h, cell): (Variable?, Variable?) = (h0, cInit)
            if start > 0 {
                let before = run(x.slice(axis: 1, 0..<start), h0, cInit)
                (h, cell) = (before.finalHidden.detached(), before.finalCell?.detached())
            }
            let window = run(x.slice(axis: 1, start..<(t + 1)), h, cell)
            var term = (window.finalHidden.select(axis: 0, 0) * Variable(w.select(axis: 1, t))).sum()
            if t == T - 1, let fc = window.finalCell { term = term + (fc * Variable(wCell)).sum() }
            reference = reference.map { $0 + term } ?? term
        }
        reference!.backward()
        let explicit = (layer.parameters + [x, h0] + (cInit.map { [$0] } ?? [])).map { $0.grad?.doubles }
        for (i, (a, b)) in zip(fused, explicit).enumerated() {
            let d = maxRelativeDifference(a, b ?? [Double](repeating: 0, count: a.count))
            #expect(d < 1e-12, "\(c) input \(i): \(d)")
        }
    }

    /// τ ≥ T is full BPTT, bit for bit; τ < T is not (the option has an effect), and
    /// with τ = 1 no input before the last step hears from the last step's loss.
    @Test(arguments: CellKind.allCases)
    func windowAtLeastTIsFullBPTT(kind: CellKind) {
        let T = 5
        var rng = SplitMix64(seed: 1000)
        let layer = RecurrentLayer(kind, inputSize: 2, hiddenSize: 3, options: .init(bidirectional: true),
                                   rng: &rng, dtype: .float64)
        let x = leaf([2, T, 2], seed: 1001)
        func gradients(_ window: Int?, loss: (Variable) -> Variable = { weightedSum($0) }) -> [[Double]] {
            layer.gradientWindow = window
            layer.zeroGrad(); x.zeroGrad()
            loss(layer(x).output).backward()
            return (layer.parameters + [x]).map { $0.grad?.doubles ?? [] }
        }
        let full = gradients(nil)
        #expect(gradients(T) == full)
        #expect(gradients(T + 3) == full)
        #expect(gradients(T - 1) != full)
        // τ = 1, loss on the forward direction's last output only: x_t for t < T−1 gets nothing from it.
        _ = gradients(1) { ($0.select(axis: 1, T - 1).slice(axis: 1, 0..<3) * 1).sum() }
        #expect(x.grad!.slice(axis: 1, 0..<(T - 1)).maxAbs() == 0)
        #expect(x.grad!.select(axis: 1, T - 1).maxAbs() > 0)
    }

    /// Padding under truncation, both directions: with the loss on the real steps, a
    /// padded row's weight and input gradients equal those of the row run alone.
    /// (Padded steps count as steps of the window; they pass the gradient through
    /// unchanged and add no δ.)
    @Test(arguments: CellKind.allCases)
    func paddedRowsUnderTruncation(kind: CellKind) {
        var rng = SplitMix64(seed: 1100)
        let layer = RecurrentLayer(kind, inputSize: 2, hiddenSize: 3, options: .init(bidirectional: true, gradientWindow: 2),
                                   rng: &rng, dtype: .float64)
        let short = leaf([1, 4, 2], seed: 1101)
        let padded = Variable(Tensor.concat([short.value, Tensor(shape: [1, 2, 2], repeating: 5, dtype: .float64)], axis: 1),
                              requiresGrad: true)
        weightedSum(layer(short).output, seed: 3).backward()
        let alone = layer.parameters.map { $0.grad!.doubles }
        layer.zeroGrad()
        // Loss only on the real steps of the padded row.
        let out = layer(padded, mask: [true, true, true, true, false, false])
        weightedSum(out.output.slice(axis: 1, 0..<4), seed: 3).backward()
        for (a, p) in zip(alone, layer.parameters) {
            #expect(maxRelativeDifference(p.grad!.doubles, a) < 1e-12, "\(kind) \(p.name)")
        }
        #expect(maxRelativeDifference(padded.grad!.slice(axis: 1, 0..<4).doubles, {
            short.zeroGrad(); layer.zeroGrad()
            weightedSum(layer(short).output, seed: 3).backward()
            return short.grad!.doubles
        }()) < 1e-12)
    }

    /// The reverse direction truncates in its own reading order: reading x backwards
    /// gives the outputs and gradients of the same layer reading x reversed in time.
    @Test(arguments: CellKind.allCases)
    func readingBackwardsTruncatesInReadingOrder(kind: CellKind) {
        func layer(backwards: Bool) -> RecurrentLayer {
            var rng = SplitMix64(seed: 1200)
            return RecurrentLayer(kind, inputSize: 2, hiddenSize: 3,
                                  options: .init(goBackwards: backwards, gradientWindow: 2), rng: &rng, dtype: .float64)
        }
        let (back, forward) = (layer(backwards: true), layer(backwards: false))
        let x = leaf([2, 6, 2], seed: 1201)
        let xReversed = Variable(Variable(x.value).reversed(axis: 1).value, requiresGrad: true)
        let (outBack, outForward) = (back(x).output, forward(xReversed).output)
        #expect(outBack.value.doubles == outForward.value.doubles)
        weightedSum(outBack, seed: 4).backward()
        weightedSum(outForward, seed: 4).backward()
        for (b, f) in zip(back.parameters, forward.parameters) {
            #expect(maxRelativeDifference(b.grad!.doubles, f.grad!.doubles) < 1e-12, "\(kind) \(b.name)")
        }
        #expect(maxRelativeDifference(x.grad!.doubles, Variable(xReversed.grad!).reversed(axis: 1).value.doubles) < 1e-12)
    }
}
