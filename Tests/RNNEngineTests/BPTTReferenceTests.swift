import Testing
import RNNEngine

/// The fused kernel against the plain BPTT twin (`SimpleRNNBPTT`), in float64:
/// states and every gradient, for tanh and ReLU and several seeds.
@Suite struct BPTTReferenceTests {
    struct Case: CustomStringConvertible, Sendable {
        var kind: CellKind
        var seed: UInt64
        var description: String { "\(kind.rawValue) seed \(seed)" }
    }

    static let cases = [CellKind.rnnTanh, .rnnReLU].flatMap { k in (1...4).map { Case(kind: k, seed: $0) } }

    @Test(arguments: cases)
    func kernelMatchesTheTwin(_ c: Case) {
        let (B, T, I, H) = (3, 7, 3, 5)
        var rng = SplitMix64(seed: 100 + c.seed)
        let rnn = SimpleRNN(inputSize: I, hiddenSize: H, nonlinearity: c.kind, rng: &rng, dtype: .float64)
        let x = leaf([B, T, I], seed: 200 + c.seed)
        let h0 = leaf([B, H], seed: 300 + c.seed, scale: 0.5)
        var wrng = SplitMix64(seed: 400 + c.seed)
        let dL_dh = Tensor.normal([B, T, H], rng: &wrng, dtype: .float64)

        let out = rnn(x, initialHidden: h0.reshaped([1, B, H]))
        (out.output * Variable(dL_dh)).sum().backward()
        let twin = SimpleRNNBPTT(rnn).run(x: x.value, initialState: h0.value, outputGradient: dL_dh)

        #expect(maxRelativeDifference(out.output.value.doubles, twin.states.doubles) < 1e-12)
        for (name, p) in rnn.namedParameters {
            let d = maxRelativeDifference(p.grad!.doubles, twin.gradients[name]!.doubles)
            #expect(d < 1e-12, "\(c) \(name): kernel and twin differ by \(d)")
        }
        #expect(maxRelativeDifference(x.grad!.doubles, twin.inputGradient.doubles) < 1e-12)
        #expect(maxRelativeDifference(h0.grad!.doubles, twin.initialStateGradient.doubles) < 1e-12)
        // The comparison has teeth: the gradient is far from zero.
        #expect(rnn.weights[0].weightHH.grad!.maxAbs() > 1e-2)
    }
}
