/// Raw row copies and typed pointers for the fused recurrent kernels.
extension Tensor {
    /// Reorders rows of a (P·Q, K) tensor stored as (P, Q, K) into (Q, P, K), flattened to (Q·P, K).
    /// With P = B and Q = T it turns batch-major rows into time-major rows.
    func swapBatchAndTimeRows(p: Int, q: Int) -> Tensor {
        let k = count / max(p * q, 1)
        let out = TensorStorage(dtype: dtype, count: count)
        let rowBytes = k * dtype.size
        for i in 0..<p {
            for j in 0..<q {
                (out.raw + (j * p + i) * rowBytes).copyMemory(from: storage.raw + (i * q + j) * rowBytes, byteCount: rowBytes)
            }
        }
        return Tensor(shape: [q * p, k], storage: out)
    }

    /// A tensor left unfilled, for a buffer whose every element the caller writes
    /// before anything reads it (saves the zero fill of (T, B, G)-sized buffers).
    static func unfilled(_ shape: [Int], dtype: DType) -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(dtype: dtype, count: shape.reduce(1, *)))
    }

    /// Overwrites block `index` of the first axis with `block`'s elements.
    mutating func setRows(_ index: Int, from block: Tensor) {
        makeUnique()
        let bytes = block.count * dtype.size
        (storage.raw + index * bytes).copyMemory(from: block.storage.raw, byteCount: bytes)
    }

    /// Overwrites row `row` of a (R, n) tensor with row `row` of `other`.
    mutating func setRow(_ row: Int, from other: Tensor) {
        makeUnique()
        let n = shape[shape.count - 1]
        let bytes = n * dtype.size
        (storage.raw + row * bytes).copyMemory(from: other.storage.raw + row * bytes, byteCount: bytes)
    }

    /// A typed pointer for reading; valid while the tensor is alive and unmodified.
    func pointer<T: EngineScalar>(_: T.Type) -> UnsafePointer<T> {
        precondition(T.dtype == dtype)
        return UnsafePointer(storage.raw.assumingMemoryBound(to: T.self))
    }

    /// A typed pointer for writing, after making the storage unique.
    mutating func mutablePointer<T: EngineScalar>(_: T.Type) -> UnsafeMutablePointer<T> {
        precondition(T.dtype == dtype)
        makeUnique()
        return storage.raw.assumingMemoryBound(to: T.self)
    }
}

/// (B·T, K) rows batch-major ↔ time-major; `batch` is the outer extent of the input.
func swapBatchAndTime(_ x: Tensor, batch: Int, steps: Int) -> Tensor {
    x.swapBatchAndTimeRows(p: batch, q: steps).reshaped([steps, batch, x.count / max(batch * steps, 1)])
}
