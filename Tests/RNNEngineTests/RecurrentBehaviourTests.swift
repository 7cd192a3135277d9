import Testing
import RNNEngine

/// What the recurrent layers do beyond their gradients: BPTT against RTRL, the
/// cells against the layers, masks, truncated BPTT, dropout masks and probes.
@Suite struct RecurrentBehaviourTests {
    /// BPTT and RTRL compute the same gradient, for tanh and ReLU.
    @Test(arguments: [CellKind.rnnTanh, .rnnReLU])
    func rtrlMatchesBPTT(kind: CellKind) {
        let (B, T, I, H) = (2, 6, 3, 4)
        var rng = SplitMix64(seed: 21)
        let rnn = SimpleRNN(inputSize: I, hiddenSize: H, nonlinearity: kind, rng: &rng, dtype: .float64)
        let x = leaf([B, T, I], seed: 22)
        let h0 = leaf([B, H], seed: 23, scale: 0.5)
        var wrng = SplitMix64(seed: 24)
        let lossWeights = Tensor.normal([B, T, H], rng: &wrng, dtype: .float64)

        let out = rnn(x, initialHidden: h0.reshaped([1, B, H]))
        (out.output * Variable(lossWeights)).sum().backward()

        let rtrl = RTRL(rnn)
        rtrl.reset(batch: B, initialState: h0.value)
        for t in 0..<T {
            let h = rtrl.step(x.value.select(axis: 1, t))
            #expect(maxRelativeDifference(h.doubles, out.output.value.select(axis: 1, t).doubles) < 1e-12)
            rtrl.accumulate(lossGradient: lossWeights.select(axis: 1, t))
        }
        for (name, p) in rnn.namedParameters {
            let d = maxRelativeDifference(rtrl.gradients[name]!.doubles, p.grad!.doubles)
            #expect(d < 1e-10, "\(name): RTRL and BPTT differ by \(d)")
        }
    }

    /// A cell stepped by hand gives the layer's outputs, and is gradient-checked.
    @Test(arguments: CellKind.allCases)
    func cellMatchesLayer(kind: CellKind) throws {
        var rng = SplitMix64(seed: 31)
        let layer = RecurrentLayer(kind, inputSize: 3, hiddenSize: 4, rng: &rng, dtype: .float64)
        let cell = RecurrentCell(kind, inputSize: 3, hiddenSize: 4, rng: &rng, dtype: .float64)
        try cell.loadStateDict(Dictionary(uniqueKeysWithValues: layer.namedParameters.map {
            (String($0.name.dropLast(3)), $0.parameter.value)  // weight_ih_l0 → weight_ih
        }))
        let x = leaf([2, 5, 3], seed: 32)
        let full = layer(x).output.value
        var h: Variable? = nil, c: Variable? = nil
        for t in 0..<5 {
            (h, c) = cell(x.select(axis: 1, t), hidden: h, cell: c)
            #expect(maxRelativeDifference(h!.value.doubles, full.select(axis: 1, t).doubles) < 1e-12)
        }
        let r = gradientCheck(cell.parameters + [x]) {
            let (h1, c1) = cell(x.select(axis: 1, 0))
            let (h2, c2) = cell(x.select(axis: 1, 1), hidden: h1, cell: c1)
            return weightedSum(h2) + (c2.map { weightedSum($0) } ?? h2.sum() * 0)
        }
        #expect(r.passed, "\(r)")
    }

    /// Padding at the end changes nothing: outputs on real steps, the final state
    /// and the weight gradients equal those of the unpadded sequence, and padded
    /// steps output the carried state.
    @Test(arguments: CellKind.allCases)
    func paddedStepsKeepTheState(kind: CellKind) {
        var rng = SplitMix64(seed: 41)
        let layer = RecurrentLayer(kind, inputSize: 2, hiddenSize: 3, options: .init(bidirectional: true),
                                   rng: &rng, dtype: .float64)
        let short = leaf([1, 3, 2], seed: 42)
        let padded = Variable(Tensor.concat([short.value, Tensor(shape: [1, 2, 2], repeating: 9, dtype: .float64)], axis: 1))
        let a = layer(short)
        a.finalHidden.sum().backward()
        let gradShort = layer.parameters.map { $0.grad!.doubles }
        layer.zeroGrad()
        let b = layer(padded, mask: [true, true, true, false, false])
        b.finalHidden.sum().backward()
        #expect(maxRelativeDifference(b.finalHidden.value.doubles, a.finalHidden.value.doubles) < 1e-12)
        #expect(maxRelativeDifference(b.output.value.slice(axis: 1, 0..<3).doubles, a.output.value.doubles) < 1e-12)
        // The forward direction's output at padded steps repeats its state after step 2.
        let forwardPadded = b.output.value.slice(axis: 2, 0..<3)
        #expect(forwardPadded.select(axis: 1, 4).doubles == forwardPadded.select(axis: 1, 2).doubles)
        for (g, p) in zip(gradShort, layer.parameters) {
            #expect(maxRelativeDifference(p.grad!.doubles, g) < 1e-12, "\(p.name)")
        }
    }

