import Testing
import RNNEngine

@Suite struct TensorTests {
    @Test func copyOnWrite() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        var b = a
        #expect(b.sharesStorage(with: a))
        b[0, 1] = 9
        #expect(!b.sharesStorage(with: a))
        #expect(a.scalars == [1, 2, 3, 4])
        #expect(b.scalars == [1, 9, 3, 4])
    }

    @Test func seededRandomIsReproducibleAndTypeIndependent() {
        var r1 = SplitMix64(seed: 7), r2 = SplitMix64(seed: 7), r3 = SplitMix64(seed: 8)
        let a = Tensor.normal([100], rng: &r1)
        let b = Tensor.normal([100], rng: &r2, dtype: .float64)
        let c = Tensor.normal([100], rng: &r3)
        #expect(a.scalars == b.converted(to: .float32).scalars)
        #expect(a != c)
        let mean = a.sum() / 100
        #expect(abs(mean) < 0.3)
        var r4 = SplitMix64(seed: 1)
        let u = Tensor.uniform([1000], low: -2, high: 3, rng: &r4)
        #expect(u.scalars.allSatisfy { $0 >= -2 && $0 < 3 })
    }

    @Test func reshapeInfersOneDimension() {
        let x = Tensor(zeros: [2, 3, 4])
        #expect(x.reshaped([-1, 4]).shape == [6, 4])
        #expect(x.reshaped([2, -1]).shape == [2, 12])
    }

    /// Slicing along batch and time of a (B, T, I) tensor picks the right elements.
    @Test func sliceSelectConcatSplit() {
        let x = Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Float.init))
        #expect(x.slice(axis: 0, 1..<2).scalars == [6, 7, 8, 9, 10, 11])
        #expect(x.slice(axis: 1, 1..<3).scalars == [2, 3, 4, 5, 8, 9, 10, 11])
        #expect(x.select(axis: 1, 2).shape == [2, 2])
        #expect(x.select(axis: 1, 2).scalars == [4, 5, 10, 11])
        #expect(x.slice(axis: 2, 1..<2).scalars == [1, 3, 5, 7, 9, 11])
        let parts = x.split(axis: 1, sizes: [1, 2])
        #expect(parts.map(\.shape) == [[2, 1, 2], [2, 2, 2]])
        #expect(Tensor.concat(parts, axis: 1) == x)
        #expect(Tensor.stack([x, x], axis: 0).shape == [2, 2, 3, 2])
    }

    @Test func transposeOfANonSquareMatrix() {
        var rng = SplitMix64(seed: 3)
        let x = Tensor.normal([37, 70], rng: &rng)
        let t = x.transposed()
        #expect(t.shape == [70, 37])
        #expect(t[69, 36] == x[36, 69] && t[5, 20] == x[20, 5])
        #expect(t.transposed() == x)
    }

    @Test func broadcastingFollowsNumPyRules() {
        #expect(Tensor.broadcastShape([3, 4], [4]) == [3, 4])
        #expect(Tensor.broadcastShape([2, 1, 4], [3, 1]) == [2, 3, 4])
        #expect(Tensor.broadcastShape([3, 4], [3]) == nil)
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let col = Tensor(shape: [2, 1], scalars: [10, 20])
        #expect((a + col).scalars == [11, 12, 13, 24, 25, 26])
        #expect((a * Tensor(shape: [3], scalars: [1, 0, -1])).scalars == [1, 0, -3, 4, 0, -6])
        #expect((a + col).reduced(toShape: [2, 1]).scalars == [36, 75])
        #expect(a.reduced(toShape: [3]).scalars == [5, 7, 9])
    }

    /// Softmax is stable for huge logits, and log-softmax agrees with log(softmax).
    @Test func softmaxIsStable() {
        let x = Tensor(shape: [2, 3], scalars: [1000, 1001, 1002, -5, 0, 5])
        let s = x.softmaxRows()
        #expect(s.scalars.allSatisfy { $0.isFinite })
        #expect(abs(s[0, 2] - 0.66524) < 1e-4)
        let l = x.logSoftmaxRows()
        for i in 0..<6 { #expect(abs(Foundation.exp(l[flat: i]) - s[flat: i]) < 1e-6) }
    }

    @Test func matmulMatchesHandComputation() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        #expect(Tensor.matmul(a, b).scalars == [58, 64, 139, 154])
        #expect(Tensor.matmul(a, a, transposeB: true).scalars == [14, 32, 32, 77])
        #expect(Tensor.matmul(a, a, transposeA: true).shape == [3, 3])
    }
}

import Foundation
