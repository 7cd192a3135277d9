import Testing
@testable import RNNEngine

/// The convolution and the dense layer at odd sizes, after their products started
/// reading a row-major A in place and taking ∂b while packing ∂y (speed16b): with a
/// bias (∂b from the product's pack) against the same op without one plus `+ b` (∂b
/// from the broadcast's row sums), bit for bit, forward and every gradient. Sizes:
/// channels off multiples of 16 and of the 8-row panels, B = 1, T = 1, kernel 1,
/// dilation 2 and 3, and the bench's own size.
@Suite struct ConvDenseOddSizeTests {
    static func values(_ shape: [Int], _ dtype: DType, _ rng: inout SplitMix64) -> Tensor {
        var t = Tensor(zeros: shape, dtype: dtype)
        for i in 0..<t.count { t[flat: i] = rng.normal() * (i % 5 == 0 ? 1e2 : 1e-2) }
        return t
    }

    /// (B, T, C_in, C_out, K, dilation, padding).
    static let convolutions: [(Int, Int, Int, Int, Int, Int, Conv1dPadding)] = [
        (1, 1, 13, 7, 1, 1, .valid), (1, 5, 13, 17, 3, 2, .same), (2, 1, 5, 33, 1, 1, .same),
        (3, 9, 24, 40, 3, 3, .causal), (1, 30, 64, 128, 5, 2, .causal), (32, 100, 64, 128, 3, 1, .same),
    ]

    @Test(arguments: [DType.float32, .float64])
    func convolutionWithBiasIsBitwiseTheSeparateAdd(dtype: DType) throws {
        var rng = SplitMix64(seed: 161)
        for (b, t, c, o, k, d, padding) in Self.convolutions {
            let g = try Conv1dGeometry(kernelSize: k, dilation: d, padding: padding)
            let x = Variable(Self.values([b, t, c], dtype, &rng), requiresGrad: true)
            let w = Variable(Self.values([o, c, k], dtype, &rng), requiresGrad: true)
            let bias = Variable(Self.values([o], dtype, &rng), requiresGrad: true)
            let fused = x.conv1d(weight: w, bias: bias, geometry: g)
            let seed = Self.values(fused.shape, dtype, &rng)
            fused.backward(seed: seed)
            let grads = [x.grad!, w.grad!, bias.grad!]
            for v in [x, w, bias] { v.zeroGrad() }
            let plain = x.conv1d(weight: w, geometry: g) + bias
            plain.backward(seed: seed)
            let what = "B \(b) T \(t) C \(c)→\(o) K \(k) d \(d) \(padding) \(dtype)"
            #expect(fused.value == plain.value, "\(what) forward")
            #expect(grads == [x.grad!, w.grad!, bias.grad!], "\(what) gradients")
        }
    }

    /// (M, I, O) of a dense layer.
    @Test(arguments: [DType.float32, .float64])
    func denseWithBiasIsBitwiseTheSeparateAdd(dtype: DType) {
        var rng = SplitMix64(seed: 162)
        for (m, i, o) in [(1, 13, 33), (7, 5, 1), (9, 40, 17), (3200, 64, 128), (130, 300, 24)] {
            let x = Variable(Self.values([m, i], dtype, &rng), requiresGrad: true)
            let w = Variable(Self.values([o, i], dtype, &rng), requiresGrad: true)
            let b = Variable(Self.values([o], dtype, &rng), requiresGrad: true)
            let seed = Self.values([m, o], dtype, &rng)
            let fused = x.linear(weight: w, bias: b)
            fused.backward(seed: seed)
            let grads = [x.grad!, w.grad!, b.grad!]
            for v in [x, w, b] { v.zeroGrad() }
            let plain = x.matmul(w, transposeOther: true) + b
            plain.backward(seed: seed)
            #expect(fused.value == plain.value, "forward, m \(m) i \(i) o \(o) \(dtype)")
            #expect(grads == [x.grad!, w.grad!, b.grad!], "gradients, m \(m) i \(i) o \(o) \(dtype)")
        }
    }
}
