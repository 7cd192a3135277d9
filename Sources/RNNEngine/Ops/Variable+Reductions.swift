/// Sums and means, whole or along one axis.
extension Variable {
    /// The sum of every element, as a scalar (shape []).
    public func sum() -> Variable {
        let out = Tensor.scalar(value.sum(), dtype: dtype)
        let shape = self.shape
        return Variable(out, parents: [self]) { g in
            self.accumulate(Tensor(shape: shape, repeating: g.item, dtype: g.dtype))
        }
    }

    /// The mean of every element, as a scalar.
    public func mean() -> Variable { sum() * (1.0 / Double(max(value.count, 1))) }

    /// Sums along `axis`, removing it.
    public func sum(axis: Int) -> Variable {
        let extent = shape[axis]
        return Variable(value.sum(axis: axis), parents: [self]) { g in
            self.accumulate(g.expanded(axis: axis, extent: extent))
        }
    }

    /// Means along `axis`, removing it.
    public func mean(axis: Int) -> Variable { sum(axis: axis) * (1.0 / Double(max(shape[axis], 1))) }
}
