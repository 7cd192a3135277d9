/// Matrix products of tensors, on top of `gemm`.
extension Tensor {
    /// op(a) · op(b) for matrices: (M, K) · (K, N) → (M, N), where op transposes on request.
    public static func matmul(_ a: Tensor, _ b: Tensor,
                              transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        precondition(a.dtype == b.dtype, "matmul of \(a.dtype) and \(b.dtype)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(k == k2, "matmul of \(a.shape)\(transposeA ? "ᵀ" : "") and \(b.shape)\(transposeB ? "ᵀ" : "")")
        var c = Tensor(zeros: [m, n], dtype: a.dtype)
        c.addMatmul(a, b, transposeA: transposeA, transposeB: transposeB, beta: 0)
        return c
    }

    /// self = alpha · op(a) · op(b) + beta · self, in place (self is (M, N)).
    public mutating func addMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false,
                                   transposeB: Bool = false, alpha: Double = 1, beta: Double = 1) {
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(shape == [m, n], "matmul result \([m, n]) into \(shape)")
        switch dtype {
        case .float32: addMatmul(Float.self, a, b, transposeA, transposeB, m, n, k, alpha, beta)
        case .float64: addMatmul(Double.self, a, b, transposeA, transposeB, m, n, k, alpha, beta)
        }
    }

    private mutating func addMatmul<T: EngineScalar>(
        _: T.Type, _ a: Tensor, _ b: Tensor, _ ta: Bool, _ tb: Bool,
        _ m: Int, _ n: Int, _ k: Int, _ alpha: Double, _ beta: Double
    ) {
        a.withUnsafeBufferPointer(as: T.self) { pa in
            b.withUnsafeBufferPointer(as: T.self) { pb in
                withUnsafeMutableBufferPointer(as: T.self) { pc in
                    gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k,
                         alpha: T(alpha), a: pa.baseAddress!, lda: a.shape[1],
                         b: pb.baseAddress!, ldb: b.shape[1],
                         beta: T(beta), c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }
}
