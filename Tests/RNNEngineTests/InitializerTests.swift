import Testing
import RNNEngine

@Suite struct InitializerTests {
    func draw(_ i: Initializer, _ shape: [Int], seed: UInt64 = 1) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return i.make(shape, rng: &rng, dtype: .float64)
    }

    /// The sample standard deviation of each random initialiser matches its formula
    /// (within 5%, with 40,000 draws the sampling error is under 1%).
    @Test func randomInitialisersHaveTheirVariance() {
        let shape = [200, 200]  // fanIn = fanOut = 200
        let cases: [(Initializer, Double)] = [
            (.glorotUniform(), (6.0 / 400).squareRoot() / 3.0.squareRoot()),
            (.glorotNormal(), (2.0 / 400).squareRoot()),
            (.heUniform, (6.0 / 200).squareRoot() / 3.0.squareRoot()),
            (.heNormal, (2.0 / 200).squareRoot()),
            (.normal(mean: 0, std: 0.3), 0.3),
            (.uniform(low: -1, high: 1), 1 / 3.0.squareRoot()),
        ]
        for (i, expected) in cases {
            let t = draw(i, shape)
            let std = (t.sumOfSquares() / Double(t.count)).squareRoot()
            #expect(abs(std / expected - 1) < 0.05, "\(i): std \(std), expected \(expected)")
        }
    }

    @Test(arguments: [[5, 5], [3, 7], [7, 3]])
    func orthogonalHasOrthonormalRowsOrColumns(shape: [Int]) {
        let q = draw(.orthogonal(gain: 2), shape)
        // QᵀQ = 4I when tall or square, QQᵀ = 4I when wide.
        let g = shape[0] >= shape[1] ? Tensor.matmul(q, q, transposeA: true) : Tensor.matmul(q, q, transposeB: true)
        let k = min(shape[0], shape[1])
        for i in 0..<k {
            for j in 0..<k { #expect(abs(g[i, j] - (i == j ? 4 : 0)) < 1e-10) }
        }
    }

    @Test func identityAndConstants() {
        #expect(draw(.identity(gain: 0.5), [2, 3]).doubles == [0.5, 0, 0, 0, 0.5, 0])
        #expect(draw(.zeros, [3]).doubles == [0, 0, 0])
        #expect(draw(.constant(1), [2]).doubles == [1, 1])
    }

    /// Known spectra: a rotation by 90° scaled by 2 has eigenvalues ±2i (a complex
    /// pair, where plain power iteration does not settle); a triangular matrix has its
    /// diagonal as eigenvalues.
    @Test func spectralRadiusOfKnownMatrices() {
        let rotation = Tensor(shape: [2, 2], doubles: [0, -2, 2, 0])
        #expect(abs(rotation.spectralRadius() - 2) < 1e-6)
        let triangular = Tensor(shape: [3, 3], doubles: [0.5, 3, 1, 0, -0.9, 2, 0, 0, 0.2])
        #expect(abs(triangular.spectralRadius() - 0.9) < 1e-5)
        #expect(Tensor(zeros: [4, 4]).spectralRadius() == 0)
    }

    @Test func rescaleToASpectralRadius() {
        for radius in [0.5, 1.0, 1.5] {
            let w = draw(.normal(mean: 0, std: 1), [32, 32], seed: 9).rescaled(toSpectralRadius: radius)
            #expect(abs(w.spectralRadius() - radius) < 1e-4, "radius \(radius): \(w.spectralRadius())")
            // ‖Wᵏ‖^(1/k) approaches ρ: after 64 multiplications a vector's growth rate per step is ρ.
            var v = Tensor(shape: [32, 1], repeating: 1, dtype: .float64)
            var logGrowth = 0.0
            for k in 0..<200 {
                v = Tensor.matmul(w, v)
                let n = v.norm()
                if k >= 100 { logGrowth += Foundation.log(n) }
                v.scale(by: 1 / n)
            }
            #expect(abs(Foundation.exp(logGrowth / 100) - radius) < 0.05)
        }
    }
}

import Foundation
