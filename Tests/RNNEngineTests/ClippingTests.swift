import Testing
import RNNEngine

@Suite struct ClippingTests {
    func params(_ values: [[Float]]) -> [Variable] {
        values.map { v in
            let p = Variable(Tensor(zeros: [v.count]), requiresGrad: true)
            p.grad = Tensor(shape: [v.count], scalars: v)
            return p
        }
    }

    /// The global norm over all parameters is 13 (5, 12); clipping to 1 keeps the direction.
    @Test func clipByGlobalNorm() {
        let ps = params([[3, 4], [12]])
        let report = clipGradientNorm(ps, maxNorm: 1)
        #expect(abs(report.norm - 13) < 1e-5)
        #expect(report.clipped && report.isFinite)
        let after = ps.reduce(0.0) { $0 + $1.grad!.sumOfSquares() }.squareRoot()
        #expect(abs(after - 1) < 1e-5)
        #expect(abs(ps[0].grad![flat: 1] / ps[0].grad![flat: 0] - 4.0 / 3.0) < 1e-5)
    }

    @Test func noClipBelowTheThreshold() {
        let ps = params([[0.3, 0.4]])
        let report = clipGradientNorm(ps, maxNorm: 1)
        #expect(!report.clipped)
        #expect(ps[0].grad!.scalars == [0.3, 0.4])
    }

    /// A NaN or infinite gradient is reported, and nothing is scaled.
    @Test func nonFiniteNormIsReported() {
        let ps = params([[1, .infinity], [2]])
        let report = clipGradientNorm(ps, maxNorm: 1)
        #expect(!report.isFinite && !report.clipped)
        #expect(ps[1].grad!.scalars == [2])
        #expect(!clipGradientNorm(params([[.nan]]), maxNorm: 1).isFinite)
    }

    @Test func clipByValue() {
        let ps = params([[-3, 0.5, 2], [0.1]])
        #expect(clipGradientValue(ps, clipValue: 1) == 2)
        #expect(ps[0].grad!.scalars == [-1, 0.5, 1])
    }
}
