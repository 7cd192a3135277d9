/// Where the K = B·T rows of a (B·T, G) gradient live, read in batch-major order
/// (sequence b, then step t): row (b, t) at base + b·sequenceStride + t·stepStride.
///
/// Batch-major storage is sequenceStride = T·G, stepStride = G. The time-major δ of
/// `SequencePass` (T, B, G) by processing step k is sequenceStride = G and
/// stepStride = B·G; for the reverse direction, which reads time t at step
/// T − 1 − t, base moves to block T − 1 and stepStride is −B·G. Readers walk the
/// rows in the batch-major order, so a sum over them keeps the order (and the
/// rounding) of the same sum over a batch-major copy.
struct DeltaRows<T> {
    let base: UnsafePointer<T>
    let sequences: Int, steps: Int
    let sequenceStride: Int, stepStride: Int

    /// The K rows of a batch-major buffer (K, width), in their own order.
    static func batchMajor(_ p: UnsafePointer<T>, rows: Int, width: Int) -> DeltaRows {
        DeltaRows(base: p, sequences: 1, steps: rows, sequenceStride: 0, stepStride: width)
    }

    /// The rows of a time-major buffer (steps, sequences, width) indexed by processing
    /// step k, where step k read time t = k, or t = T − 1 − k when `reverse`.
    static func timeMajor(_ p: UnsafePointer<T>, sequences: Int, steps: Int, width: Int, reverse: Bool) -> DeltaRows {
        let block = sequences * width
        return reverse
            ? DeltaRows(base: p + (steps - 1) * block, sequences: sequences, steps: steps, sequenceStride: width,
                        stepStride: -block)
            : DeltaRows(base: p, sequences: sequences, steps: steps, sequenceStride: width, stepStride: block)
    }

    /// The other way round: the rows of a batch-major buffer (sequences, steps, width) in
    /// step order (row p = k·B + b is sequence b at the time step k read: t = k, or
    /// T − 1 − k when `reverse`). The map's outer count is then the steps, its inner the
    /// sequences.
    static func stepOrder(ofBatchMajor p: UnsafePointer<T>, sequences: Int, steps: Int, width: Int,
                          reverse: Bool) -> DeltaRows {
        DeltaRows(base: p + (reverse ? (steps - 1) * width : 0), sequences: steps, steps: sequences,
                  sequenceStride: reverse ? -width : width, stepStride: steps * width)
    }

    /// Row p of the batch-major order (p = b·T + t).
    @inline(__always)
    func row(_ p: Int) -> UnsafePointer<T> { base + (p / steps) * sequenceStride + (p % steps) * stepStride }

    /// A walk over consecutive rows from row p, without a division per row.
    @inline(__always)
    func cursor(at p: Int) -> Cursor { Cursor(rows: self, step: p % steps, row: row(p)) }

    struct Cursor {
        let rows: DeltaRows
        var step: Int
        var row: UnsafePointer<T>

        /// Moves to the next row of the batch-major order.
        @inline(__always)
        mutating func advance() {
            step += 1
            if step == rows.steps {
                step = 0
                row += rows.sequenceStride - (rows.steps - 1) * rows.stepStride
            } else {
                row += rows.stepStride
            }
        }
    }

    /// The same rows as another scalar type (T and U are the same type where called).
    @inline(__always)
    func rebound<U>() -> DeltaRows<U> {
        DeltaRows<U>(base: UnsafeRawPointer(base).assumingMemoryBound(to: U.self), sequences: sequences, steps: steps,
                     sequenceStride: sequenceStride, stepStride: stepStride)
    }
}

extension DeltaRows where T: EngineScalar {
    /// Σ over all rows of their first `width` values, added in the batch-major order
    /// from 0, as `Tensor.sum(axis: 0)` adds the rows of a batch-major copy: bitwise
    /// its result. Returns a (width) tensor.
    func columnSums(width: Int, dtype: DType) -> Tensor {
        var out = Tensor(zeros: [width], dtype: dtype)
        let d = out.mutablePointer(T.self)
        var cursor = cursor(at: 0)
        for _ in 0..<(sequences * steps) {
            let s = cursor.row
            for j in 0..<width { d[j] += s[j] }
            cursor.advance()
        }
        return out
    }
}
