/// How to fill a new weight tensor. Fans follow PyTorch: for a matrix (O, I),
/// fan-in is I and fan-out is O; for more dimensions the trailing ones multiply
/// both (a receptive field).
public enum Initializer: Sendable, Equatable {
    case zeros
    case constant(Double)
    case uniform(low: Double, high: Double)
    case normal(mean: Double, std: Double)
    /// U(±gain·√(6 / (fanIn + fanOut))) (Glorot & Bengio 2010); Keras' default.
    case glorotUniform(gain: Double = 1)
    /// N(0, gain²·2 / (fanIn + fanOut)).
    case glorotNormal(gain: Double = 1)
    /// U(±√(6 / fanIn)) (He et al. 2015), for ReLU layers.
    case heUniform
    /// N(0, 2 / fanIn).
    case heNormal
    /// A (semi-)orthogonal matrix times gain (Saxe et al. 2014); Keras' default
    /// for recurrent kernels.
    case orthogonal(gain: Double = 1)
    /// gain·I, for an identity-initialised ReLU RNN (Le, Jaitly & Hinton 2015).
    case identity(gain: Double = 1)

    /// A new tensor of `shape` drawn from this initialiser.
    public func make(_ shape: [Int], rng: inout SplitMix64, dtype: DType = .float32) -> Tensor {
        let (fanIn, fanOut) = Initializer.fans(shape)
        switch self {
        case .zeros: return Tensor(zeros: shape, dtype: dtype)
        case .constant(let c): return Tensor(shape: shape, repeating: c, dtype: dtype)
        case let .uniform(low, high): return .uniform(shape, low: low, high: high, rng: &rng, dtype: dtype)
        case let .normal(mean, std): return .normal(shape, mean: mean, std: std, rng: &rng, dtype: dtype)
        case .glorotUniform(let gain):
            let a = gain * (6 / Double(max(fanIn + fanOut, 1))).squareRoot()
            return .uniform(shape, low: -a, high: a, rng: &rng, dtype: dtype)
        case .glorotNormal(let gain):
            let std = gain * (2 / Double(max(fanIn + fanOut, 1))).squareRoot()
            return .normal(shape, std: std, rng: &rng, dtype: dtype)
        case .heUniform:
            let a = (6 / Double(max(fanIn, 1))).squareRoot()
            return .uniform(shape, low: -a, high: a, rng: &rng, dtype: dtype)
        case .heNormal:
            return .normal(shape, std: (2 / Double(max(fanIn, 1))).squareRoot(), rng: &rng, dtype: dtype)
        case .orthogonal(let gain):
            return Initializer.orthogonal(shape, gain: gain, rng: &rng).converted(to: dtype)
        case .identity(let gain):
            precondition(shape.count == 2, "identity initialisation needs a matrix, got \(shape)")
            var t = Tensor(zeros: shape, dtype: dtype)
            for i in 0..<min(shape[0], shape[1]) { t[i, i] = gain }
            return t
        }
    }

    /// (fanIn, fanOut) of a weight of this shape.
    public static func fans(_ shape: [Int]) -> (Int, Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        default:
            let field = shape.dropFirst(2).reduce(1, *)
            return (shape[1] * field, shape[0] * field)
        }
    }

    /// Orthonormal rows or columns (whichever are fewer) from the QR decomposition
    /// of a Gaussian matrix, by modified Gram–Schmidt in Double. R's diagonal comes
    /// out positive, which fixes the signs as PyTorch's `orthogonal_` does.
    static func orthogonal(_ shape: [Int], gain: Double, rng: inout SplitMix64) -> Tensor {
        precondition(shape.count >= 2, "orthogonal initialisation needs at least 2 dimensions, got \(shape)")
        let rows = shape[0], cols = shape.dropFirst().reduce(1, *)
        // Orthonormalise the k = min(rows, cols) vectors of length n = max(rows, cols).
        let (n, k) = (max(rows, cols), min(rows, cols))
        var v = (0..<k).map { _ in (0..<n).map { _ in rng.normal() } }
        for i in 0..<k {
            for j in 0..<i {
                let dot = zip(v[i], v[j]).reduce(0) { $0 + $1.0 * $1.1 }
                for e in 0..<n { v[i][e] -= dot * v[j][e] }
            }
            let norm = v[i].reduce(0) { $0 + $1 * $1 }.squareRoot()
            for e in 0..<n { v[i][e] /= norm }
        }
        var out = Tensor(zeros: [rows, cols], dtype: .float64)
        for r in 0..<rows {
            for c in 0..<cols { out[r, c] = gain * (rows >= cols ? v[c][r] : v[r][c]) }
        }
        return out.reshaped(shape)
    }
}
