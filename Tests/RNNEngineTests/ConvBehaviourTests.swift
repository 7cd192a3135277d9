import Foundation
import Testing
import RNNEngine

/// What the convolution and pooling ops promise besides their gradients:
/// output lengths, padding rules, causality, masks, the RCNN alignment and
/// state-dict round trips.
@Suite struct ConvBehaviourTests {
    @Test func sameWithStrideIsRefusedLikePyTorch() {
        #expect(throws: Conv1dConfigurationError.sameNeedsStrideOne(stride: 2)) {
            try Conv1dGeometry(kernelSize: 3, stride: 2, padding: .same)
        }
        #expect(throws: Conv1dConfigurationError.nonPositive(name: "dilation", value: 0)) {
            try Conv1dGeometry(kernelSize: 3, dilation: 0)
        }
    }

    /// PyTorch's rule: total d·(K−1), ⌊total/2⌋ left, the rest right.
    @Test func paddingSplitsAndOutputLengths() throws {
        let same4 = try Conv1dGeometry(kernelSize: 4, padding: .same)
        #expect((same4.padLeft, same4.padRight) == (1, 2))
        let same2d3 = try Conv1dGeometry(kernelSize: 2, dilation: 3, padding: .same)
        #expect((same2d3.padLeft, same2d3.padRight) == (1, 2))
        let causal = try Conv1dGeometry(kernelSize: 3, stride: 2, dilation: 2, padding: .causal)
        #expect((causal.padLeft, causal.padRight) == (4, 0))
        for t in 1...12 {
            #expect(same4.outputLength(t) == t)
            #expect(try Conv1dGeometry(kernelSize: 3, dilation: 2, padding: .causal).outputLength(t) == t)
            #expect(try Conv1dGeometry(kernelSize: 3, stride: 2).outputLength(t) == (t >= 3 ? (t - 3) / 2 + 1 : 0))
        }
    }

    /// Causal: output step t does not depend on any input step after t.
    @Test func causalConvolutionDoesNotLookAhead() throws {
        var rng = SplitMix64(seed: 30)
        let conv = try Conv1d(2, 3, kernelSize: 3, dilation: 2, padding: .causal, rng: &rng, dtype: .float64)
        let x = leaf([1, 8, 2], seed: 31)
        let t = 4
        conv(x).select(axis: 1, t).sum().backward()
        let g = try #require(x.grad)
        for s in 0..<8 {
            let touched = (0..<2).contains { g[0, s, $0] != 0 }
            #expect(touched == [0, 2, 4].contains(s), "step \(s): gradient \(touched)")
        }
    }

    /// A kernel of 1 is the per-position dense layer with weight (O, I, 1) → (O, I).
    @Test func kernelOneEqualsDense() throws {
        var rng = SplitMix64(seed: 32)
        let conv = try Conv1d(4, 3, kernelSize: 1, rng: &rng, dtype: .float64)
        let dense = Linear(4, 3, rng: &rng, dtype: .float64)
        try dense.loadStateDict(["weight": conv.weight.value.reshaped([3, 4]), "bias": conv.bias!.value])
        let x = leaf([2, 5, 4], seed: 33)
        #expect(maxRelativeDifference(conv(x).value.doubles, dense(x).value.doubles) < 1e-14)
    }

    /// A padded step never wins a max, even when it holds the largest value; a
    /// fully padded row gives 0 and passes no gradient.
    @Test func maskedMaxIgnoresPadding() {
        let x = Variable(Tensor(shape: [2, 3, 1], doubles: [1, 5, 100, 7, 8, 9]), requiresGrad: true)
        let mask = [true, true, false, false, false, false]
        let y = x.globalMaxOverTime(mask: mask)
        #expect(y.value.doubles == [5, 0])
        y.sum().backward()
        #expect(x.grad!.doubles == [0, 1, 0, 0, 0, 0])
        let m = x.globalMeanOverTime(mask: mask)
        #expect(m.value.doubles == [3, 0])
        x.zeroGrad()
        m.sum().backward()
        #expect(x.grad!.doubles == [0.5, 0.5, 0, 0, 0, 0])
    }

    /// x̃_t = [forward[t−1]; e(t); backward[t+1]], initial states at the ends and
    /// at the last real step of a masked row.
    @Test func rcnnAlignment() {
        // One row, T = 3, H = E = 1: values name their origin.
        let fw = Variable(Tensor(shape: [1, 3, 1], doubles: [10, 11, 12]))
        let em = Variable(Tensor(shape: [1, 3, 1], doubles: [20, 21, 22]))
        let bw = Variable(Tensor(shape: [1, 3, 1], doubles: [30, 31, 32]))
        let (il, ir) = (Variable(Tensor(shape: [1], doubles: [-1])), Variable(Tensor(shape: [1], doubles: [-2])))
        let y = Variable.rcnnContext(forward: fw, embedded: em, backward: bw, initialLeft: il, initialRight: ir)
        #expect(y.value.doubles == [-1, 20, 31, 10, 21, 32, 11, 22, -2])
        let masked = Variable.rcnnContext(forward: fw, embedded: em, backward: bw, initialLeft: il,
                                          initialRight: ir, mask: [true, true, false])
        #expect(masked.value.doubles == [-1, 20, 31, 10, 21, -2, 11, 22, -2])
    }

    @Test func embeddingPaddingRowStartsAtZeroAndStaysThere() {
        var rng = SplitMix64(seed: 34)
        let emb = Embedding(5, 3, paddingIndex: 0, rng: &rng)
        #expect(emb.weight.value.slice(axis: 0, 0..<1).doubles == [0, 0, 0])
        emb([0, 1, 0, 2], shape: [2, 2]).sum().backward()
        let g = emb.weight.grad!
        #expect(g.slice(axis: 0, 0..<1).doubles == [0, 0, 0])
        #expect(g.slice(axis: 0, 1..<2).doubles == [1, 1, 1])
    }

    /// Our Conv1d's state dict survives a safetensors round trip exactly.
    @Test func stateDictRoundTrip() throws {
        var rng = SplitMix64(seed: 35)
        let a = try Conv1d(3, 4, kernelSize: 5, dilation: 2, padding: .causal, rng: &rng)
        let bytes = try SafetensorsFile(stateDict: a.stateDict()).encode()
        let b = try Conv1d(3, 4, kernelSize: 5, dilation: 2, padding: .causal, rng: &rng)
        #expect(b.weight.value != a.weight.value)
        try b.loadStateDict(try SafetensorsFile.decode(bytes).stateDict())
        #expect(b.weight.value == a.weight.value && b.bias!.value == a.bias!.value)
        #expect(a.weight.shape == [4, 3, 5] && a.bias!.shape == [4])
        let wrong = try Conv1d(3, 4, kernelSize: 3, rng: &rng)
        #expect(throws: StateDictError.shapeMismatch(name: "weight", expected: [4, 3, 3], found: [4, 3, 5])) {
            try wrong.loadStateDict(a.stateDict())
        }
    }
}
