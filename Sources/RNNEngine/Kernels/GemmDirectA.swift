/// The micro-kernel reading A in place, for op(A) = A stored M × K (row-major).
///
/// `gemm` packs each MC × KC block of A into MR-row panels before the tiles read it.
/// For a row-major A that pack is a gather (MR values from MR rows for every p) and
/// costs as much as the tiles themselves when C has few column panels — the Conv1D
/// and dense shapes (M = B·T rows, N = 64…192, K ≤ 256), and δ·W_ih in the recurrent
/// backward. Here the tile broadcasts a[r·lda + p] straight from the MR rows of A,
/// eight sequential streams that the caches and prefetchers serve well.
///
/// The arithmetic is `GemmMicroKernel.tile`'s: each element of C is one FMA chain
/// over p = 0, 1, …, kc−1 in order, then alpha · acc + beta · C. Only where the A
/// values are read from changes, so the result is bitwise that of the packed path.
extension GemmMicroKernel {
    /// C[0..<mr, 0..<nr] = alpha · Σₚ a[i·lda + p] · b[p·nr + j] + beta · C, for full tiles
    /// (all MR rows of A exist). `b` is a packed B micro-panel. When `beta` is 0, C is not read.
    @inline(__always)
    static func tile(kc: Int, rowsOf a: UnsafePointer<Scalar>, lda: Int, b: UnsafePointer<Scalar>,
                     alpha: Scalar, beta: Scalar, c: UnsafeMutablePointer<Scalar>, ldc: Int) {
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        var c60 = V(), c61 = V(), c70 = V(), c71 = V()
        let (a0, a1, a2, a3) = (a, a + lda, a + 2 * lda, a + 3 * lda)
        let (a4, a5, a6, a7) = (a + 4 * lda, a + 5 * lda, a + 6 * lda, a + 7 * lda)
        var pb = UnsafeRawPointer(b)
        let stride = MemoryLayout<V>.stride
        for p in 0..<kc {
            let b0 = pb.load(as: V.self)
            let b1 = pb.load(fromByteOffset: stride, as: V.self)
            var x = V(repeating: a0[p])
            c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
            x = V(repeating: a1[p])
            c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
            x = V(repeating: a2[p])
            c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
            x = V(repeating: a3[p])
            c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
            x = V(repeating: a4[p])
            c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
            x = V(repeating: a5[p])
            c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
            x = V(repeating: a6[p])
            c60 = c60.addingProduct(x, b0); c61 = c61.addingProduct(x, b1)
            x = V(repeating: a7[p])
            c70 = c70.addingProduct(x, b0); c71 = c71.addingProduct(x, b1)
            pb += 2 * stride
        }
        storeRow(c00, c01, to: c, alpha, beta)
        storeRow(c10, c11, to: c + ldc, alpha, beta)
        storeRow(c20, c21, to: c + 2 * ldc, alpha, beta)
        storeRow(c30, c31, to: c + 3 * ldc, alpha, beta)
        storeRow(c40, c41, to: c + 4 * ldc, alpha, beta)
        storeRow(c50, c51, to: c + 5 * ldc, alpha, beta)
        storeRow(c60, c61, to: c + 6 * ldc, alpha, beta)
        storeRow(c70, c71, to: c + 7 * ldc, alpha, beta)
    }
}
