import RNNEngine

/// A float64 leaf that needs a gradient, filled from a seeded normal distribution.
func leaf(_ shape: [Int], seed: UInt64, scale: Double = 1, name: String = "x") -> Variable {
    var rng = SplitMix64(seed: seed)
    return Variable(.normal(shape, std: scale, rng: &rng, dtype: .float64), requiresGrad: true, name: name)
}

/// Reduces any output to a scalar with fixed random weights, so that each output
/// element gets a different upstream gradient (a plain sum would hide mistakes
/// that permute or mix up elements).
func weightedSum(_ y: Variable, seed: UInt64 = 99) -> Variable {
    var rng = SplitMix64(seed: seed)
    let w = Variable(.normal(y.shape, rng: &rng, dtype: y.dtype))
    return (y * w).sum()
}

/// Checks f's gradient with respect to `inputs`, with the default float64 tolerance.
func expectGradientsMatch(_ inputs: [Variable], _ f: () -> Variable) -> GradientCheckResult {
    gradientCheck(inputs, f)
}

/// |a − b| ≤ tol · max(1, |b|), elementwise, with a message naming the worst element.
func maxRelativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    var worst = 0.0
    for (x, y) in zip(a, b) { worst = max(worst, abs(x - y) / max(1, abs(y))) }
    return worst
}
