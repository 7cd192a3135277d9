import Foundation

/// Reshaping, slicing, joining and transposing. These only move bytes, so they
/// work the same for every element type.
extension Tensor {
    /// The same elements under a new shape; one dimension may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var newShape = newShape
        if let hole = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != hole }.map(\.element).reduce(1, *)
            precondition(known > 0 && count % known == 0, "cannot reshape \(shape) to \(newShape)")
            newShape[hole] = count / known
        }
        precondition(newShape.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        return Tensor(shape: newShape, storage: storage)
    }

    /// Splits the shape around `axis` into (outer, extent, inner) element counts.
    func around(axis: Int) -> (outer: Int, extent: Int, inner: Int) {
        precondition(axis >= 0 && axis < rank, "axis \(axis) out of range for shape \(shape)")
        return (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// Elements `range` along `axis`: axis 0 is the batch, axis 1 is time for a (B, T, I) tensor.
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        let (outer, extent, inner) = around(axis: axis)
        precondition(range.lowerBound >= 0 && range.upperBound <= extent,
                     "slice \(range) out of range 0..<\(extent) on axis \(axis) of \(shape)")
        var newShape = shape
        newShape[axis] = range.count
        if axis == 0 || outer == 1 {  // contiguous: copy one block
            let out = TensorStorage(dtype: dtype, count: newShape.reduce(1, *))
            let size = dtype.size
            out.raw.copyMemory(from: storage.raw + range.lowerBound * inner * size,
                               byteCount: out.count * size)
            return Tensor(shape: newShape, storage: out)
        }
        var out = Tensor(zeros: newShape, dtype: dtype)
        let rowBytes = range.count * inner * dtype.size
        for o in 0..<outer {
            let src = storage.raw + ((o * extent + range.lowerBound) * inner) * dtype.size
            (out.storage.raw + o * rowBytes).copyMemory(from: src, byteCount: rowBytes)
        }
        out.shape = newShape
        return out
    }

    /// One index along `axis`, with that axis removed: `x.select(axis: 1, t)` is step t of (B, T, I).
    public func select(axis: Int, _ index: Int) -> Tensor {
        var s = slice(axis: axis, index..<(index + 1))
        s.shape.remove(at: axis)
        return s
    }

    /// Joins tensors along `axis`; all other dimensions must agree.
    public static func concat(_ parts: [Tensor], axis: Int) -> Tensor {
        precondition(!parts.isEmpty, "concat of no tensors")
        let first = parts[0]
        for p in parts {
            precondition(p.dtype == first.dtype, "concat of \(first.dtype) and \(p.dtype)")
            precondition(p.rank == first.rank && zip(p.shape.indices, zip(p.shape, first.shape))
                .allSatisfy { $0.0 == axis || $0.1.0 == $0.1.1 },
                         "concat along axis \(axis) of shapes \(first.shape) and \(p.shape)")
        }
        var shape = first.shape
        shape[axis] = parts.reduce(0) { $0 + $1.shape[axis] }
        let out = TensorStorage(dtype: first.dtype, count: shape.reduce(1, *))
        let (outer, _, inner) = first.around(axis: axis)
        let size = first.dtype.size
        let outRow = shape[axis] * inner * size
        var offset = 0
        for p in parts {
            let rowBytes = p.shape[axis] * inner * size
            for o in 0..<outer {
                (out.raw + o * outRow + offset).copyMemory(from: p.storage.raw + o * rowBytes, byteCount: rowBytes)
            }
            offset += rowBytes
        }
        return Tensor(shape: shape, storage: out)
    }

    /// Stacks equal-shaped tensors along a new axis.
    public static func stack(_ parts: [Tensor], axis: Int) -> Tensor {
        precondition(!parts.isEmpty, "stack of no tensors")
        var shape = parts[0].shape
        shape.insert(1, at: axis)
        return concat(parts.map { $0.reshaped(shape) }, axis: axis)
    }

    /// Cuts a tensor along `axis` into pieces of the given sizes (which must add up).
    public func split(axis: Int, sizes: [Int]) -> [Tensor] {
        precondition(sizes.reduce(0, +) == shape[axis], "split sizes \(sizes) do not add up to \(shape[axis])")
        var start = 0
        return sizes.map { n in
            defer { start += n }
            return slice(axis: axis, start..<(start + n))
        }
    }

    /// The transpose of a matrix: (R, C) becomes (C, R).
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed() needs a matrix, shape is \(shape)")
        let (r, c) = (shape[0], shape[1])
        let out = TensorStorage(dtype: dtype, count: count)
        switch dtype {
        case .float32: transposeCopy(r, c, storage.raw.assumingMemoryBound(to: UInt32.self), out.raw.assumingMemoryBound(to: UInt32.self))
        case .float64: transposeCopy(r, c, storage.raw.assumingMemoryBound(to: UInt64.self), out.raw.assumingMemoryBound(to: UInt64.self))
        }
        return Tensor(shape: [c, r], storage: out)
    }
}

/// Blocked transpose, so both the reads and the writes stay within cache lines.
private func transposeCopy<E>(_ r: Int, _ c: Int, _ src: UnsafePointer<E>, _ dst: UnsafeMutablePointer<E>) {
    let block = 32
    for i0 in stride(from: 0, to: r, by: block) {
        for j0 in stride(from: 0, to: c, by: block) {
            for i in i0..<min(i0 + block, r) {
                for j in j0..<min(j0 + block, c) { dst[j * r + i] = src[i * c + j] }
            }
        }
    }
}
