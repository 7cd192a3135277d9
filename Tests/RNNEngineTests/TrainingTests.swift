import Testing
import RNNEngine

/// Small end-to-end runs: the tape, a layer, a loss and an optimiser together.
@Suite struct TrainingTests {
    /// A 2-8-1 tanh MLP learns XOR from a fixed seed: the loss falls below 0.01
    /// and all four points are classified right. Chance level is loss ≈ 0.69.
    @Test func mlpLearnsXOR() {
        var rng = SplitMix64(seed: 42)
        let hidden = Linear(2, 8, rng: &rng)
        let output = Linear(8, 1, rng: &rng)
        let x = Variable(Tensor(shape: [4, 2], scalars: [0, 0, 0, 1, 1, 0, 1, 1]))
        let y = Tensor(shape: [4, 1], scalars: [0, 1, 1, 0])
        let optimizer = Adam(hidden.parameters + output.parameters, learningRate: 0.05)
        var loss = Double.infinity
        for _ in 0..<500 {
            optimizer.zeroGrad()
            let l = binaryCrossEntropyWithLogits(output(hidden(x).tanh()), y)
            l.backward()
            optimizer.step()
            loss = l.value.item
        }
        #expect(loss < 0.01, "XOR loss after 500 steps: \(loss)")
        let predictions = output(hidden(x).tanh()).value.scalars.map { $0 > 0 ? 1 : 0 }
        #expect(predictions == [0, 1, 1, 0])
    }

    /// Adam on an ill-conditioned quadratic ½ Σ cᵢ (θᵢ − tᵢ)² reaches the minimum.
    @Test func adamConvergesOnAQuadratic() {
        let curvature = Tensor(shape: [4], scalars: [100, 1, 0.1, 10])
        let target = Tensor(shape: [4], scalars: [1, -2, 3, 0.5])
        let theta = Variable(Tensor(zeros: [4]), requiresGrad: true)
        let adam = Adam([theta], learningRate: 0.05)
        for _ in 0..<2000 {
            adam.zeroGrad()
            let d = theta - Variable(target)
            (Variable(curvature) * d * d * 0.5).sum().backward()
            adam.step()
        }
        for (a, b) in zip(theta.value.scalars, target.scalars) {
            #expect(abs(a - b) < 1e-2, "θ = \(theta.value.scalars), target \(target.scalars)")
        }
    }

    /// Gradients accumulate over backward calls until zeroGrad, as in PyTorch.
    @Test func gradientsAccumulate() {
        let w = Variable(Tensor(shape: [2], scalars: [1, 2]), requiresGrad: true)
        (w * w).sum().backward()
        (w * w).sum().backward()
        #expect(w.grad!.scalars == [4, 8])
        w.zeroGrad()
        #expect(w.grad == nil)
    }

    /// A parameter used at many "time steps" sums its gradient over all of them,
    /// and a graph far deeper than the call stack backpropagates (iterative order).
    @Test func deepChainBackpropagates() {
        let w = Variable(Tensor(shape: [1], scalars: [0.999]), requiresGrad: true)
        var h = Variable(Tensor(shape: [1], scalars: [1]))
        for _ in 0..<20_000 { h = h * w }
        h.sum().backward()
        // d(w^n)/dw = n·w^(n−1)
        let expected = 20_000 * Foundation.pow(0.999, 19_999.0)
        #expect(abs(w.grad!.item - expected) / expected < 1e-3)
    }
}

import Foundation
