/// The register-blocked inner kernel of `gemm`: one MR × NR tile of C from packed panels.
///
/// `V` is the machine vector (`SIMD16<Float>` is one AVX-512 zmm register, so is
/// `SIMD8<Double>`). A tile is `mr` = 8 rows by `nr` = 2 vectors, so 8 × 32 for Float
/// and 8 × 16 for Double: 16 accumulators + 2 B vectors + 1 broadcast of A fit in
/// the 32 vector registers. Each step of k loads one row of the B micro-panel
/// (2 vectors), broadcasts the 8 values of the A micro-panel's column, and issues
/// 16 fused multiply-adds (`addingProduct`, one `vfmadd231ps` each). Eight rows
/// rather than six: batch and hidden sizes are usually multiples of 8, so there are
/// no edge tiles (6 × 32 measured the same speed on full tiles).
///
/// Every element of C is one FMA chain over p = 0, 1, …, kc−1 in that order, so
/// its value depends neither on the tile it falls in nor on the thread.
enum GemmMicroKernel<V: SIMD> where V.Scalar: EngineScalar {
    typealias Scalar = V.Scalar

    /// Rows of a tile (values of A broadcast per step of k).
    static var mr: Int { 8 }
    /// Columns of a tile: two vectors.
    static var nr: Int { 2 * V.scalarCount }

    /// C[0..<mr, 0..<nr] = alpha · Σₚ a[p·mr + i] · b[p·nr + j] + beta · C.
    ///
    /// `a` is an A micro-panel (kc columns of mr values), `b` a B micro-panel (kc
    /// rows of nr values, vector-aligned). When `beta` is 0, C is not read.
    @inline(__always)
    static func tile(kc: Int, a: UnsafePointer<Scalar>, b: UnsafePointer<Scalar>,
                     alpha: Scalar, beta: Scalar, c: UnsafeMutablePointer<Scalar>, ldc: Int) {
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        var c60 = V(), c61 = V(), c70 = V(), c71 = V()
        var pa = a
        var pb = UnsafeRawPointer(b)
        let stride = MemoryLayout<V>.stride
        for _ in 0..<kc {
            let b0 = pb.load(as: V.self)
            let b1 = pb.load(fromByteOffset: stride, as: V.self)
            var x = V(repeating: pa[0])
            c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
            x = V(repeating: pa[1])
            c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
            x = V(repeating: pa[2])
            c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
            x = V(repeating: pa[3])
            c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
            x = V(repeating: pa[4])
            c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
            x = V(repeating: pa[5])
            c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
            x = V(repeating: pa[6])
            c60 = c60.addingProduct(x, b0); c61 = c61.addingProduct(x, b1)
            x = V(repeating: pa[7])
            c70 = c70.addingProduct(x, b0); c71 = c71.addingProduct(x, b1)
            pa += 8
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

    /// One row of a tile: C = alpha · acc + beta · C (C read only when beta ≠ 0).
    @inline(__always)
    static func storeRow(_ v0: V, _ v1: V, to c: UnsafeMutablePointer<Scalar>,
                              _ alpha: Scalar, _ beta: Scalar) {
        let p = UnsafeMutableRawPointer(c)
        let stride = MemoryLayout<V>.stride
        var r0 = alpha * v0, r1 = alpha * v1
        if beta != 0 {
            r0 += beta * p.loadUnaligned(as: V.self)
            r1 += beta * p.loadUnaligned(fromByteOffset: stride, as: V.self)
        }
        p.storeBytes(of: r0, as: V.self)
        p.storeBytes(of: r1, toByteOffset: stride, as: V.self)
    }
}
