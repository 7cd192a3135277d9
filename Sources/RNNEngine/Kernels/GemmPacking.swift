/// Packing for `gemm`: copies a block of op(A) or op(B) into the order the micro-kernel
/// reads it, absorbing the transposes and padding edge panels with zeros.
///
/// Packed A (mc × kc block): ⌈mc / MR⌉ micro-panels, each kc columns of MR values,
///   `packed[panel · kc · MR + p · MR + r] = op(A)[i0 + panel · MR + r, p0 + p]`.
/// Packed B (kc × nc block): ⌈nc / NR⌉ micro-panels, each kc rows of NR values,
///   `packed[panel · kc · NR + p · NR + j] = op(B)[p0 + p, j0 + panel · NR + j]`.
/// Rows or columns past the matrix edge are zero, so edge tiles run the same kernel.
///
/// The A packs are `@inline(always)` (a guarantee; `@inline(__always)` is a heuristic under
/// Swift 6.3): once `packA` took the row sums it was left out of line, with MR unknown
/// inside it, and the 512³ product on two threads fell from ~100 to ~45 GFLOP/s.
enum GemmPacking {
    /// Packs op(A)[i0 ..< i0+mc, p0 ..< p0+kc] into panels of `mr` rows.
    /// `sums` (A transposed only): Σ over the block's kc values of each row of op(A) is added
    /// to sums[i0 + i], a row of A at a time (see `packTransposedA`).
    @inline(always)
    static func packA<T: EngineScalar>(
        transposed: Bool, a: UnsafePointer<T>, lda: Int, i0: Int, mc: Int, p0: Int, kc: Int,
        mr: Int, into dst: UnsafeMutablePointer<T>, sums: UnsafeMutablePointer<T>? = nil
    ) {
        if transposed {
            packTransposedA(a: a, lda: lda, i0: i0, mc: mc, p0: p0, kc: kc, mr: mr, into: dst, sums: sums)
            return
        }
        precondition(sums == nil, "row sums are taken only while packing a transposed A")
        var out = dst
        var i = 0
        while i < mc {
            let rows = min(mr, mc - i)
            // A is M×K: gather column p from MR rows; writes stay sequential.
            if rows == mr {
                let src = a + (i0 + i) * lda + p0
                for p in 0..<kc {
                    for r in 0..<mr { out[p * mr + r] = src[r * lda + p] }
                }
            } else {
                for p in 0..<kc {
                    for r in 0..<rows { out[p * mr + r] = a[(i0 + i + r) * lda + p0 + p] }
                    for r in rows..<mr { out[p * mr + r] = 0 }
                }
            }
            out += kc * mr
            i += mr
        }
    }

    /// `packA` for A stored K×M: row p of A holds column p of op(A), and the MR values a
    /// panel takes from it are contiguous. A is read eight rows at a time, each row once
    /// and in order, and their mc values dealt out to the panels (panel q gets values
    /// q·MR ..< (q+1)·MR of row p at q·kc·MR + p·MR), so A streams through the cache row by
    /// row instead of being read down its columns once per panel, and each panel receives
    /// eight whole rows of MR values (full cache lines) at a time. The same values land in
    /// the same places as panel-by-panel packing.
    ///
    /// With `sums`, each row p of A read here is also added into sums[i0 ..< i0+mc]
    /// (sums[i0 + i] += A[p, i0 + i]), rows in order: over the K blocks, in `gemm`'s order,
    /// that is `Tensor.sum(axis: 0)` of A's columns, the same additions in the same order.
    @inline(always)
    static func packTransposedA<T: EngineScalar>(
        a: UnsafePointer<T>, lda: Int, i0: Int, mc: Int, p0: Int, kc: Int, mr: Int,
        into dst: UnsafeMutablePointer<T>, sums: UnsafeMutablePointer<T>? = nil
    ) {
        let full = mc / mr, rest = mc - full * mr
        var p = 0
        while p < kc {
            let depth = min(8, kc - p)
            let src = a + (p0 + p) * lda + i0                    // row p of the group
            for q in 0..<full {
                let out = dst + q * kc * mr + p * mr
                for d in 0..<depth { copyRun(mr, from: src + d * lda + q * mr, to: out + d * mr) }
            }
            if rest > 0 {
                let out = dst + full * kc * mr + p * mr
                for d in 0..<depth {
                    for r in 0..<rest { out[d * mr + r] = src[d * lda + full * mr + r] }
                    for r in rest..<mr { out[d * mr + r] = 0 }
                }
            }
            if let sums {
                let s = sums + i0
                for d in 0..<depth {
                    let row = src + d * lda
                    for i in 0..<mc { s[i] += row[i] }
                }
            }
            p += depth
        }
    }

