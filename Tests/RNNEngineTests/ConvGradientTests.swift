import Testing
import RNNEngine

/// Conv1d, pooling, masked global pooling, per-position dense, embeddings with a
/// padding row and the RCNN context op, gradient-checked by central differences
/// in float64 (every element of every input and parameter).
@Suite struct ConvGradientTests {
    /// Every padding mode with the strides and dilations it allows, odd lengths,
    /// even and odd kernels, and a channel count that is not a power of two.
    static let convConfigurations: [(k: Int, s: Int, d: Int, p: Conv1dPadding)] = [
        (3, 1, 1, .valid), (3, 2, 1, .valid), (2, 3, 2, .valid), (1, 1, 1, .valid),
        (3, 1, 1, .same), (4, 1, 1, .same), (2, 1, 3, .same), (3, 1, 2, .same),
        (3, 1, 1, .causal), (3, 2, 2, .causal), (2, 1, 3, .causal),
    ]

    @Test(arguments: convConfigurations.indices)
    func conv1d(_ i: Int) throws {
        let (k, s, d, p) = Self.convConfigurations[i]
        var rng = SplitMix64(seed: 10)
        let conv = try Conv1d(3, 5, kernelSize: k, stride: s, dilation: d, padding: p, rng: &rng, dtype: .float64)
        let x = leaf([2, 9, 3], seed: 11, name: "input")
        let r = gradientCheck([x] + conv.parameters) { weightedSum(conv(x)) }
        #expect(r.passed, "k\(k) s\(s) d\(d) \(p): \(r)")
        #expect(r.checked == x.value.count + conv.parameterCount)
    }

    @Test func conv1dWithoutBias() throws {
        var rng = SplitMix64(seed: 12)
        let conv = try Conv1d(2, 3, kernelSize: 3, padding: .same, bias: false, rng: &rng, dtype: .float64)
        #expect(conv.namedParameters.map(\.name) == ["weight"])
        let x = leaf([3, 5, 2], seed: 13)
        let r = gradientCheck([x, conv.weight]) { weightedSum(conv(x)) }
        #expect(r.passed, "\(r)")
    }

    /// Overlapping, touching and gapped windows on an odd length.
    @Test(arguments: [(2, 2), (3, 1), (3, 2), (2, 3)])
    func pooling(window: (Int, Int)) {
        let (size, stride) = window
        // Distinct values spread far apart: no two steps tie within ε.
        let x = leaf([2, 7, 3], seed: 14, scale: 3)
        let max = gradientCheck([x]) { weightedSum(x.maxPool1d(size: size, stride: stride)) }
        #expect(max.passed, "max \(window): \(max)")
        let avg = gradientCheck([x]) { weightedSum(x.avgPool1d(size: size, stride: stride)) }
        #expect(avg.passed, "avg \(window): \(avg)")
    }

    /// Rows: full, partial, one real step, fully padded.
    static let mask: [Bool] = (0..<4).flatMap { b in (0..<5).map { t in t < [5, 3, 1, 0][b] } }

    @Test func maskedGlobalPooling() {
        let x = leaf([4, 5, 3], seed: 15, scale: 3)
        for masked in [false, true] {
            let m = masked ? Self.mask : nil
            let max = gradientCheck([x]) { weightedSum(x.globalMaxOverTime(mask: m)) }
            #expect(max.passed, "max, mask \(masked): \(max)")
            let mean = gradientCheck([x]) { weightedSum(x.globalMeanOverTime(mask: m)) }
            #expect(mean.passed, "mean, mask \(masked): \(mean)")
        }
    }

    @Test func perPositionDense() {
        var rng = SplitMix64(seed: 16)
        let dense = Linear(4, 3, rng: &rng, dtype: .float64)
        let x = leaf([2, 5, 4], seed: 17)
        let r = gradientCheck([x] + dense.parameters) { weightedSum(dense(x)) }
        #expect(r.passed, "\(r)")
    }

    @Test func embeddingWithAndWithoutPaddingRow() {
        let ids = [1, 1, 0, 4, 2, 2, 3, 1]
        for padding in [nil, 2] as [Int?] {
            var rng = SplitMix64(seed: 18)
            let emb = Embedding(5, 3, paddingIndex: padding, rng: &rng, dtype: .float64)
            let r = gradientCheck([emb.weight]) { weightedSum(emb(ids, shape: [2, 4]).tanh()) }
            if padding == nil {
                #expect(r.passed, "\(r)")
            } else {
                // The padding row's true derivative is not 0, but PyTorch (and we)
                // report 0 for it; every other row must match.
                #expect(r.mismatchCount > 0 && r.mismatches.allSatisfy { $0.index / 3 == 2 }, "\(r)")
            }
        }
    }

    @Test func rcnnContext() {
        let (fw, em, bw) = (leaf([2, 5, 3], seed: 19, name: "forward"), leaf([2, 5, 2], seed: 20, name: "embedded"),
                            leaf([2, 5, 3], seed: 21, name: "backward"))
        let (il, ir) = (leaf([3], seed: 22, name: "initial_left"), leaf([3], seed: 23, name: "initial_right"))
        let mask = (0..<2).flatMap { b in (0..<5).map { t in t < [5, 3][b] } }
        for m in [nil, mask] as [[Bool]?] {
            let r = gradientCheck([fw, em, bw, il, ir]) {
                weightedSum(Variable.rcnnContext(forward: fw, embedded: em, backward: bw,
                                                 initialLeft: il, initialRight: ir, mask: m))
            }
            #expect(r.passed, "mask \(m != nil): \(r)")
        }
    }
}
