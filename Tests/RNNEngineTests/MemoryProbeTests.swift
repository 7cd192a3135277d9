import Testing
import RNNEngine

/// The memory probe on a network whose memory is known exactly, on a random
/// one, and its solver against closed forms.
@Suite struct MemoryProbeTests {
    /// A ReLU shift register: I inputs, k + 1 blocks of I units. W_ih copies x_t into
    /// block 0, W_hh moves block i − 1 into block i, biases are 0. With inputs in
    /// [0, 1] the ReLU passes everything, so block i of h_t is exactly x_{t−i} (i ≤ k)
    /// and nothing older is left anywhere in h_t.
    static func delayLine(inputs I: Int, keeps k: Int) -> SimpleRNN {
        let H = (k + 1) * I
        var rng = SplitMix64(seed: 3)
        let rnn = SimpleRNN(inputSize: I, hiddenSize: H, nonlinearity: .rnnReLU, rng: &rng, dtype: .float64)
        var wih = [Double](repeating: 0, count: H * I), whh = [Double](repeating: 0, count: H * H)
        for i in 0..<I { wih[i * I + i] = 1 }
        for block in 1...k { for i in 0..<I { whh[(block * I + i) * H + (block - 1) * I + i] = 1 } }
        let w = rnn.weights[0]
        w.weightIH.value = Tensor(shape: [H, I], doubles: wih)
        w.weightHH.value = Tensor(shape: [H, H], doubles: whh)
        w.biasIH.value = Tensor(zeros: [H], dtype: .float64)
        w.biasHH.value = Tensor(zeros: [H], dtype: .float64)
        return rnn
    }

    static func uniformInputs(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return Tensor(shape: shape, doubles: (0..<shape.reduce(1, *)).map { _ in rng.nextUnit() })
    }

