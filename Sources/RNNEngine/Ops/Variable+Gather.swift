/// Row lookup: the embedding layer's forward pass, and its scatter-add backward.
extension Tensor {
    /// Rows of a (V, E) matrix picked by `indices`: the result is (indices.count, E).
    public func gatherRows(_ indices: [Int]) -> Tensor {
        precondition(rank == 2, "gatherRows needs a matrix, shape is \(shape)")
        let (v, e) = (shape[0], shape[1])
        let out = TensorStorage(dtype: dtype, count: indices.count * e)
        let rowBytes = e * dtype.size
        for (r, index) in indices.enumerated() {
            precondition(index >= 0 && index < v, "index \(index) out of range 0..<\(v)")
            (out.raw + r * rowBytes).copyMemory(from: storage.raw + index * rowBytes, byteCount: rowBytes)
        }
        return Tensor(shape: [indices.count, e], storage: out)
    }

    /// Adds row r of `rows` (N, E) into row `indices[r]` of self (V, E); repeated indices add up.
    /// Rows whose index is `skipping` are left out (an embedding's padding row).
    public mutating func scatterAddRows(_ indices: [Int], _ rows: Tensor, skipping: Int? = nil) {
        precondition(rows.shape == [indices.count, shape[1]], "scatter of \(rows.shape) into \(shape)")
        switch dtype {
        case .float32: scatterAddRows(indices, rows, skipping, Float.self)
        case .float64: scatterAddRows(indices, rows, skipping, Double.self)
        }
    }

    private mutating func scatterAddRows<T: EngineScalar>(_ indices: [Int], _ rows: Tensor, _ skipping: Int?,
                                                          _: T.Type) {
        let (v, e) = (shape[0], shape[1])
        let (src, dst) = (rows.pointer(T.self), mutablePointer(T.self))
        let skip = skipping ?? -1
        for (r, index) in indices.enumerated() where index != skip {
            precondition(index >= 0 && index < v, "index \(index) out of range 0..<\(v)")
            let (to, from) = (dst + index * e, src + r * e)
            for j in 0..<e { to[j] += from[j] }
        }
    }
}

extension Variable {
    /// Embedding lookup: rows of this (V, E) matrix for `indices`, arranged as
    /// `shape + [E]` (e.g. token ids of shape (B, T) give (B, T, E)).
    public func gather(_ indices: [Int], shape: [Int]? = nil) -> Variable {
        let shape = shape ?? [indices.count]
        precondition(shape.reduce(1, *) == indices.count, "\(indices.count) indices for shape \(shape)")
        let table = self.shape
        let rows = value.gatherRows(indices)
        return Variable(rows.reshaped(shape + [table[1]]), parents: [self]) { g in
            var d = Tensor(zeros: table, dtype: g.dtype)
            d.scatterAddRows(indices, g.reshaped([indices.count, table[1]]))
            self.accumulate(d)
        }
    }
}