    /// `packTransposedA` with the K rows of A read through a `DeltaRows` map (row p of A
    /// at `rows.row(p)`) instead of at a stride: the same values to the same places, and
    /// the same sums in the same order, as packing a copy of A with its rows in that order.
    static func packTransposedA<T: EngineScalar>(
        rows: DeltaRows<T>, i0: Int, mc: Int, p0: Int, kc: Int, mr: Int,
        into dst: UnsafeMutablePointer<T>, sums: UnsafeMutablePointer<T>? = nil
    ) {
        let full = mc / mr, rest = mc - full * mr
        var cursor = rows.cursor(at: p0)
        for p in 0..<kc {
            let src = cursor.row + i0
            for q in 0..<full { copyRun(mr, from: src + q * mr, to: dst + q * kc * mr + p * mr) }
            if rest > 0 {
                let out = dst + full * kc * mr + p * mr
                for r in 0..<rest { out[r] = src[full * mr + r] }
                for r in rest..<mr { out[r] = 0 }
            }
            if let sums {
                let s = sums + i0
                for i in 0..<mc { s[i] += src[i] }
            }
            cursor.advance()
        }
    }

    /// Copies n values; the runs a pack copies (MR = 8 or NR = 16/32 values) as whole
    /// vectors in registers rather than a call to memmove for every 32 or 128 bytes.
    @inline(always)
    static func copyRun<T: EngineScalar>(_ n: Int, from s: UnsafePointer<T>, to d: UnsafeMutablePointer<T>) {
        let (from, to) = (UnsafeRawPointer(s), UnsafeMutableRawPointer(d))
        switch n {
        case 8:
            to.storeBytes(of: from.loadUnaligned(as: SIMD8<T>.self), as: SIMD8<T>.self)
        case 16:
            to.storeBytes(of: from.loadUnaligned(as: SIMD16<T>.self), as: SIMD16<T>.self)
        case 32:
            let stride = MemoryLayout<SIMD16<T>>.stride
            let (lo, hi) = (from.loadUnaligned(as: SIMD16<T>.self), from.loadUnaligned(fromByteOffset: stride, as: SIMD16<T>.self))
            to.storeBytes(of: lo, as: SIMD16<T>.self)
            to.storeBytes(of: hi, toByteOffset: stride, as: SIMD16<T>.self)
        default:
            d.update(from: s, count: n)
        }
    }

    /// Packs op(B)[p0 ..< p0+kc, j0 ..< j0+nc] into panels of `nr` columns.
    @inline(__always)
    static func packB<T: EngineScalar>(
        transposed: Bool, b: UnsafePointer<T>, ldb: Int, p0: Int, kc: Int, j0: Int, nc: Int,
        nr: Int, into dst: UnsafeMutablePointer<T>
    ) {
        var out = dst
        var j = 0
        while j < nc {
            let cols = min(nr, nc - j)
            if transposed {
                // B is N×K: column j of op(B) is row j of B; gather NR rows per p.
                for p in 0..<kc {
                    let src = b + (j0 + j) * ldb + p0 + p
                    let row = out + p * nr
                    for jj in 0..<cols { row[jj] = src[jj * ldb] }
                    for jj in cols..<nr { row[jj] = 0 }
                }
            } else {
                // B is K×N: one row of the panel is a contiguous run of NR values.
                for p in 0..<kc {
                    let src = b + (p0 + p) * ldb + j0 + j
                    let row = out + p * nr
                    if cols == nr {
                        copyRun(nr, from: src, to: row)
                    } else {
                        for jj in 0..<cols { row[jj] = src[jj] }
                        for jj in cols..<nr { row[jj] = 0 }
                    }
                }
            }
            out += kc * nr
            j += nr
        }
    }
}
