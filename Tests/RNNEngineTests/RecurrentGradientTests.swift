import Testing
import RNNEngine

/// Every recurrent layer and option, gradient-checked by central differences in
/// float64 with respect to all weights, biases, the input and the initial states.
@Suite struct RecurrentGradientTests {
    struct Case: CustomStringConvertible, Sendable {
        var kind: CellKind
        var options = RecurrentOptions()
        var initialState = false
        var masked = false
        var description: String {
            "\(kind) layers \(options.layers) bi \(options.bidirectional) \(options.merge) back \(options.goBackwards) seq \(options.returnSequences) h0 \(initialState) mask \(masked) drop \(options.inputDropout)/\(options.recurrentDropout)/\(options.dropoutBetweenLayers)"
        }
    }

    static let cases: [Case] = CellKind.allCases.flatMap { kind in
        [
            Case(kind: kind),
            Case(kind: kind, initialState: true),
            Case(kind: kind, options: .init(layers: 2, bidirectional: true), initialState: true),
            Case(kind: kind, options: .init(goBackwards: true, returnSequences: false)),
            Case(kind: kind, options: .init(bidirectional: true, merge: .sum, returnSequences: false), masked: true),
            Case(kind: kind, options: .init(bidirectional: true, merge: .product)),
            Case(kind: kind, options: .init(bidirectional: true, merge: .average), masked: true),
            Case(kind: kind, options: .init(layers: 2, dropoutBetweenLayers: 0.3, inputDropout: 0.2, recurrentDropout: 0.4)),
        ]
    }

    @Test(arguments: cases)
    func layerGradients(_ c: Case) {
        let (B, T, I, H) = (2, 4, 3, 3)
        let D = c.options.directions * c.options.layers
        var rng = SplitMix64(seed: 11)
        let layer = RecurrentLayer(c.kind, inputSize: I, hiddenSize: H, options: c.options, rng: &rng, dtype: .float64)
        let x = leaf([B, T, I], seed: 1, name: "x")
        let h0 = leaf([D, B, H], seed: 2, scale: 0.5, name: "h0")
        let c0 = leaf([D, B, H], seed: 3, scale: 0.5, name: "c0")
        let mask: [Bool]? = c.masked ? [true, true, true, true, true, true, false, false] : nil
        var inputs = layer.parameters + [x]
        if c.initialState { inputs += c.kind.hasCellState ? [h0, c0] : [h0] }
        let r = gradientCheck(inputs) {
            // Same dropout masks on every evaluation: reseed the layer's generator.
            layer.rng = SplitMix64(seed: 5)
            let out = layer(x, initialHidden: c.initialState ? h0 : nil,
                            initialCell: c.initialState && c.kind.hasCellState ? c0 : nil, mask: mask)
            var loss = weightedSum(out.output, seed: 7) + weightedSum(out.finalHidden, seed: 8)
            if let cell = out.finalCell { loss = loss + weightedSum(cell, seed: 9) }
            return loss
        }
        #expect(r.passed, "\(c): \(r)")
    }

    /// A loss on the final cell state alone still reaches every weight.
    @Test func lossOnFinalCellOnly() {
        var rng = SplitMix64(seed: 3)
        let lstm = LSTM(inputSize: 2, hiddenSize: 3, rng: &rng, dtype: .float64)
        let x = leaf([2, 5, 2], seed: 4)
        let r = gradientCheck(lstm.parameters + [x]) { weightedSum(lstm(x).finalCell!) }
        #expect(r.passed, "\(r)")
    }
}