    /// Truncated BPTT: windows of k steps with the state carried (detached) across
    /// them give the same outputs as one pass, and no gradient crosses a window edge.
    @Test func truncatedBPTTCarriesTheState() {
        var rng = SplitMix64(seed: 51)
        let lstm = LSTM(inputSize: 2, hiddenSize: 3, rng: &rng, dtype: .float64)
        let x = leaf([2, 9, 2], seed: 52)
        let full = lstm(x).output.value
        var h: Variable? = nil, c: Variable? = nil
        var pieces: [Tensor] = []
        for start in stride(from: 0, to: 9, by: 3) {
            let window = x.slice(axis: 1, start..<(start + 3))
            let out = lstm(window, initialHidden: h, initialCell: c)
            pieces.append(out.output.value)
            out.output.sum().backward()
            (h, c) = (out.finalHidden.detached(), out.finalCell!.detached())
        }
        #expect(maxRelativeDifference(Tensor.concat(pieces, axis: 1).doubles, full.doubles) < 1e-12)
        // The first window's inputs got gradient only from the first window's loss.
        lstm.zeroGrad(); x.zeroGrad()
        let out = lstm(x.slice(axis: 1, 3..<6), initialHidden: h, initialCell: c)
        out.output.sum().backward()
        #expect(x.grad!.slice(axis: 1, 0..<3).maxAbs() == 0)
        #expect(x.grad!.slice(axis: 1, 3..<6).maxAbs() > 0)
    }

    /// Keras semantics: one input dropout mask per sequence, reused at every step,
    /// so a dropped feature gets no gradient at any step.
    @Test func inputDropoutMaskIsSharedAcrossTime() {
        var rng = SplitMix64(seed: 61)
        let gru = GRU(inputSize: 6, hiddenSize: 4, options: .init(inputDropout: 0.5), rng: &rng, dtype: .float64)
        let x = leaf([3, 5, 6], seed: 62)
        gru(x).output.sum().backward()
        var dropped = 0
        for b in 0..<3 {
            for i in 0..<6 {
                let column = (0..<5).map { x.grad![b, $0, i] }
                let zeros = column.filter { $0 == 0 }.count
                #expect(zeros == 0 || zeros == 5, "sample \(b) feature \(i): \(column)")
                if zeros == 5 { dropped += 1 }
            }
        }
        #expect(dropped > 0 && dropped < 18)
        // Not training: no dropout at all.
        gru.training = false
        x.zeroGrad()
        gru(x).output.sum().backward()
        #expect(x.grad!.doubles.allSatisfy { $0 != 0 })
    }

    /// The probe's ‖∂L/∂h_t‖ is the norm of the true gradient of the loss with respect
    /// to h_t, which for the last step is the upstream gradient itself; the recorded
    /// states and gates are those the layer computed.
    @Test func probesRecordStatesGatesAndGradientNorms() {
        var rng = SplitMix64(seed: 71)
        let lstm = LSTM(inputSize: 2, hiddenSize: 3, rng: &rng, dtype: .float64)
        lstm.probeSample = 1
        let x = leaf([2, 4, 2], seed: 72)
        var wrng = SplitMix64(seed: 73)
        let w = Tensor.normal([2, 4, 3], rng: &wrng, dtype: .float64)
        let out = lstm(x)
        (out.output * Variable(w)).sum().backward()
        let probe = lstm.probes[0]
        #expect(probe.hidden.shape == [4, 3] && probe.gates.shape == [4, 12] && probe.cell.shape == [4, 3])
        let h = out.output.value
        for t in 0..<4 { for j in 0..<3 { #expect(abs(probe.hidden[t, j] - h[1, t, j]) < 1e-6) } }
        // Gates are probabilities, the candidate in (−1, 1).
        #expect(probe.gate(0).doubles.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(probe.gate(2).doubles.allSatisfy { $0 > -1 && $0 < 1 })
        let lastUpstream = w.select(axis: 0, 1).select(axis: 0, 3).norm()
        #expect(abs(probe.gradientNorms[3] - lastUpstream) < 1e-9)
        #expect(probe.gradientNorms.allSatisfy { $0 > 0 })
        // Off by default: no probes.
        let plain = LSTM(inputSize: 2, hiddenSize: 3, rng: &rng)
        _ = plain(Variable(Tensor(zeros: [1, 2, 2])))
        #expect(plain.probes.isEmpty)
    }

    /// With a small recurrent matrix the gradient vanishes back through time: a tanh
    /// RNN with spectral radius 0.5 and T = 50 keeps less than 1e-3 of ‖∂L/∂h_T‖ at t = 0.
    @Test func gradientVanishesWithASmallSpectralRadius() {
        var rng = SplitMix64(seed: 81)
        let rnn = SimpleRNN(inputSize: 1, hiddenSize: 16, rng: &rng)
        rnn.weights[0].weightHH.value = rnn.weights[0].weightHH.value.rescaled(toSpectralRadius: 0.5)
        #expect(abs(rnn.spectralRadii()[0] - 0.5) < 1e-3)
        rnn.probeSample = 0
        let x = Variable(.normal([1, 50, 1], rng: &rng))
        let out = rnn(x, initialHidden: nil)
        out.finalHidden.sum().backward()
        let norms = rnn.probes[0].gradientNorms
        #expect(norms[0] < 1e-3 * norms[49], "‖∂L/∂h_0‖ = \(norms[0]), ‖∂L/∂h_T‖ = \(norms[49])")
        #expect(rnn.gradientNorms().count == 4)
    }
}
