/// Embedding lookup with a padding row, as PyTorch's `nn.Embedding(padding_idx=p)`:
/// row p is looked up like any other, but never receives a gradient, so it
/// stays what it was set to (zeros, from `Embedding`'s initialiser).
extension Variable {
    /// Rows of this (V, E) matrix for `indices`, arranged as `shape + [E]`;
    /// backward scatter-adds ∂y into the rows picked, except row `paddingIndex`.
    public func gather(_ indices: [Int], shape: [Int], paddingIndex: Int?) -> Variable {
        guard let padding = paddingIndex else { return gather(indices, shape: shape) }
        precondition(shape.reduce(1, *) == indices.count, "\(indices.count) indices for shape \(shape)")
        let table = self.shape
        let rows = value.gatherRows(indices)
        return Variable(rows.reshaped(shape + [table[1]]), parents: [self]) { g in
            // Every row but the padding row's goes back, straight from ∂y.
            var d = Tensor(zeros: table, dtype: g.dtype)
            d.scatterAddRows(indices, g.reshaped([indices.count, table[1]]), skipping: padding)
            self.accumulate(d)
        }
    }
}
