import Testing
@testable import RNNEngine

/// The dense layer's and the convolution's bias folded into the product
/// (`Tensor.matmul(_:_:addingToRows:)`, `Variable.linear`), and the row-vector
/// path of a broadcast's backward (`reduced(toShape:)`), against the plain ops
/// they replace: bit for bit, forward and backward, with K inside one K block of
/// `gemm` and across several, in float32 and float64; since speed16b (a row-major A
/// read in place, ∂b taken while packing ∂y) also at odd sizes: B = 1, T = 1,
/// kernel 1, channels off multiples of 16 and of the 8-row panels.
@Suite struct FusedBiasExactnessTests {
    /// Values of mixed size, so that any other order or rounding would show.
    static func values(_ shape: [Int], _ dtype: DType, _ rng: inout SplitMix64) -> Tensor {
        var t = Tensor(zeros: shape, dtype: dtype)
        for i in 0..<t.count { t[flat: i] = rng.normal() * (i % 7 == 0 ? 1e3 : 1e-2) }
        return t
    }

    @Test(arguments: [DType.float32, .float64])
    func productPlusRowIsBitwiseTheProductThenTheAdd(dtype: DType) {
        var rng = SplitMix64(seed: 11)
        // K 64 and 256 fit one K block (the row is written first); 300 and 600 do not.
        // (200, 130, 64) is large enough for gemm to use two threads.
        for (m, n, k) in [(37, 45, 64), (9, 33, 256), (21, 40, 300), (3, 70, 600), (200, 130, 64)] {
            for (ta, tb) in [(false, true), (false, false), (true, false), (true, true)] {
                let a = Self.values(ta ? [k, m] : [m, k], dtype, &rng)
                let b = Self.values(tb ? [n, k] : [k, n], dtype, &rng)
                let row = Self.values([n], dtype, &rng)
                let fused = Tensor.matmul(a, b, transposeA: ta, transposeB: tb, addingToRows: row)
                let plain = Tensor.matmul(a, b, transposeA: ta, transposeB: tb) + row
                #expect(fused == plain, "m \(m) n \(n) k \(k) ta \(ta) tb \(tb)")
            }
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func linearIsBitwiseMatmulPlusBiasForwardAndBackward(dtype: DType) {
        var rng = SplitMix64(seed: 12)
        // The last five (speed16b): a row-major A read in place, ∂b taken while packing ∂y,
        // M of 1 and of whole and partial 8-row panels, the bench's 3200 rows.
        for (m, i, o) in [(30, 64, 17), (12, 300, 40), (64, 32, 128),
                          (1, 13, 33), (7, 5, 1), (9, 40, 17), (3200, 64, 128), (130, 300, 24)] {
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
            #expect(fused.value == plain.value, "forward, m \(m) i \(i) o \(o)")
            #expect(grads == [x.grad!, w.grad!, b.grad!], "gradients, m \(m) i \(i) o \(o)")
        }
    }

    /// The broadcast backward's row-vector path adds the rows in order, as the
    /// general (odometer) walk did: out[j] = 0 + g[0, j] + g[1, j] + …
    @Test(arguments: [DType.float32, .float64])
    func broadcastGradientSumsRowsInOrder(dtype: DType) {
        var rng = SplitMix64(seed: 13)
        let g = Self.values([6, 5, 33], dtype, &rng)
        for target in [[33], [1, 33], [1, 1, 33], [5, 33], [1, 5, 33], []] {
            let n = target.reduce(1, *)
            var expected = Tensor(zeros: target, dtype: dtype)
            switch dtype {
            case .float32:
                var s = [Float](repeating: 0, count: n)
                for o in 0..<g.count { s[o % n] += Float(g[flat: o]) }
                for j in 0..<n { expected[flat: j] = Double(s[j]) }
            case .float64:
                var s = [Double](repeating: 0, count: n)
                for o in 0..<g.count { s[o % n] += g[flat: o] }
                for j in 0..<n { expected[flat: j] = s[j] }
            }
            #expect(g.reduced(toShape: target) == expected, "target \(target)")
        }
        // A shape the row path does not take (a stretched inner axis) still sums right.
        let column = g.reduced(toShape: [6, 5, 1])
        #expect(abs(column[2, 3, 0] - (0..<33).reduce(0.0) { $0 + g[2, 3, $1] }) <= 1e-3 * max(1, abs(column[2, 3, 0])))
    }

    /// (B, T, C_in, C_out, K, dilation, padding): K·C_in inside one K block (3·16) and
    /// across two (5·64 = 320); then (speed16b) channels off multiples of 16 and of the
    /// 8-row panels, B = 1, T = 1, kernel 1, dilation 3, and the bench's own size.
    static let convolutions: [(Int, Int, Int, Int, Int, Int, Conv1dPadding)] = [
        (3, 20, 16, 7, 3, 2, .same), (3, 20, 64, 7, 5, 2, .causal), (3, 20, 16, 7, 3, 2, .valid),
        (1, 1, 13, 7, 1, 1, .valid), (1, 5, 13, 17, 3, 2, .same), (2, 1, 5, 33, 1, 1, .same),
        (3, 9, 24, 40, 3, 3, .causal), (1, 30, 64, 128, 5, 2, .causal), (32, 100, 64, 128, 3, 1, .same),
    ]

    /// A convolution with a bias is its product plus the bias, bitwise, forward and
    /// every gradient.
    @Test(arguments: [DType.float32, .float64])
    func convolutionBiasIsBitwiseTheSeparateAdd(dtype: DType) throws {
        var rng = SplitMix64(seed: 14)
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

    /// `im2col` leaves its buffer unfilled and zeroes only the padding blocks: after
    /// a block of NaN of the same size was freed (so the allocator likely hands the
    /// same memory back), the unfolding still equals a zero-padded copy.
    @Test(arguments: [Conv1dPadding.same, .causal, .valid])
    func unfoldingZeroesEveryPaddingBlock(padding: Conv1dPadding) throws {
        var rng = SplitMix64(seed: 15)
        let g = try Conv1dGeometry(kernelSize: 3, dilation: 2, padding: padding)
        let (b, t, c) = (2, 9, 5)
        let x = Self.values([b, t, c], .float32, &rng)
        let tOut = g.outputLength(t)
        do { _ = Tensor(shape: [b * tOut, 3 * c], repeating: .nan) }
        let cols = x.im2col(g)
        var expected = Tensor(zeros: [b * tOut, 3 * c])
        for s in 0..<b {
            for o in 0..<tOut {
                for j in 0..<3 {
                    let step = g.inputStep(output: o, tap: j)
                    guard step >= 0 && step < t else { continue }
                    for ch in 0..<c { expected[s * tOut + o, j * c + ch] = x[s, step, ch] }
                }
            }
        }
        #expect(cols == expected)
    }
}
