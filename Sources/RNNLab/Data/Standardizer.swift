/// Per-feature standardisation x' = (x − mean) / std, fitted on the training
/// split only and then applied unchanged to validation and test.
public struct Standardizer: Sendable, Equatable {
    public let mean: [Double]
    public let std: [Double]

    public init(mean: [Double], std: [Double]) {
        self.mean = mean
        self.std = std
    }

    /// Fits on rows of `features` values each (a flat row-major array).
    /// A constant feature gets std 1 so it maps to zero rather than NaN.
    public init(fitting values: [Float], features: Int) {
        precondition(features > 0 && values.count % features == 0)
        let rows = values.count / features
        var mean = [Double](repeating: 0, count: features)
        var square = [Double](repeating: 0, count: features)
        for r in 0..<rows {
            for f in 0..<features {
                let v = Double(values[r * features + f])
                mean[f] += v
                square[f] += v * v
            }
        }
        let n = Double(max(rows, 1))
        var std = [Double](repeating: 1, count: features)
        for f in 0..<features {
            mean[f] /= n
            let variance = max(square[f] / n - mean[f] * mean[f], 0)
            std[f] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        self.mean = mean
        self.std = std
    }

    public var features: Int { mean.count }

    /// Standardises a flat row-major array of rows of `features` values.
    public func apply(_ values: [Float]) -> [Float] {
        var out = values
        let f = features
        for i in out.indices {
            out[i] = Float((Double(out[i]) - mean[i % f]) / std[i % f])
        }
        return out
    }

    public func apply(_ value: Double, feature: Int = 0) -> Double { (value - mean[feature]) / std[feature] }

    public func invert(_ value: Double, feature: Int = 0) -> Double { value * std[feature] + mean[feature] }
}
