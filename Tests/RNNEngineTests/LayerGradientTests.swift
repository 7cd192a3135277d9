import Testing
import RNNEngine

/// Layers and losses, gradient-checked with respect to their parameters and inputs.
@Suite struct LayerGradientTests {
    @Test func linearOnASequence() {
        var rng = SplitMix64(seed: 1)
        let layer = Linear(3, 4, rng: &rng, dtype: .float64)
        let x = leaf([2, 5, 3], seed: 2)
        let r = gradientCheck(layer.parameters + [x]) { weightedSum(layer(x)) }
        #expect(r.passed, "\(r)")
        #expect(layer.namedParameters.map(\.name) == ["weight", "bias"])
        #expect(layer.weight.shape == [4, 3])
    }

    @Test func linearWithoutBias() {
        var rng = SplitMix64(seed: 1)
        let layer = Linear(3, 2, bias: false, rng: &rng, dtype: .float64)
        let x = leaf([4, 3], seed: 2)
        let r = gradientCheck(layer.parameters + [x]) { weightedSum(layer(x).tanh()) }
        #expect(r.passed, "\(r)")
        #expect(layer.parameterCount == 6)
    }

    @Test func embedding() {
        var rng = SplitMix64(seed: 3)
        let emb = Embedding(6, 4, rng: &rng, dtype: .float64)
        let r = gradientCheck(emb.parameters) { weightedSum(emb([5, 1, 1, 0, 3, 5], shape: [2, 3])) }
        #expect(r.passed, "\(r)")
    }

    @Test func crossEntropyWithAndWithoutMask() {
        let logits = leaf([2, 3, 5], seed: 4, scale: 2)
        let targets = [0, 4, 2, 2, 1, 3]
        let plain = gradientCheck([logits]) { crossEntropy(logits, targets: targets) }
        let masked = gradientCheck([logits]) {
            crossEntropy(logits, targets: targets, mask: [true, true, false, true, false, true])
        }
        #expect(plain.passed, "\(plain)")
        #expect(masked.passed, "\(masked)")
    }

    /// Padded rows neither count in the mean nor receive gradient.
    @Test func maskedRowsGetNoGradient() {
        let logits = Variable(Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]), requiresGrad: true)
        let loss = crossEntropy(logits, targets: [0, 1, 0], mask: [true, false, true])
        loss.backward()
        #expect(logits.grad!.scalars[2] == 0 && logits.grad!.scalars[3] == 0)
        let unmasked = crossEntropy(Variable(Tensor(shape: [2, 2], scalars: [1, 2, 5, 6])), targets: [0, 0])
        #expect(abs(loss.value.item - unmasked.value.item) < 1e-6)
    }

    @Test func binaryCrossEntropyAndMSE() {
        let x = leaf([3, 4], seed: 5, scale: 3)
        var rng = SplitMix64(seed: 6)
        let y = Tensor.uniform([3, 4], rng: &rng, dtype: .float64)
        let bce = gradientCheck([x]) { binaryCrossEntropyWithLogits(x, y) }
        let mse = gradientCheck([x]) { meanSquaredError(x, y) }
        #expect(bce.passed, "\(bce)")
        #expect(mse.passed, "\(mse)")
    }

    /// Binary cross entropy on logits stays finite where the naive formula overflows.
    @Test func binaryCrossEntropyIsStableForLargeLogits() {
        let x = Variable(Tensor(shape: [2], scalars: [200, -200]), requiresGrad: true)
        let loss = binaryCrossEntropyWithLogits(x, Tensor(shape: [2], scalars: [0, 1]))
        loss.backward()
        #expect(abs(loss.value.item - 200) < 1e-3)
        #expect(x.grad!.scalars == [0.5, -0.5])
    }
}
