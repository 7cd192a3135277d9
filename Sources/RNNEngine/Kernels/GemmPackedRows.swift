/// `GemmPackedB`'s path for M < MR rows (a batch of 1 to 7: sampling one sequence,
/// the B1 lessons): the 8-row tile would spend 8 − M of its 8 rows on zeros, and
/// its edge path copies every tile through a scratch block. Here each row of C is
/// taken on its own against four B micro-panels at a time (8 accumulator vectors,
/// enough independent FMA chains to keep both FMA units busy), reading A in place.
///
/// Each element of C is still one FMA chain over p = 0, 1, …, kc − 1 of its K
/// block, started from zero, then C = alpha · acc + beta · C as the micro-kernel
/// stores it: bitwise what `gemm` and the tiled path compute (GemmPackedBTests).
@inline(__always)
func gemmPackedRows<V: SIMD>(
    _: V.Type, _ ta: Bool, _ m: Int, _ k: Int, _ n: Int, _ panelRange: Range<Int>, _ kcBlock: Int,
    _ packed: UnsafePointer<V.Scalar>, _ panels: Int, _ alpha: V.Scalar, _ a: UnsafePointer<V.Scalar>, _ lda: Int,
    _ beta: V.Scalar, _ c: UnsafeMutablePointer<V.Scalar>, _ ldc: Int
) where V.Scalar: EngineScalar {
    typealias T = V.Scalar
    let w = V.scalarCount, nr = 2 * V.scalarCount
    for pc in stride(from: 0, to: k, by: kcBlock) {
        let kc = min(kcBlock, k - pc)
        let betaHere: T = pc == 0 ? beta : 1
        let bBlock = packed + pc * panels * nr
        let panelSize = kc * nr
        for i in 0..<m {
            // Row i of op(A) from column pc: contiguous, or every lda-th value when A is K × M.
            let (aRow, aStep) = ta ? (a + pc * lda + i, lda) : (a + i * lda + pc, 1)
            let cRow = c + i * ldc
            var j = panelRange.lowerBound
            while j + 4 <= panelRange.upperBound {
                let b0 = UnsafeRawPointer(bBlock + j * panelSize)
                let (b1, b2, b3) = (b0 + panelSize * MemoryLayout<T>.stride, b0 + 2 * panelSize * MemoryLayout<T>.stride,
                                    b0 + 3 * panelSize * MemoryLayout<T>.stride)
                var (c0, c1, c2, c3, c4, c5, c6, c7) = (V(), V(), V(), V(), V(), V(), V(), V())
                let vs = MemoryLayout<V>.stride
                var pa = aRow
                for p in 0..<kc {
                    let x = V(repeating: pa[0])
                    let o = p * 2 * vs
                    c0 = c0.addingProduct(x, b0.load(fromByteOffset: o, as: V.self))
                    c1 = c1.addingProduct(x, b0.load(fromByteOffset: o + vs, as: V.self))
                    c2 = c2.addingProduct(x, b1.load(fromByteOffset: o, as: V.self))
                    c3 = c3.addingProduct(x, b1.load(fromByteOffset: o + vs, as: V.self))
                    c4 = c4.addingProduct(x, b2.load(fromByteOffset: o, as: V.self))
                    c5 = c5.addingProduct(x, b2.load(fromByteOffset: o + vs, as: V.self))
                    c6 = c6.addingProduct(x, b3.load(fromByteOffset: o, as: V.self))
                    c7 = c7.addingProduct(x, b3.load(fromByteOffset: o + vs, as: V.self))
                    pa += aStep
                }
                storeRowPanel(c0, c1, cRow + j * nr, n - j * nr, w, alpha, betaHere)
                storeRowPanel(c2, c3, cRow + (j + 1) * nr, n - (j + 1) * nr, w, alpha, betaHere)
                storeRowPanel(c4, c5, cRow + (j + 2) * nr, n - (j + 2) * nr, w, alpha, betaHere)
                storeRowPanel(c6, c7, cRow + (j + 3) * nr, n - (j + 3) * nr, w, alpha, betaHere)
                j += 4
            }
            while j < panelRange.upperBound {
                let b0 = UnsafeRawPointer(bBlock + j * panelSize)
                var (c0, c1) = (V(), V())
                let vs = MemoryLayout<V>.stride
                var pa = aRow
                for p in 0..<kc {
                    let x = V(repeating: pa[0])
                    c0 = c0.addingProduct(x, b0.load(fromByteOffset: p * 2 * vs, as: V.self))
                    c1 = c1.addingProduct(x, b0.load(fromByteOffset: p * 2 * vs + vs, as: V.self))
                    pa += aStep
                }
                storeRowPanel(c0, c1, cRow + j * nr, n - j * nr, w, alpha, betaHere)
                j += 1
            }
        }
    }
}

/// One row of one panel: C = alpha · acc + beta · C (C read only when beta ≠ 0), with the
/// micro-kernel's arithmetic (`GemmMicroKernel.store`) on whole vectors; only the first
/// `width` columns (those inside C) are read and written.
@inline(__always)
private func storeRowPanel<V: SIMD>(_ v0: V, _ v1: V, _ c: UnsafeMutablePointer<V.Scalar>, _ width: Int, _ w: Int,
                                    _ alpha: V.Scalar, _ beta: V.Scalar) where V.Scalar: EngineScalar {
    var r0 = alpha * v0, r1 = alpha * v1
    if width >= 2 * w {
        let p = UnsafeMutableRawPointer(c)
        if beta != 0 {
            r0 += beta * p.loadUnaligned(as: V.self)
            r1 += beta * p.loadUnaligned(fromByteOffset: MemoryLayout<V>.stride, as: V.self)
        }
        p.storeBytes(of: r0, as: V.self)
        p.storeBytes(of: r1, toByteOffset: MemoryLayout<V>.stride, as: V.self)
        return
    }
    // The last panel, cut by C's edge: the same vector arithmetic on C's values (zeros past the edge).
    if beta != 0 {
        var old0 = V(), old1 = V()
        for e in 0..<min(width, w) { old0[e] = c[e] }
        if width > w { for e in w..<width { old1[e - w] = c[e] } }
        r0 += beta * old0
        r1 += beta * old1
    }
    for e in 0..<min(width, w) { c[e] = r0[e] }
    if width > w { for e in w..<width { c[e] = r1[e - w] } }
}
