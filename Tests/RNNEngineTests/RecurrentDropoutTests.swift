import Testing
import RNNEngine

/// Dropout masks per sequence (Keras) and per step (`DropoutMaskScope`).
@Suite struct RecurrentDropoutTests {
    /// Per step, the (T, B, H) recurrent masks differ from step to step; per sequence
    /// there is one (B, H) mask. Both keep 1 − p of the units, scaled by 1/(1 − p).
    @Test func recurrentMasksPerStepDifferAndKeepTheRate() {
        let (B, T, H, p) = (16, 40, 32, 0.3)
        var rng = SplitMix64(seed: 3)
        let perStep = Tensor.recurrentDropoutMask(batch: B, steps: T, hidden: H, p: p, scope: .perStep, rng: &rng,
                                                  dtype: .float64)
        let shared = Tensor.recurrentDropoutMask(batch: B, steps: T, hidden: H, p: p, scope: .perSequence, rng: &rng,
                                                 dtype: .float64)
        #expect(perStep.shape == [T, B, H] && shared.shape == [B, H])
        let steps = (0..<T).map { perStep.select(axis: 0, $0).doubles }
        for t in 1..<T { #expect(steps[t] != steps[t - 1], "steps \(t - 1) and \(t) share a mask") }
        for mask in [perStep.doubles, shared.doubles] {
            #expect(mask.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) })
            let kept = Double(mask.filter { $0 != 0 }.count) / Double(mask.count)
            // Binomial standard deviation: 0.004 for the 512 shared units, 0.0006 for the 20480 per step.
            #expect(abs(kept - (1 - p)) < 5 * (p * (1 - p) / Double(mask.count)).squareRoot(), "kept \(kept)")
        }
    }

    /// In the layer, seen through ∂L/∂x: with input dropout per sequence each
    /// feature of a sequence is dropped at every step or at none; per step the
    /// dropped pattern changes from step to step.
    @Test(arguments: DropoutMaskScope.allCases)
    func inputMasksInTheLayer(scope: DropoutMaskScope) {
        var rng = SplitMix64(seed: 61)
        let gru = GRU(inputSize: 6, hiddenSize: 4, options: .init(inputDropout: 0.5, dropoutMasks: scope),
                      rng: &rng, dtype: .float64)
        let (B, T) = (3, 8)
        let x = leaf([B, T, 6], seed: 62)
        gru(x).output.sum().backward()
        var patterns: [[Bool]] = []
        for b in 0..<B {
            for t in 0..<T { patterns.append((0..<6).map { x.grad![b, t, $0] == 0 }) }
        }
        let stepsLikeTheFirst = (0..<B).map { b in (0..<T).filter { patterns[b * T + $0] == patterns[b * T] }.count }
        switch scope {
        case .perSequence: #expect(stepsLikeTheFirst == [T, T, T])
        case .perStep: #expect(stepsLikeTheFirst.allSatisfy { $0 < T / 2 }, "\(stepsLikeTheFirst)")
        }
        #expect(patterns.joined().contains(true) && patterns.joined().contains(false))
    }

    /// Per-step masks change the layer's output for the same generator state: the
    /// option is used, not only drawn.
    @Test(arguments: [CellKind.rnnTanh, .lstm, .gru])
    func perStepRecurrentMasksChangeTheOutput(kind: CellKind) {
        func output(_ scope: DropoutMaskScope) -> [Double] {
            var rng = SplitMix64(seed: 7)
            let layer = RecurrentLayer(kind, inputSize: 2, hiddenSize: 5,
                                       options: .init(recurrentDropout: 0.5, dropoutMasks: scope), rng: &rng, dtype: .float64)
            return layer(leaf([2, 6, 2], seed: 8)).output.value.doubles
        }
        #expect(output(.perStep) != output(.perSequence))
    }

    /// Gradient check with per-step masks held fixed (the generator reseeded on every
    /// evaluation), for input and recurrent dropout, both directions and a padded row.
    @Test(arguments: CellKind.allCases)
    func perStepMasksGradientCheck(kind: CellKind) {
        var rng = SplitMix64(seed: 11)
        let options = RecurrentOptions(layers: 2, bidirectional: true, dropoutBetweenLayers: 0.2, inputDropout: 0.3,
                                       recurrentDropout: 0.4, dropoutMasks: .perStep)
        let layer = RecurrentLayer(kind, inputSize: 3, hiddenSize: 3, options: options, rng: &rng, dtype: .float64)
        let x = leaf([2, 4, 3], seed: 1)
        let mask = [true, true, true, true, true, true, false, false]
        let r = gradientCheck(layer.parameters + [x]) {
            layer.rng = SplitMix64(seed: 5)
            let out = layer(x, mask: mask)
            return weightedSum(out.output, seed: 7) + weightedSum(out.finalHidden, seed: 8)
        }
        #expect(r.passed, "\(kind): \(r)")
    }
}
