/// Softmax over the last axis that skips masked positions: the attention weights
/// over a padded source.
///
/// For a row x with flags m (true = a real position, false = padding):
///   y_j = exp(x_j − max) / Σ_{k: m_k} exp(x_k − max)  where m_j, else exactly 0,
/// with the max over the real positions. A row with no real position gives all
/// zeros (its context is then the zero vector). This is what adding −∞ to the
/// padded scores does, without the NaN of an all-padding row.
///
/// Backward is the softmax's: ∂x = y ⊙ (∂y − Σ ∂y ⊙ y); since y is 0 at padded
/// positions, they receive no gradient.
extension Tensor {
    /// The masked softmax of every row (last dimension); `mask` has one flag per
    /// element, row-major (for scores (B, S): flag b·S + s), nil for none.
    public func maskedSoftmaxRows(mask: [Bool]?) -> Tensor {
        guard let mask else { return softmaxRows() }
        precondition(rank >= 1 && mask.count == count, "mask has \(mask.count) flags for shape \(shape)")
        switch dtype {
        case .float32: return maskedSoftmax(mask, Float.self)
        case .float64: return maskedSoftmax(mask, Double.self)
        }
    }

    private func maskedSoftmax<T: EngineScalar>(_ mask: [Bool], _: T.Type) -> Tensor {
        var out = Tensor(zeros: shape, dtype: dtype)
        let n = shape[rank - 1]
        guard n > 0 else { return out }
        withUnsafeBufferPointer(as: T.self) { x in
            out.withUnsafeMutableBufferPointer(as: T.self) { y in
                for r in 0..<(count / n) {
                    let row = r * n
                    var m = -T.infinity
                    for j in 0..<n where mask[row + j] { m = max(m, x[row + j]) }
                    guard m > -T.infinity else { continue }  // no real position: zeros
                    var s: T = 0
                    for j in 0..<n where mask[row + j] {
                        let e = T.exp(x[row + j] - m)
                        y[row + j] = e
                        s += e
                    }
                    let inv = 1 / s
                    for j in 0..<n { y[row + j] *= inv }
                }
            }
        }
        return out
    }
}

extension Variable {
    /// Softmax over the last axis with padded positions set to exactly 0 (see
    /// `Tensor.maskedSoftmaxRows`); nil mask is the plain softmax.
    public func maskedSoftmax(mask: [Bool]?) -> Variable {
        let y = value.maskedSoftmaxRows(mask: mask)
        return Variable(y, parents: [self]) { g in
            let last = y.rank - 1
            let dot = (g * y).sum(axis: last).expanded(axis: last, extent: y.shape[last])
            self.accumulate(y * (g - dot))
        }
    }
}
