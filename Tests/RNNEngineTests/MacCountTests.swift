import Foundation
import Testing
import RNNEngine

/// `MultiplyAddCount` against counting: a plain Double BPTT and a plain RTRL,
/// each laid out as our kernels are (the same products, the same element-wise
/// work) and counting every multiplication as it makes it. Each counter is
/// trusted only because its gradients equal the engine's (the fused layer's and
/// `RTRL`'s), so it did the work the kernels do.
@Suite struct MacCountTests {
    /// Counts multiplications.
    final class Counter {
        var n = 0
        func mul(_ a: Double, _ b: Double) -> Double { n += 1; return a * b }
    }

    struct Weights {
        var wih: [Double], whh: [Double], bias: [Double]
        init(_ rnn: RecurrentLayer) {
            let w = rnn.weights[0]
            wih = w.weightIH.value.doubles
            whh = w.weightHH.value.doubles
            bias = zip(w.biasIH.value.doubles, w.biasHH.value.doubles).map(+)
        }
    }

    /// BPTT with a counter, laid out as `SequencePass`: forward h_t = φ(W_ih x_t + W_hh h_{t−1} + b),
    /// backward with ∂L/∂h_t = `dOut` at every step. Returns (∂W_ih, ∂W_hh, ∂x).
    static func countedBPTT(_ w: Weights, x: [Double], dOut: [Double], B: Int, T: Int, I: Int, H: Int,
                            tanh: Bool, inputGradient: Bool, counter k: Counter) -> (dwih: [Double], dwhh: [Double], dx: [Double]) {
        func act(_ a: Double) -> Double { tanh ? Foundation.tanh(a) : max(0, a) }
        var h = [Double](repeating: 0, count: (T + 1) * B * H)   // h[t+1] after step t; h[0] = 0
        for t in 0..<T {
            for b in 0..<B {
                for i in 0..<H {
                    var a = w.bias[i]
                    for j in 0..<I { a += k.mul(w.wih[i * I + j], x[(b * T + t) * I + j]) }
                    for j in 0..<H { a += k.mul(w.whh[i * H + j], h[(t * B + b) * H + j]) }
                    h[((t + 1) * B + b) * H + i] = act(a)
                }
            }
        }
        var g = [Double](repeating: 0, count: T * B * H)          // ∂L/∂(pre-activation)
        var dn = [Double](repeating: 0, count: B * H)              // ∂L/∂h_{t−1}
        for t in stride(from: T - 1, through: 0, by: -1) {
            var next = [Double](repeating: 0, count: B * H)
            for b in 0..<B {
                for i in 0..<H {
                    let d = dOut[(b * T + t) * H + i] + dn[b * H + i]
                    let y = h[((t + 1) * B + b) * H + i]
                    g[(t * B + b) * H + i] = tanh ? k.mul(d, 1 - k.mul(y, y)) : (y > 0 ? d : 0)
                }
                for j in 0..<H {
                    for i in 0..<H { next[b * H + j] += k.mul(g[(t * B + b) * H + i], w.whh[i * H + j]) }
                }
            }
            dn = next
        }
        var dwih = [Double](repeating: 0, count: H * I), dwhh = [Double](repeating: 0, count: H * H)
        var dx = [Double](repeating: 0, count: B * T * I)
        for t in 0..<T {
            for b in 0..<B {
                for i in 0..<H {
                    let gi = g[(t * B + b) * H + i]
                    for j in 0..<H { dwhh[i * H + j] += k.mul(gi, h[(t * B + b) * H + j]) }
                    for j in 0..<I { dwih[i * I + j] += k.mul(gi, x[(b * T + t) * I + j]) }
                    if inputGradient { for j in 0..<I { dx[(b * T + t) * I + j] += k.mul(gi, w.wih[i * I + j]) } }
                }
            }
        }
        return (dwih, dwhh, dx)
    }

    /// RTRL with a counter, laid out as `RTRL.step` and `RTRL.accumulate`. Returns ∂L/∂θ (P).
    static func countedRTRL(_ w: Weights, x: [Double], dOut: [Double], B: Int, T: Int, I: Int, H: Int,
                            tanh: Bool, counter k: Counter) -> [Double] {
        let P = H * I + H * H + 2 * H
        var S = [Double](repeating: 0, count: B * H * P)
        var state = [Double](repeating: 0, count: B * H)
        var grad = [Double](repeating: 0, count: P)
        for t in 0..<T {
            var next = [Double](repeating: 0, count: B * H)
            for b in 0..<B {
                var u = [Double](repeating: 0, count: H * P)
                for i in 0..<H { for p in 0..<P { for j in 0..<H { u[i * P + p] += k.mul(w.whh[i * H + j], S[(b * H + j) * P + p]) } } }
                for i in 0..<H {
                    var a = w.bias[i]
                    for j in 0..<I { a += k.mul(w.wih[i * I + j], x[(b * T + t) * I + j]) }
                    for j in 0..<H { a += k.mul(w.whh[i * H + j], state[b * H + j]) }
                    let y = tanh ? Foundation.tanh(a) : max(0, a)
                    let slope = tanh ? 1 - k.mul(y, y) : (a > 0 ? 1.0 : 0)
                    next[b * H + i] = y
                    for j in 0..<I { u[i * P + i * I + j] += x[(b * T + t) * I + j] }
                    for j in 0..<H { u[i * P + H * I + i * H + j] += state[b * H + j] }
                    u[i * P + H * I + H * H + i] += 1
                    u[i * P + H * I + H * H + H + i] += 1
                    for p in 0..<P { u[i * P + p] = k.mul(u[i * P + p], slope) }
                }
                for q in 0..<(H * P) { S[b * H * P + q] = u[q] }
            }
            state = next
            for b in 0..<B {
                for i in 0..<H {
                    for p in 0..<P { grad[p] += k.mul(dOut[(b * T + t) * H + i], S[(b * H + i) * P + p]) }
                }
            }
        }
        return grad
    }

