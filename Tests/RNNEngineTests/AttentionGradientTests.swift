import Testing
import RNNEngine

/// The batched matmul, the masked softmax and every attention score, gradient-checked
/// by central differences in float64, plus the forward facts they rest on.
@Suite struct AttentionGradientTests {
    /// Row lengths 5, 3, 1 and 0 over S = 5: full, padded, a single step, all padding.
    static let mask: [Bool] = [5, 3, 1, 0].flatMap { n in (0..<5).map { $0 < n } }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func bmmGradients(transposes: (Bool, Bool)) {
        let (ta, tb) = transposes
        let a = leaf(ta ? [3, 5, 2] : [3, 2, 5], seed: 1, name: "a")
        let b = leaf(tb ? [3, 4, 5] : [3, 5, 4], seed: 2, name: "b")
        let r = gradientCheck([a, b]) { weightedSum(a.bmm(b, transposeSelf: ta, transposeOther: tb)) }
        #expect(r.passed, "\(r)")
    }

    /// Products big enough for bmm to call gemm (M·N·K > 4096), forward and backward.
    @Test(arguments: [(false, false), (true, true)])
    func bmmGradientsThroughGemm(transposes: (Bool, Bool)) {
        let (ta, tb) = transposes
        let a = leaf([2, 17, 18], seed: 1, name: "a"), b = leaf([2, 18, 17], seed: 2, name: "b")
        let r = gradientCheck([a, b], samplesPerInput: 40) {
            weightedSum(a.bmm(b, transposeSelf: ta, transposeOther: tb))
        }
        #expect(r.passed, "\(r)")
    }

