import RNNEngine

/// The error of our tensor against a reference (PyTorch's):
/// max_i |a_i − b_i| / max(max_i |b_i|, 1e-12); infinite when ours is missing,
/// has another shape, or holds a NaN.
func parityError(_ ours: Tensor?, _ reference: Tensor) -> Double {
    guard let ours, ours.shape == reference.shape else { return .infinity }
    var (diff, scale) = (0.0, 0.0)
    for (p, q) in zip(ours.doubles, reference.doubles) {
        let d = abs(p - q)
        diff = d.isNaN ? .infinity : max(diff, d)
        scale = max(scale, abs(q))
    }
    return diff / max(scale, 1e-12)
}