    static let sizes: [(B: Int, I: Int, H: Int, T: Int)] = [(1, 1, 1, 1), (2, 3, 4, 5), (3, 2, 5, 4)]

    /// The engine's gradients for loss Σ dOut ⊙ h, float64.
    static func engine(_ s: (B: Int, I: Int, H: Int, T: Int), _ kind: CellKind)
        -> (rnn: SimpleRNN, x: Variable, dOut: Tensor) {
        var rng = SplitMix64(seed: UInt64(100 + s.H))
        let rnn = SimpleRNN(inputSize: s.I, hiddenSize: s.H, nonlinearity: kind, rng: &rng, dtype: .float64)
        let x = leaf([s.B, s.T, s.I], seed: 7)
        let dOut = Tensor.normal([s.B, s.T, s.H], rng: &rng, dtype: .float64)
        (rnn(x).output * Variable(dOut)).sum().backward()
        return (rnn, x, dOut)
    }

    @Test(arguments: [CellKind.rnnTanh, .rnnReLU])
    func bpttFormulaEqualsCountedBPTT(kind: CellKind) {
        for s in Self.sizes {
            for inputGradient in [false, true] {
                let (rnn, x, dOut) = Self.engine(s, kind)
                let k = Counter()
                let r = Self.countedBPTT(Weights(rnn), x: x.value.doubles, dOut: dOut.doubles, B: s.B, T: s.T, I: s.I, H: s.H,
                                         tanh: kind == .rnnTanh, inputGradient: inputGradient, counter: k)
                let w = rnn.weights[0]
                #expect(maxRelativeDifference(r.dwih, w.weightIH.grad!.doubles) < 1e-12)
                #expect(maxRelativeDifference(r.dwhh, w.weightHH.grad!.doubles) < 1e-12)
                if inputGradient { #expect(maxRelativeDifference(r.dx, x.grad!.doubles) < 1e-12) }
                let formula = MultiplyAddCount(batch: s.B, input: s.I, hidden: s.H, steps: s.T, nonlinearity: kind)
                #expect(formula.bptt(inputGradient: inputGradient) == k.n, "\(s) \(kind) ∂x \(inputGradient)")
            }
        }
    }

    @Test(arguments: [CellKind.rnnTanh, .rnnReLU])
    func rtrlFormulaEqualsCountedRTRL(kind: CellKind) {
        for s in Self.sizes {
            let (rnn, x, dOut) = Self.engine(s, kind)
            let k = Counter()
            let grad = Self.countedRTRL(Weights(rnn), x: x.value.doubles, dOut: dOut.doubles, B: s.B, T: s.T, I: s.I, H: s.H,
                                        tanh: kind == .rnnTanh, counter: k)
            // The same gradient as the engine's RTRL (and so as BPTT).
            let rtrl = RTRL(rnn)
            rtrl.reset(batch: s.B)
            for t in 0..<s.T {
                rtrl.step(x.value.select(axis: 1, t))
                rtrl.accumulate(lossGradient: dOut.select(axis: 1, t))
            }
            let w = rnn.weights[0]
            let engine = [w.weightIH, w.weightHH, w.biasIH, w.biasHH].flatMap { rtrl.gradients[$0.name]!.doubles }
            #expect(maxRelativeDifference(grad, engine) < 1e-12)
            let formula = MultiplyAddCount(batch: s.B, input: s.I, hidden: s.H, steps: s.T, nonlinearity: kind)
            #expect(formula.rtrl == k.n, "\(s) \(kind)")
        }
    }

    /// Both grow with H, RTRL faster than BPTT at every size.
    @Test func countsGrowWithHidden() {
        var last = (bptt: 0, rtrl: 0)
        for H in 1...64 {
            let c = MultiplyAddCount(batch: 2, input: 3, hidden: H, steps: 10)
            #expect(c.bptt() > last.bptt && c.rtrl > last.rtrl, "H \(H)")
            #expect(c.rtrl > c.bptt(), "H \(H)")
            last = (c.bptt(), c.rtrl)
        }
    }

    /// The growth exponents d log(count)/d log H tend to 4 for RTRL and 2 for BPTT.
    @Test func growthExponents() {
        func exponent(_ f: (Int) -> Double, _ h: Int) -> Double { log(f(2 * h) / f(h)) / log(2) }
        let rtrl = { (H: Int) in MultiplyAddCount(batch: 1, input: 4, hidden: H, steps: 10).rtrlPerStep }
        let bptt = { (H: Int) in MultiplyAddCount(batch: 1, input: 4, hidden: H, steps: 10).bpttPerStep() }
        #expect(abs(exponent(rtrl, 512) - 4) < 0.02)
        #expect(abs(exponent(bptt, 512) - 2) < 0.02)
        // The per-step counts do not depend on T.
        #expect(MultiplyAddCount(batch: 2, input: 3, hidden: 8, steps: 5).rtrlPerStep
                == MultiplyAddCount(batch: 2, input: 3, hidden: 8, steps: 50).rtrlPerStep)
        #expect(MultiplyAddCount(batch: 2, input: 3, hidden: 8, steps: 5).bpttPerStep()
                == MultiplyAddCount(batch: 2, input: 3, hidden: 8, steps: 50).bpttPerStep())
    }
}
