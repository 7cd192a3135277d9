/// Softmax and log-softmax over the last dimension, the max subtracted first so
/// that large logits do not overflow.
extension Tensor {
    /// Each row (last dimension) mapped to probabilities: exp(x − max) / Σ exp(x − max).
    public func softmaxRows() -> Tensor { rowwise(log: false, mask: nil) }

    /// Each row mapped to log-probabilities: x − max − log Σ exp(x − max).
    public func logSoftmaxRows() -> Tensor { rowwise(log: true, mask: nil) }

    /// Softmax of every row over its real positions only: `mask` has one flag per
    /// element, row-major (for scores (B, S): flag b·S + s); padded positions get
    /// exactly 0, and a row with no real position is all zeros — what adding −∞ to
    /// the padded scores does, without the NaN of an all-padding row.
    public func maskedSoftmaxRows(mask: [Bool]?) -> Tensor {
        precondition(mask == nil || mask!.count == count, "mask has \(mask!.count) flags for shape \(shape)")
        return rowwise(log: false, mask: mask)
    }

    private func rowwise(log: Bool, mask: [Bool]?) -> Tensor {
        precondition(rank >= 1, "softmax needs at least one dimension")
        switch dtype {
        case .float32: return rowwise(log, mask, Float.self)
        case .float64: return rowwise(log, mask, Double.self)
        }
    }

    private func rowwise<T: EngineScalar>(_ log: Bool, _ mask: [Bool]?, _: T.Type) -> Tensor {
        var out = Tensor(zeros: shape, dtype: dtype)
        let n = shape[rank - 1]
        guard n > 0 else { return out }
        withUnsafeBufferPointer(as: T.self) { x in
            out.withUnsafeMutableBufferPointer(as: T.self) { y in
                for r in 0..<(count / n) {
                    let row = r * n
                    var m = -T.infinity
                    for j in 0..<n where mask?[row + j] ?? true { m = max(m, x[row + j]) }
                    guard m > -T.infinity || mask == nil else { continue }  // no real position: zeros
                    var s: T = 0
                    for j in 0..<n where mask?[row + j] ?? true {
                        let e = T.exp(x[row + j] - m)
                        y[row + j] = e
                        s += e
                    }
                    if log {
                        // (x − max) first: exact for nearby floats, so huge logits lose nothing.
                        let logS = T.log(s)
                        for j in 0..<n { y[row + j] = (x[row + j] - m) - logS }
                    } else {
                        let inv = 1 / s
                        for j in 0..<n { y[row + j] *= inv }
                    }
                }
            }
        }
        return out
    }
}
