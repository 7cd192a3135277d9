import Testing
@testable import RNNEngine

/// The pointer-loop kernels of the global poolings, max pooling, the additive
/// attention score and the small batched products against plain reference loops
/// written the way the ops were before (element by element, in the same order):
/// values, winners and gradients must agree bit for bit.
@Suite struct PoolAttentionExactnessTests {
    static func values(_ shape: [Int], _ dtype: DType, _ rng: inout SplitMix64, ties: Bool = false) -> Tensor {
        var t = Tensor(zeros: shape, dtype: dtype)
        // With ties, values repeat (a small set of levels), so first-on-a-tie matters.
        for i in 0..<t.count { t[flat: i] = ties ? Double(Int(rng.next() % 5)) - 2 : rng.normal() * (i % 5 == 0 ? 1e2 : 1) }
        return t
    }

    /// Row 0 full, row 1 short, row 2 fully padded, row 3 with a hole.
    static func mask(_ b: Int, _ t: Int) -> [Bool] {
        (0..<(b * t)).map { i in
            let (row, step) = (i / t, i % t)
            switch row % 4 {
            case 0: return true
            case 1: return step < t / 2
            case 2: return false
            default: return step != 1
            }
        }
    }

    @Test(arguments: [DType.float32, .float64], [false, true])
    func globalPoolingsMatchTheDoubleReference(dtype: DType, ties: Bool) {
        var rng = SplitMix64(seed: 21)
        let (b, t, c) = (5, 7, 19)
        let x = Variable(Self.values([b, t, c], dtype, &rng, ties: ties), requiresGrad: true)
        let seed = Self.values([b, c], dtype, &rng)
        for mask in [Self.mask(b, t), nil] {
            let xs = x.value.doubles
            // Max: the first real step wins, replaced only by a strictly larger value.
            var winner = [Int](repeating: -1, count: b * c)
            for r in 0..<b {
                for s in 0..<t where mask?[r * t + s] ?? true {
                    for ch in 0..<c where winner[r * c + ch] < 0 || xs[(r * t + s) * c + ch] > xs[winner[r * c + ch]] {
                        winner[r * c + ch] = (r * t + s) * c + ch
                    }
                }
            }
            let maxY = x.globalMaxOverTime(mask: mask)
            maxY.backward(seed: seed)
            var dxMax = [Double](repeating: 0, count: b * t * c)
            for (o, i) in winner.enumerated() where i >= 0 { dxMax[i] += seed[flat: o] }
            #expect(maxY.value == Tensor(shape: [b, c], doubles: winner.map { $0 < 0 ? 0 : xs[$0] }, dtype: dtype))
            #expect(x.grad! == Tensor(shape: [b, t, c], doubles: dxMax, dtype: dtype))
            x.zeroGrad()
            // Mean: weights 1/n_b, summed in Double in step order, rounded once.
            var weight = [Double](repeating: 0, count: b * t)
            for r in 0..<b {
                let real = (0..<t).filter { mask?[r * t + $0] ?? true }
                for s in real { weight[r * t + s] = 1 / Double(real.count) }
            }
            var y = [Double](repeating: 0, count: b * c), dx = [Double](repeating: 0, count: b * t * c)
            for r in 0..<b {
                for s in 0..<t where weight[r * t + s] != 0 {
                    for ch in 0..<c {
                        y[r * c + ch] += weight[r * t + s] * xs[(r * t + s) * c + ch]
                        dx[(r * t + s) * c + ch] = weight[r * t + s] * seed[flat: r * c + ch]
                    }
                }
            }
            let meanY = x.globalMeanOverTime(mask: mask)
            meanY.backward(seed: seed)
            #expect(meanY.value == Tensor(shape: [b, c], doubles: y, dtype: dtype))
            #expect(x.grad! == Tensor(shape: [b, t, c], doubles: dx, dtype: dtype))
            x.zeroGrad()
        }
    }

    /// Max pooling with overlapping windows (size 3, stride 1) and with ties: the
    /// select loop keeps the first winner, as the branch did.
    @Test(arguments: [DType.float32, .float64], [false, true])
    func maxPoolingMatchesTheBranchingReference(dtype: DType, ties: Bool) {
        var rng = SplitMix64(seed: 22)
        let (b, t, c) = (3, 11, 21)
        let x = Variable(Self.values([b, t, c], dtype, &rng, ties: ties), requiresGrad: true)
        for (size, stride) in [(3, 1), (2, 2), (4, 3)] {
            let tOut = (t - size) / stride + 1
            let xs = x.value.doubles
            var winner = [Int](repeating: 0, count: b * tOut * c)
            for r in 0..<b {
                for w in 0..<tOut {
                    for ch in 0..<c {
                        var best = (r * t + w * stride) * c + ch
                        for s in (w * stride + 1)..<(w * stride + size) where xs[(r * t + s) * c + ch] > xs[best] {
                            best = (r * t + s) * c + ch
                        }
                        winner[(r * tOut + w) * c + ch] = best
                    }
                }
            }
            let y = x.maxPool1d(size: size, stride: stride)
            let seed = Self.values(y.shape, dtype, &rng)
            y.backward(seed: seed)
            var dx = Tensor(zeros: [b, t, c], dtype: dtype)
            for (o, i) in winner.enumerated() { dx[flat: i] += seed[flat: o] }
            #expect(y.value == Tensor(shape: y.shape, doubles: winner.map { xs[$0] }, dtype: dtype), "P\(size) s\(stride)")
            #expect(x.grad! == dx, "P\(size) s\(stride)")
            x.zeroGrad()
        }
    }