    @Test func delayLineHoldsExactlyItsLags() {
        let (I, k, J) = (2, 3, 7)
        let rnn = Self.delayLine(inputs: I, keeps: k)
        let fit = Self.uniformInputs([32, 20, I], seed: 11), test = Self.uniformInputs([32, 20, I], seed: 12)
        // The construction does what it says: block i of h_t is x_{t−i}.
        let h = rnn(Variable(test)).output.value
        #expect(h[0, 10, 3 * I + 1] == test[0, 7, 1])
        let r2 = MemoryProbe.r2(of: rnn, fit: fit, test: test, maxLag: J)
        for j in 0...k { #expect(r2[j] > 0.999, "lag \(j): R² \(r2[j])") }
        for j in (k + 1)...J { #expect(abs(r2[j]) < 0.05, "lag \(j): R² \(r2[j])") }
    }

    /// Shorter rows give fewer pairs, and padding past a row's length is never read.
    @Test func lengthsHideThePadding() {
        let rnn = Self.delayLine(inputs: 1, keeps: 2)
        let fit = Self.uniformInputs([16, 12, 1], seed: 21), test = Self.uniformInputs([16, 12, 1], seed: 22)
        let lengths = (0..<16).map { 6 + $0 % 6 }
        var noisy = test
        for b in 0..<16 { for t in lengths[b]..<12 { noisy[b, t, 0] = 100 * Double(t) } }
        let clean = MemoryProbe.r2(of: rnn, fit: fit, test: test, testLengths: lengths, maxLag: 4)
        let padded = MemoryProbe.r2(of: rnn, fit: fit, test: noisy, testLengths: lengths, maxLag: 4)
        #expect(clean == padded)
        #expect(clean[2] > 0.999 && abs(clean[4]) < 0.2)
    }

    /// A random tanh network: every R² is finite and at most 1, and the input it just
    /// read is easier to read back than one 12 steps old.
    @Test func randomNetworkScoresAreAtMostOne() {
        var rng = SplitMix64(seed: 5)
        let rnn = SimpleRNN(inputSize: 3, hiddenSize: 16, rng: &rng, dtype: .float64)
        let fit = Tensor.normal([32, 30, 3], rng: &rng, dtype: .float64)
        let test = Tensor.normal([32, 30, 3], rng: &rng, dtype: .float64)
        let r2 = MemoryProbe.r2(of: rnn, fit: fit, test: test, maxLag: 12)
        #expect(r2.count == 13)
        for v in r2 { #expect(v.isFinite && v <= 1) }
        #expect(r2[0] > r2[12])
    }

    /// One feature: w = Σ x̃ỹ / ((1 + λ) Σ x̃²), x̃ and ỹ centred (λ′ = λ·Σx̃², the mean diagonal).
    @Test func oneFeatureRidgeMatchesClosedForm() {
        let x = [1.0, 2, 4, 7], y = [3.0, 1, 6, 5]
        let (mx, my) = (3.5, 3.75)
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        for lambda in [0.0, 0.1, 2] {
            let fit = RidgeRegression(x: x, y: y, rows: 4, features: 1, targets: 1, lambda: lambda)
            let w = sxy / ((1 + lambda) * sxx)
            #expect(abs(fit.weights[0] - w) < 1e-12)
            #expect(abs(fit.predict([10], rows: 1)[0] - (my + w * (10 - mx))) < 1e-12)
        }
    }

    /// Two features and two targets, λ = 0: the normal equations solved by the 2 × 2
    /// inverse; and exact data is recovered exactly.
    @Test func twoFeatureLeastSquaresMatchesInverse() {
        let x = [0.0, 1, 1, 0, 2, 1, 3, 5, 1, 1]   // 5 rows of 2
        let truth = [2.0, -1, 0.5, 3]              // (2, 2)
        var y = [Double]()
        for r in 0..<5 {
            for j in 0..<2 {
                let v: Double = x[r * 2] * truth[j] + x[r * 2 + 1] * truth[2 + j]
                y.append(v + Double(j) - 4)
            }
        }
        let fit = RidgeRegression(x: x, y: y, rows: 5, features: 2, targets: 2, lambda: 0)
        for i in 0..<4 { #expect(abs(fit.weights[i] - truth[i]) < 1e-10) }
        // Noisy targets: compare with (FcᵀFc)⁻¹ FcᵀYc by hand.
        let noise: [Double] = [0.3, -0.2, 0.1, 0.4, -0.5]
        var noisy = y
        for i in noisy.indices { noisy[i] += noise[i % 5] }
        var m = (0.0, 0.0)
        for r in 0..<5 { m.0 += x[r * 2] / 5; m.1 += x[r * 2 + 1] / 5 }
        var (a, b, d) = (0.0, 0.0, 0.0)
        var c = [0.0, 0.0, 0.0, 0.0]
        var ym = [0.0, 0.0]
        for r in 0..<5 { for j in 0..<2 { ym[j] += noisy[r * 2 + j] / 5 } }
        for r in 0..<5 {
            let (u, v) = (x[r * 2] - m.0, x[r * 2 + 1] - m.1)
            a += u * u; b += u * v; d += v * v
            for j in 0..<2 { c[j] += u * (noisy[r * 2 + j] - ym[j]); c[2 + j] += v * (noisy[r * 2 + j] - ym[j]) }
        }
        let det = a * d - b * b
        let expected = [
            (d * c[0] - b * c[2]) / det, (d * c[1] - b * c[3]) / det,
            (-b * c[0] + a * c[2]) / det, (-b * c[1] + a * c[3]) / det,
        ]
        let noisyFit = RidgeRegression(x: x, y: noisy, rows: 5, features: 2, targets: 2, lambda: 0)
        for i in 0..<4 { #expect(abs(noisyFit.weights[i] - expected[i]) < 1e-10, "\(noisyFit.weights) \(expected)") }
    }

    @Test func rSquaredOfPerfectAndOfMean() {
        let y = [1.0, 2, 3, 5]
        #expect(coefficientOfDetermination(predicted: y, actual: y, rows: 4, columns: 1) == 1)
        #expect(abs(coefficientOfDetermination(predicted: Array(repeating: 2.75, count: 4), actual: y, rows: 4, columns: 1)) < 1e-15)
        #expect(coefficientOfDetermination(predicted: [5, 3, 2, 1], actual: y, rows: 4, columns: 1) < 0)
    }
}
