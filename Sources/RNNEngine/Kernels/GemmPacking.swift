/// Packing for `gemm`: copies a block of op(A) or op(B) into the order the micro-kernel
/// reads it, absorbing the transposes and padding edge panels with zeros.
///
/// Packed A (mc × kc block): ⌈mc / MR⌉ micro-panels, each kc columns of MR values,
///   `packed[panel · kc · MR + p · MR + r] = op(A)[i0 + panel · MR + r, p0 + p]`.
/// Packed B (kc × nc block): ⌈nc / NR⌉ micro-panels, each kc rows of NR values,
///   `packed[panel · kc · NR + p · NR + j] = op(B)[p0 + p, j0 + panel · NR + j]`.
/// Rows or columns past the matrix edge are zero, so edge tiles run the same kernel.
enum GemmPacking {
    /// Packs op(A)[i0 ..< i0+mc, p0 ..< p0+kc] into panels of `mr` rows.
    @inline(__always)
    static func packA<T: EngineScalar>(
        transposed: Bool, a: UnsafePointer<T>, lda: Int, i0: Int, mc: Int, p0: Int, kc: Int,
        mr: Int, into dst: UnsafeMutablePointer<T>
    ) {
        var out = dst
        var i = 0
        while i < mc {
            let rows = min(mr, mc - i)
            if transposed {
                // A is K×M: the MR values of one column p are contiguous.
                for p in 0..<kc {
                    let src = a + (p0 + p) * lda + i0 + i
                    for r in 0..<rows { out[p * mr + r] = src[r] }
                    for r in rows..<mr { out[p * mr + r] = 0 }
                }
            } else {
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
            }
            out += kc * mr
            i += mr
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
                        row.update(from: src, count: nr)
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
