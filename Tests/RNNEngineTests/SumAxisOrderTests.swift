import Testing
@testable import RNNEngine

/// `Tensor.sum(axis:)` adds the rows along the axis in order into each output
/// element, 0 + row 0 + row 1 + …: the bias gradients of the recurrent layers
/// (`dbhh = δ.sum(axis: 0)` over T·B rows) depend on that order, so its vectorised
/// loop must give bitwise the sum of a plain ordered loop, for every axis.
@Suite struct SumAxisOrderTests {
    @Test(arguments: [DType.float32, .float64])
    func sumsInRowOrderBitwise(dtype: DType) {
        var rng = SplitMix64(seed: 3)
        let shape = [5, 37, 19]
        // Values of mixed size, so a different order would round differently.
        var t = Tensor(zeros: shape, dtype: dtype)
        for i in 0..<t.count { t[flat: i] = rng.normal() * (i % 7 == 0 ? 1e4 : 1e-3) }
        for axis in 0..<3 {
            let got = t.sum(axis: axis)
            var others = shape
            others.remove(at: axis)
            let inner = shape[(axis + 1)...].reduce(1, *), extent = shape[axis]
            let outer = shape[..<axis].reduce(1, *)
            var expected: [Double] = []
            for o in 0..<outer {
                for i in 0..<inner {
                    if dtype == .float32 {
                        var s: Float = 0
                        for e in 0..<extent { s += Float(t[flat: (o * extent + e) * inner + i]) }
                        expected.append(Double(s))
                    } else {
                        var s = 0.0
                        for e in 0..<extent { s += t[flat: (o * extent + e) * inner + i] }
                        expected.append(s)
                    }
                }
            }
            #expect(got.shape == others)
            #expect(got.doubles == expected, "axis \(axis)")
        }
    }
}
