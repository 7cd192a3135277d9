/// Softmax and log-softmax over the last dimension, the max subtracted first so
/// that large logits do not overflow.
extension Tensor {
    /// Each row (last dimension) mapped to probabilities: exp(x − max) / Σ exp(x − max).
    public func softmaxRows() -> Tensor { rowwise(log: false) }

    /// Each row mapped to log-probabilities: x − max − log Σ exp(x − max).
    public func logSoftmaxRows() -> Tensor { rowwise(log: true) }

    private func rowwise(log: Bool) -> Tensor {
        precondition(rank >= 1, "softmax needs at least one dimension")
        switch dtype {
        case .float32: return rowwise(log, Float.self)
        case .float64: return rowwise(log, Double.self)
        }
    }

    private func rowwise<T: EngineScalar>(_ log: Bool, _: T.Type) -> Tensor {
        var out = Tensor(zeros: shape, dtype: dtype)
        let n = shape[rank - 1]
        guard n > 0 else { return out }
        withUnsafeBufferPointer(as: T.self) { x in
            out.withUnsafeMutableBufferPointer(as: T.self) { y in
                for r in 0..<(count / n) {
                    let row = r * n
                    var m = -T.infinity
                    for j in 0..<n { m = max(m, x[row + j]) }
                    var s: T = 0
                    for j in 0..<n {
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
