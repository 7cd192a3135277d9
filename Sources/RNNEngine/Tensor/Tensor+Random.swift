/// Seeded random tensors. Values are drawn in Double and rounded, so a `float32`
/// and a `float64` tensor made from the same seed hold the same numbers.
extension Tensor {
    /// Uniform in [low, high).
    public static func uniform(
        _ shape: [Int], low: Double = 0, high: Double = 1,
        rng: inout SplitMix64, dtype: DType = .float32
    ) -> Tensor {
        var t = Tensor(zeros: shape, dtype: dtype)
        for i in 0..<t.count { t[flat: i] = rng.uniform(low, high) }
        return t
    }

    /// Normal with the given mean and standard deviation.
    public static func normal(
        _ shape: [Int], mean: Double = 0, std: Double = 1,
        rng: inout SplitMix64, dtype: DType = .float32
    ) -> Tensor {
        var t = Tensor(zeros: shape, dtype: dtype)
        for i in 0..<t.count { t[flat: i] = mean + std * rng.normal() }
        return t
    }
}