    /// Each batch element of bmm is the 2-D matmul of that element: bit for bit where
    /// bmm calls gemm (20³), to rounding where it runs its direct loop (3·5·6, 7·1·9, 4·6·1).
    @Test(arguments: [(20, 20, 20), (3, 5, 6), (7, 1, 9), (4, 6, 1)])
    func bmmIsMatmulPerBatchElement(size: (Int, Int, Int)) {
        let (m, n, k) = size
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = leaf(ta ? [4, k, m] : [4, m, k], seed: 3).value, b = leaf(tb ? [4, n, k] : [4, k, n], seed: 4).value
            let c = Tensor.bmm(a, b, transposeA: ta, transposeB: tb)
            #expect(c.shape == [4, m, n])
            for i in 0..<4 {
                let expected = Tensor.matmul(a.select(axis: 0, i), b.select(axis: 0, i), transposeA: ta, transposeB: tb)
                if m * n * k > 4096 {
                    #expect(c.select(axis: 0, i) == expected)
                } else {
                    #expect(maxRelativeDifference(c.select(axis: 0, i).doubles, expected.doubles) < 1e-14)
                }
            }
        }
    }

    @Test func maskedSoftmaxZeroesPaddingAndNormalises() {
        let x = leaf([4, 5], seed: 5, scale: 3).value
        let y = x.maskedSoftmaxRows(mask: Self.mask)
        for r in 0..<4 {
            let row = (0..<5).map { y[r, $0] }
            for s in 0..<5 where !Self.mask[r * 5 + s] { #expect(row[s] == 0) }
            let total = row.reduce(0, +)
            #expect(r == 3 ? total == 0 : abs(total - 1) < 1e-12, "row \(r) sums to \(total)")
        }
        #expect(y.select(axis: 0, 2).doubles == [1, 0, 0, 0, 0])
        // Without padding it is the plain softmax, and unaffected by what padded entries hold.
        #expect(x.maskedSoftmaxRows(mask: nil) == x.softmaxRows())
        var poisoned = x
        poisoned[1, 4] = .nan
        poisoned[3, 0] = .infinity
        #expect(poisoned.maskedSoftmaxRows(mask: Self.mask) == y)
    }

    @Test(arguments: [true, false])
    func maskedSoftmaxGradient(masked: Bool) {
        let x = leaf([4, 5], seed: 6, scale: 2)
        let r = gradientCheck([x]) { weightedSum(x.maskedSoftmax(mask: masked ? Self.mask : nil)) }
        #expect(r.passed, "\(r)")
        if masked {
            x.zeroGrad()
            weightedSum(x.maskedSoftmax(mask: Self.mask)).backward()
            for i in 0..<20 where !Self.mask[i] { #expect(x.grad![flat: i] == 0) }
        }
    }

    static let cases: [(AttentionScore, Bool)] = AttentionScore.allCases.flatMap { [($0, true), ($0, false)] }

    /// d/d(query, keys, parameters) of a weighted sum of both the context and the weights.
    @Test(arguments: cases)
    func scoreGradients(score: AttentionScore, masked: Bool) {
        let (B, S, Hk) = (4, 5, 3)
        let Hq = score == .dot || score == .scaledDot ? Hk : 2
        var rng = SplitMix64(seed: 7)
        let attention = Attention(score, querySize: Hq, keySize: Hk, attentionSize: 4, rng: &rng, dtype: .float64)
        let q = leaf([B, Hq], seed: 8, name: "query"), k = leaf([B, S, Hk], seed: 9, name: "keys")
        let mask = masked ? Self.mask : nil
        let r = gradientCheck([q, k] + attention.parameters) {
            let (context, weights) = attention(query: q, keys: k, mask: mask)
            return weightedSum(context, seed: 10) + weightedSum(weights, seed: 11)
        }
        #expect(r.passed, "\(score) masked \(masked): \(r)")
        #expect(r.checked == q.value.count + k.value.count + attention.parameterCount)
    }

    /// The fused additive score is the composition of tape ops it replaces, and
    /// checks out by itself (through `Attention.scores`).
    @Test func fusedAdditiveScoreMatchesTheComposition() {
        var rng = SplitMix64(seed: 18)
        let attention = Attention(.additive, querySize: 3, keySize: 4, attentionSize: 5, rng: &rng, dtype: .float64)
        let q = leaf([2, 3], seed: 19, name: "query"), k = leaf([2, 6, 4], seed: 20, name: "keys")
        let fused = { attention.scores(query: q, memory: attention.memory(keys: k)) }
        let composed = {
            let hidden = (attention.keyProjection!(k) + attention.queryProjection!(q).reshaped([2, 1, 5])).tanh()
            return (hidden * attention.vector!.weight.reshaped([1, 1, 5])).sum(axis: 2)
        }
        #expect(maxRelativeDifference(fused().value.doubles, composed().value.doubles) < 1e-14)
        let inputs = [q, k] + attention.parameters
        weightedSum(fused()).backward()
        let a = inputs.map { $0.grad!.doubles }
        for x in inputs { x.zeroGrad() }
        weightedSum(composed()).backward()
        for (x, g) in zip(inputs, a) { #expect(maxRelativeDifference(g, x.grad!.doubles) < 1e-13, "\(x.name)") }
        let r = gradientCheck(inputs) { weightedSum(fused()) }
        #expect(r.passed, "\(r)")
    }

    @Test func parameterNamesAndShapes() {
        var rng = SplitMix64(seed: 1)
        let names = { (s: AttentionScore) in
            Attention(s, querySize: 3, keySize: 4, attentionSize: 6, rng: &rng).namedParameters.map { "\($0.name) \($0.parameter.shape)" }
        }
        #expect(names(.general) == ["W_a.weight [3, 4]"])
        #expect(names(.additive) == ["W_s.weight [6, 3]", "W_h.weight [6, 4]", "v.weight [1, 6]"])
        #expect(Attention(.dot, querySize: 4, keySize: 4, rng: &rng).namedParameters.isEmpty)
    }

    /// The context is Σ_s α_s k_s, and the scores are the formulas written out.
    @Test func forwardMatchesTheFormulas() {
        let (B, S, H) = (2, 3, 4)
        var rng = SplitMix64(seed: 12)
        let q = leaf([B, H], seed: 13), k = leaf([B, S, H], seed: 14)
        for score in AttentionScore.allCases {
            let attention = Attention(score, querySize: H, keySize: H, attentionSize: 5, rng: &rng, dtype: .float64)
            let memory = attention.memory(keys: k)
            let e = attention.scores(query: q, memory: memory).value
            let (context, weights) = attention(query: q, keys: k)
            for b in 0..<B {
                for s in 0..<S {
                    let key = (0..<H).map { k.value[b, s, $0] }, query = (0..<H).map { q.value[b, $0] }
                    let expected: Double
                    switch score {
                    case .dot: expected = zip(query, key).map(*).reduce(0, +)
                    case .scaledDot: expected = zip(query, key).map(*).reduce(0, +) / 2
                    case .general:
                        let w = attention.bilinear!.weight.value
                        expected = (0..<H).flatMap { i in (0..<H).map { j in query[i] * w[i, j] * key[j] } }.reduce(0, +)
                    case .additive:
                        let (ws, wh, v) = (attention.queryProjection!.weight.value, attention.keyProjection!.weight.value,
                                           attention.vector!.weight.value)
                        expected = (0..<5).map { a in
                            v[0, a] * Foundation.tanh((0..<H).map { ws[a, $0] * query[$0] + wh[a, $0] * key[$0] }.reduce(0, +))
                        }.reduce(0, +)
                    }
                    #expect(abs(e[b, s] - expected) < 1e-12, "\(score) b \(b) s \(s)")
                }
                for j in 0..<H {
                    let sum = (0..<S).map { weights.value[b, $0] * k.value[b, $0, j] }.reduce(0, +)
                    #expect(abs(context.value[b, j] - sum) < 1e-12)
                }
            }
        }
    }

    @Test func memoryRowsPicksAndRepeatsRows() {
        var rng = SplitMix64(seed: 15)
        let attention = Attention(.additive, querySize: 3, keySize: 3, rng: &rng, dtype: .float64)
        let k = leaf([4, 5, 3], seed: 16)
        let memory = attention.memory(keys: k, mask: Self.mask)
        let picked = memory.rows([2, 2, 0])
        #expect(picked.keys.shape == [3, 5, 3])
        #expect(picked.keys.value.select(axis: 0, 1) == k.value.select(axis: 0, 2))
        #expect(picked.projectedKeys!.value.select(axis: 0, 2) == memory.projectedKeys!.value.select(axis: 0, 0))
        #expect(picked.mask! == Array(Self.mask[10..<15] + Self.mask[10..<15] + Self.mask[0..<5]))
        let q = leaf([1, 3], seed: 17)
        let all = attention(query: Variable(Tensor.concat([q.value, q.value, q.value, q.value], axis: 0)), memory: memory)
        let one = attention(query: q, memory: memory.rows([1]))
        #expect(maxRelativeDifference(one.context.value.doubles, all.context.value.select(axis: 0, 1).doubles) < 1e-15)
    }
}

import Foundation
