/// A linear read-out fitted by ridge regression, in Double:
///   minimise Σ_n ‖y_n − (Wᵀ(f_n − f̄) + ȳ)‖² + λ′‖W‖²
/// over W (F, K), with the intercept left unpenalised (the features and the
/// targets are centred on their means f̄, ȳ over the fitting rows). The solution
/// is W = (FcᵀFc + λ′·1)⁻¹ Fcᵀ Yc, solved by a Cholesky factorisation.
///
/// λ′ = λ · mean_i (FcᵀFc)_ii, so λ is relative to the features' own scale: the
/// same λ means the same thing whatever units the features are in. λ must be
/// positive when FcᵀFc may be singular (features that never vary, more features
/// than rows); a small one (1e-6) changes a well-determined fit by about λ.
public struct RidgeRegression: Sendable {
    /// (F, K), row-major.
    public var weights: [Double]
    /// (F) and (K): the centres the fit subtracted.
    public var featureMean: [Double]
    public var targetMean: [Double]
    public let features: Int
    public let targets: Int

    /// Fits on N rows: `x` (N, F) and `y` (N, K), row-major.
    public init(x: [Double], y: [Double], rows n: Int, features f: Int, targets k: Int, lambda: Double) {
        precondition(n > 0 && x.count == n * f && y.count == n * k, "ridge: \(x.count) and \(y.count) values for \(n) rows")
        precondition(lambda >= 0, "ridge: λ must not be negative")
        (features, targets) = (f, k)
        featureMean = RidgeRegression.columnMeans(x, rows: n, columns: f)
        targetMean = RidgeRegression.columnMeans(y, rows: n, columns: k)
        // A = FcᵀFc (F, F) and C = FcᵀYc (F, K).
        var a = [Double](repeating: 0, count: f * f), c = [Double](repeating: 0, count: f * k)
        var row = [Double](repeating: 0, count: f)
        for r in 0..<n {
            for i in 0..<f { row[i] = x[r * f + i] - featureMean[i] }
            for i in 0..<f {
                let xi = row[i]
                for j in i..<f { a[i * f + j] += xi * row[j] }
                for j in 0..<k { c[i * k + j] += xi * (y[r * k + j] - targetMean[j]) }
            }
        }
        for i in 0..<f { for j in 0..<i { a[i * f + j] = a[j * f + i] } }
        let scale = f == 0 ? 0 : (0..<f).reduce(0.0) { $0 + a[$1 * f + $1] } / Double(f)
        let penalty = lambda * (scale > 0 ? scale : 1)
        for i in 0..<f { a[i * f + i] += penalty }
        weights = RidgeRegression.solveSymmetric(a, c, size: f, columns: k)
    }

    /// Predictions (N, K) for rows `x` (N, F).
    public func predict(_ x: [Double], rows n: Int) -> [Double] {
        precondition(x.count == n * features, "ridge: \(x.count) values for \(n) rows of \(features)")
        var out = [Double](repeating: 0, count: n * targets)
        for r in 0..<n {
            for j in 0..<targets { out[r * targets + j] = targetMean[j] }
            for i in 0..<features {
                let xi = x[r * features + i] - featureMean[i]
                guard xi != 0 else { continue }
                for j in 0..<targets { out[r * targets + j] += xi * weights[i * targets + j] }
            }
        }
        return out
    }

    /// The means of the columns of a (rows, columns) matrix.
    static func columnMeans(_ m: [Double], rows: Int, columns: Int) -> [Double] {
        var mean = [Double](repeating: 0, count: columns)
        for r in 0..<rows { for j in 0..<columns { mean[j] += m[r * columns + j] } }
        return mean.map { $0 / Double(rows) }
    }

    /// X with A·X = B for a symmetric positive definite A (n, n) and B (n, m): A = L·Lᵀ,
    /// then two triangular solves. A pivot that is not positive (A singular to
    /// working precision) makes that direction's weights zero.
    static func solveSymmetric(_ a: [Double], _ b: [Double], size n: Int, columns m: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for p in 0..<j { s -= l[i * n + p] * l[j * n + p] }
                if i == j { l[i * n + i] = s > 0 ? s.squareRoot() : 0 } else { l[i * n + j] = l[j * n + j] > 0 ? s / l[j * n + j] : 0 }
            }
        }
        var x = b
        for c in 0..<m {
            for i in 0..<n {           // L z = b
                var s = x[i * m + c]
                for p in 0..<i { s -= l[i * n + p] * x[p * m + c] }
                x[i * m + c] = l[i * n + i] > 0 ? s / l[i * n + i] : 0
            }
            for i in stride(from: n - 1, through: 0, by: -1) {   // Lᵀ x = z
                var s = x[i * m + c]
                for p in (i + 1)..<n { s -= l[p * n + i] * x[p * m + c] }
                x[i * m + c] = l[i * n + i] > 0 ? s / l[i * n + i] : 0
            }
        }
        return x
    }
}

/// R² = 1 − Σ (y − ŷ)² / Σ (y − ȳ)², pooled over every target column, ȳ being each
/// column's mean over these rows: 1 for a perfect read-out, 0 for one no better
/// than each column's mean, negative for a worse one. 0 when the targets never vary.
public func coefficientOfDetermination(predicted: [Double], actual: [Double], rows n: Int, columns k: Int) -> Double {
    precondition(predicted.count == actual.count && actual.count == n * k, "R²: sizes differ")
    let mean = RidgeRegression.columnMeans(actual, rows: n, columns: k)
    var (residual, total) = (0.0, 0.0)
    for r in 0..<n {
        for j in 0..<k {
            let (y, p) = (actual[r * k + j], predicted[r * k + j])
            residual += (y - p) * (y - p)
            total += (y - mean[j]) * (y - mean[j])
        }
    }
    return total > 0 ? 1 - residual / total : 0
}
