/// Softmax and log-softmax over the last dimension.
extension Variable {
    /// y = softmax(x) per row; backward: ∂x = y ⊙ (∂y − Σ ∂y ⊙ y).
    public func softmax() -> Variable { maskedSoftmax(mask: nil) }

    /// Softmax over the last axis with padded positions set to exactly 0 (see
    /// `Tensor.maskedSoftmaxRows`); a nil mask is the plain softmax. Since y is 0
    /// at padded positions, the backward gives them no gradient.
    public func maskedSoftmax(mask: [Bool]?) -> Variable {
        let y = value.maskedSoftmaxRows(mask: mask)
        return Variable(y, parents: [self]) { g in
            let dot = (g * y).sum(axis: y.rank - 1).expanded(axis: y.rank - 1, extent: y.shape[y.rank - 1])
            self.accumulate(y * (g - dot))
        }
    }

    /// y = log softmax(x) per row; backward: ∂x = ∂y − softmax(x) ⊙ Σ ∂y.
    public func logSoftmax() -> Variable {
        let y = value.logSoftmaxRows()
        return Variable(y, parents: [self]) { g in
            let last = y.rank - 1
            let total = g.sum(axis: last).expanded(axis: last, extent: y.shape[last])
            self.accumulate(g - y.map(Exp()) * total)
        }
    }
}
