import Foundation
import RNNEngine
import Testing

/// The two negative controls of the lessons: RTRL without its indirect term
/// (lesson 2) and an LSTM whose forget gate is held at a fixed value (lesson 4).
@Suite struct NegativeControlTests {
    /// Dropping W_hh S_{t−1} leaves each step's loss only its own step's direct
    /// dependence on the weights: exactly truncated BPTT with a window of 1, and
    /// no longer the full gradient.
    @Test(arguments: [CellKind.rnnTanh, .rnnReLU])
    func rtrlWithoutIndirectTermIsOneStepBPTT(kind: CellKind) {
        let (B, T, I, H) = (2, 6, 3, 4)
        var rng = SplitMix64(seed: 41)
        let rnn = SimpleRNN(inputSize: I, hiddenSize: H, nonlinearity: kind, rng: &rng, dtype: .float64)
        let x = leaf([B, T, I], seed: 42)
        var wrng = SplitMix64(seed: 43)
        let lossWeights = Tensor.normal([B, T, H], rng: &wrng, dtype: .float64)
        func bptt(window: Int?) -> [String: [Double]] {
            for p in rnn.parameters { p.grad = nil }
            rnn.gradientWindow = window
            (rnn(x).output * Variable(lossWeights)).sum().backward()
            rnn.gradientWindow = nil
            return Dictionary(uniqueKeysWithValues: rnn.namedParameters.map { ($0.name, $0.parameter.grad!.doubles) })
        }
        let (oneStep, full) = (bptt(window: 1), bptt(window: nil))
        let rtrl = RTRL(rnn)
        rtrl.dropsIndirect = true
        rtrl.reset(batch: B)
        for t in 0..<T {
            rtrl.step(x.value.select(axis: 1, t))
            rtrl.accumulate(lossGradient: lossWeights.select(axis: 1, t))
        }
        for (name, g) in rtrl.gradients {
            let d = maxRelativeDifference(g.doubles, oneStep[name]!)
            #expect(d < 1e-10, "\(name): RTRL without the indirect term and one-step BPTT differ by \(d)")
        }
        let w = rtrl.gradients["weight_hh_l0"]!.doubles, f = full["weight_hh_l0"]!
        let gap = zip(w, f).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() / f.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(gap > 0.01, "without the indirect term W_hh's gradient should differ from the full one, differs by \(gap)")
    }

    /// With the forget gate held at v the layer computes c_t = v·c_{t−1} + i_t ⊙ g_t
    /// (checked against the equations written out here), the probe shows f = v, and
    /// the forget block of the weights gets no gradient.
    @Test func clampedForgetGateForward() {
        let (B, T, I, H) = (2, 5, 3, 4)
        let v = 0.5
        var rng = SplitMix64(seed: 51)
        var options = RecurrentOptions()
        options.forgetGateClamp = v
        let lstm = RecurrentLayer(.lstm, inputSize: I, hiddenSize: H, options: options, rng: &rng, dtype: .float64)
        lstm.probeSample = 0
        let x = leaf([B, T, I], seed: 52)
        let out = lstm(x)
        let w = lstm.weights[0]
        let (wih, whh) = (w.weightIH.value.doubles, w.weightHH.value.doubles)
        let bias = zip(w.biasIH.value.doubles, w.biasHH.value.doubles).map(+)
        func sigmoid(_ a: Double) -> Double { 1 / (1 + exp(-a)) }
        let xs = x.value.doubles, ys = out.output.value.doubles
        for b in 0..<B {
            var h = [Double](repeating: 0, count: H), c = h
            for t in 0..<T {
                var a = bias
                for r in 0..<(4 * H) {
                    for j in 0..<I { a[r] += wih[r * I + j] * xs[(b * T + t) * I + j] }
                    for j in 0..<H { a[r] += whh[r * H + j] * h[j] }
                }
                for j in 0..<H {
                    c[j] = v * c[j] + sigmoid(a[j]) * tanh(a[2 * H + j])
                    h[j] = sigmoid(a[3 * H + j]) * tanh(c[j])
                }
                let got = Array(ys[((b * T + t) * H)..<((b * T + t + 1) * H)])
                #expect(maxRelativeDifference(got, h) < 1e-12, "b \(b) t \(t)")
            }
        }
        let f = lstm.probes[0].gates.doubles
        for t in 0..<T { for j in 0..<H { #expect(f[t * 4 * H + H + j] == v) } }
        weightedSum(out.output).backward()
        let forgetRows = Array(w.weightIH.grad!.doubles[(H * I)..<(2 * H * I)]) + Array(w.weightHH.grad!.doubles[(H * H)..<(2 * H * H)])
        #expect(forgetRows.allSatisfy { $0 == 0 })
        #expect(w.weightIH.grad!.doubles.contains { $0 != 0 })
    }

    /// The clamped layer's gradients, by central differences in float64, with
    /// respect to every weight, the input and the initial states.
    @Test func clampedForgetGateGradients() {
        let (B, T, I, H) = (2, 4, 3, 3)
        var rng = SplitMix64(seed: 61)
        var options = RecurrentOptions()
        options.forgetGateClamp = 0.7
        let lstm = RecurrentLayer(.lstm, inputSize: I, hiddenSize: H, options: options, rng: &rng, dtype: .float64)
        let x = leaf([B, T, I], seed: 62)
        let h0 = leaf([1, B, H], seed: 63, scale: 0.5, name: "h0")
        let c0 = leaf([1, B, H], seed: 64, scale: 0.5, name: "c0")
        let r = gradientCheck(lstm.parameters + [x, h0, c0]) {
            let out = lstm(x, initialHidden: h0, initialCell: c0)
            return weightedSum(out.output, seed: 7) + weightedSum(out.finalCell!, seed: 9)
        }
        #expect(r.passed, "\(r)")
    }
}