    /// The additive score's rows run eight chains side by side (B·S = 26 leaves a
    /// tail of two); each score is still 0 + v₀t₀ + v₁t₁ + … in order.
    @Test(arguments: [DType.float32, .float64])
    func additiveScoreMatchesTheRowByRowReference(dtype: DType) {
        var rng = SplitMix64(seed: 23)
        let (B, S, A) = (2, 13, 24)
        let k = Variable(Self.values([B, S, A], dtype, &rng), requiresGrad: true)
        let q = Variable(Self.values([B, A], dtype, &rng), requiresGrad: true)
        let v = Variable(Self.values([A], dtype, &rng), requiresGrad: true)
        let e = additiveScores(projectedKeys: k, projectedQuery: q, vector: v)
        let seed = Self.values([B, S], dtype, &rng)
        e.backward(seed: seed)
        switch dtype {
        case .float32: check(Float.self, k, q, v, e.value, seed, B, S, A)
        case .float64: check(Double.self, k, q, v, e.value, seed, B, S, A)
        }
    }

    private func check<T: EngineScalar>(_: T.Type, _ k: Variable, _ q: Variable, _ v: Variable, _ e: Tensor,
                                        _ seed: Tensor, _ B: Int, _ S: Int, _ A: Int) {
        let (pk, pq, pv, pg) = (k.value.pointer(T.self), q.value.pointer(T.self), v.value.pointer(T.self), seed.pointer(T.self))
        var t = [T](repeating: 0, count: B * S * A)
        var scores = [T](repeating: 0, count: B * S)
        var dk = [T](repeating: 0, count: B * S * A), dq = [T](repeating: 0, count: B * A), dv = [T](repeating: 0, count: A)
        t.withUnsafeMutableBufferPointer { pt in
            for b in 0..<B {
                for s in 0..<S {
                    let row = (b * S + s) * A
                    for a in 0..<A { pt[row + a] = pk[row + a] + pq[b * A + a] }
                    T.tanhInPlace(pt.baseAddress! + row, A)
                    var sum: T = 0
                    for a in 0..<A { sum += pv[a] * pt[row + a] }
                    scores[b * S + s] = sum
                    let gs = pg[b * S + s]
                    for a in 0..<A {
                        dk[row + a] = gs * pv[a] * (1 - pt[row + a] * pt[row + a])
                        dq[b * A + a] += dk[row + a]
                        dv[a] += gs * pt[row + a]
                    }
                }
            }
        }
        #expect(Array(UnsafeBufferPointer(start: e.pointer(T.self), count: B * S)) == scores)
        #expect(Array(UnsafeBufferPointer(start: k.grad!.pointer(T.self), count: B * S * A)) == dk)
        #expect(Array(UnsafeBufferPointer(start: q.grad!.pointer(T.self), count: B * A)) == dq)
        #expect(Array(UnsafeBufferPointer(start: v.grad!.pointer(T.self), count: A)) == dv)
    }

    /// The direct batched product with op(b) transposed sums four columns side by
    /// side; each element is still Σ_p in order from 0 (n = 11 leaves a tail of 3).
    @Test(arguments: [DType.float32, .float64])
    func smallBatchedProductWithTransposedOperandSumsInOrder(dtype: DType) {
        var rng = SplitMix64(seed: 24)
        let (batch, m, n, k) = (3, 2, 11, 50)
        let a = Self.values([batch, m, k], dtype, &rng)
        let b = Self.values([batch, n, k], dtype, &rng)
        let c = Tensor.bmm(a, b, transposeB: true)
        var expected = Tensor(zeros: [batch, m, n], dtype: dtype)
        for i in 0..<batch {
            for r in 0..<m {
                for j in 0..<n {
                    switch dtype {
                    case .float32:
                        var s: Float = 0
                        for p in 0..<k { s += Float(a[i, r, p]) * Float(b[i, j, p]) }
                        expected[i, r, j] = Double(s)
                    case .float64:
                        var s = 0.0
                        for p in 0..<k { s += a[i, r, p] * b[i, j, p] }
                        expected[i, r, j] = s
                    }
                }
            }
        }
        #expect(c == expected)
    }
}
