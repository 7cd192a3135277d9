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
        // Unfilled: with beta 0 the product writes every element and reads none.
        var c = Tensor.unfilled([m, n], dtype: a.dtype)
        c.addMatmul(a, b, transposeA: transposeA, transposeB: transposeB, beta: 0)
        return c
    }

    /// op(a) · op(b) + row, the row (N) added to every row of the (M, N) product:
    /// the forward pass of a dense layer or a convolution with a bias.
    ///
    /// Each element is the product's value plus row[j], one rounding, so the result
    /// is bitwise `matmul(a, b) + row`. When K fits one K block of `gemm` (every
    /// element's FMA chain is then finished before C is read) the rows are written
    /// first and the product adds into them (alpha 1, beta 1: 1·acc + 1·C is acc + C
    /// exactly), which saves a pass over the result; deeper products add the row after.
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
                              addingToRows row: Tensor) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        precondition(a.dtype == b.dtype && row.dtype == a.dtype, "matmul of \(a.dtype), \(b.dtype) and \(row.dtype)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(row.count == n, "a row of \(row.count) added to a product with \(n) columns")
        var c = Tensor.unfilled([m, n], dtype: a.dtype)
        let fused = k > 0 && k <= gemmDepthBlock
        if fused { c.setRows(to: row) }
        c.addMatmul(a, b, transposeA: transposeA, transposeB: transposeB, beta: fused ? 1 : 0)
        if !fused { c.addToRows(row) }
        return c
    }

    /// aᵀ · b and the sums of a's columns from one read of a: a (K, M), b (K, N) →
    /// (M, N) and (M). A weight gradient and its bias gradient: ∂W = ∂yᵀ x, ∂b = Σ rows of ∂y.
    ///
    /// The product is bitwise `matmul(a, b, transposeA: true)`; the sums are bitwise
    /// `a.sum(axis: 0)`: `gemm` adds each row of a into them while it packs that row, rows in
    /// order from zero, the additions `sum(axis:)` makes.
    public static func matmulTransposedAWithColumnSums(_ a: Tensor, _ b: Tensor) -> (product: Tensor, columnSums: Tensor) {
        precondition(a.rank == 2 && b.rank == 2 && a.shape[0] == b.shape[0] && a.dtype == b.dtype,
                     "matmulTransposedAWithColumnSums of \(a.shape) and \(b.shape)")
        let (k, m, n) = (a.shape[0], a.shape[1], b.shape[1])
        var c = Tensor.unfilled([m, n], dtype: a.dtype)
        var sums = Tensor(zeros: [m], dtype: a.dtype)
        switch a.dtype {
        case .float32: c.productWithSums(a, b, &sums, m, n, k, Float.self)
        case .float64: c.productWithSums(a, b, &sums, m, n, k, Double.self)
        }
        return (c, sums)
    }

    private mutating func productWithSums<T: EngineScalar>(_ a: Tensor, _ b: Tensor, _ sums: inout Tensor,
                                                          _ m: Int, _ n: Int, _ k: Int, _: T.Type) {
        gemm(transposeA: true, transposeB: false, m: m, n: n, k: k, alpha: 1, a: a.pointer(T.self), lda: m,
             b: b.pointer(T.self), ldb: n, beta: 0, c: mutablePointer(T.self), ldc: n,
             threads: Parallel.maxThreads, minParallelWork: gemmParallelThreshold,
             opARowSums: sums.mutablePointer(T.self))
    }

    /// Every row of this (M, N) tensor set to `row` (N).
    mutating func setRows(to row: Tensor) {
        switch dtype {
        case .float32: forEachRow(with: row, Float.self) { c, r, n in c.update(from: r, count: n) }
        case .float64: forEachRow(with: row, Double.self) { c, r, n in c.update(from: r, count: n) }
        }
    }

    /// row (N) added to every row of this (M, N) tensor, in place.
    mutating func addToRows(_ row: Tensor) {
        switch dtype {
        case .float32: forEachRow(with: row, Float.self) { c, r, n in for j in 0..<n { c[j] = c[j] + r[j] } }
        case .float64: forEachRow(with: row, Double.self) { c, r, n in for j in 0..<n { c[j] = c[j] + r[j] } }
        }
    }

    @inline(__always)
    private mutating func forEachRow<T: EngineScalar>(
        with row: Tensor, _: T.Type, _ body: (UnsafeMutablePointer<T>, UnsafePointer<T>, Int) -> Void
    ) {
        let n = row.count
        guard n > 0 else { return }
        let r = row.pointer(T.self)
        let c = mutablePointer(T.self)
        for i in 0..<(count / n) { body(c + i * n, r, n) }
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
