import Foundation
import Testing
import RNNEngine

/// The vectorised float32 exp, sigmoid and tanh against libm over their whole range.
@Suite struct VectorMathTests {
    /// 200,001 points from −100 to 100, including the saturated tails and the
    /// 16-lane tail path (the count is not a multiple of 16).
    static let inputs: [Float] = (0...200_000).map { Float(-100 + Double($0) * 0.001) }

    func apply(_ f: some PointwiseFunction) -> [Float] {
        Tensor(shape: [Self.inputs.count], scalars: Self.inputs).map(f).scalars
    }

    @Test func sigmoidAndTanhWithinAFewULPs() {
        let s = apply(Sigmoid()), t = apply(Tanh())
        var worstS = 0.0, worstT = 0.0
        for (i, x) in Self.inputs.enumerated() {
            let d = Double(x)
            worstS = max(worstS, abs(Double(s[i]) - 1 / (1 + Foundation.exp(-d))))
            worstT = max(worstT, abs(Double(t[i]) - Foundation.tanh(d)))
        }
        #expect(worstS < 3e-7, "sigmoid max abs error \(worstS)")
        #expect(worstT < 5e-7, "tanh max abs error \(worstT)")
    }

    @Test func expRelativeError() {
        let e = apply(Exp())
        var worst = 0.0
        for (i, x) in Self.inputs.enumerated() where x > -87 && x < 88 {
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(e[i]) - exact) / exact)
        }
        #expect(worst < 5e-7, "exp max relative error \(worst)")
        #expect(apply(Exp()).allSatisfy { $0.isFinite && $0 >= 0 })
    }

    /// Saturation: no NaN or overshoot at the extremes.
    @Test func saturates() {
        let t = Tensor(shape: [4], scalars: [-1e30, -50, 50, 1e30])
        #expect(t.map(Tanh()).scalars == [-1, -1, 1, 1])
        #expect(t.map(Sigmoid()).scalars.map { $0.rounded() } == [0, 0, 1, 1])
    }
}
