/// C (M×N) = alpha · op(A) · op(B) + beta · C, every matrix row-major.
///
/// op(A) is M×K: A itself is M×K with row stride `lda`, or K×M when `transposeA`.
/// op(B) is K×N: B itself is K×N with row stride `ldb`, or N×K when `transposeB`.
/// When `beta` is 0, C is not read (it may hold garbage or NaN).
///
/// Float and Double run the same packed, register-blocked SIMD kernel (see
/// `GemmDriver` for the blocking and `GemmMicroKernel` for the 8 × 2-vector tile):
/// `SIMD16<Float>` tiles of 8 × 32 and `SIMD8<Double>` tiles of 8 × 16, one zmm
/// register per vector on AVX-512. Products of at least ~1 M multiply-adds are split
/// across up to `threads` threads; the result is bitwise the same for any `threads`.
public func gemm<T: EngineScalar>(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: T, a: UnsafePointer<T>, lda: Int,
    b: UnsafePointer<T>, ldb: Int,
    beta: T, c: UnsafeMutablePointer<T>, ldc: Int,
    threads: Int = Parallel.maxThreads
) {
    gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
         a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, threads: threads,
         minParallelWork: gemmParallelThreshold)
}

/// `gemm` with the size (m·n·k) from which it uses more than one thread; tests pass
/// 0 to exercise the threaded split on small matrices. `readsAInPlace` forces (true) or
/// forbids (false) reading a row-major A in place instead of packing it; nil chooses.
func gemm<T: EngineScalar>(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: T, a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int,
    beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int, minParallelWork: Int,
    readsAInPlace: Bool? = nil, opARowSums: UnsafeMutablePointer<T>? = nil
) {
    precondition(m >= 0 && n >= 0 && k >= 0, "gemm with negative size \(m)×\(n)×\(k)")
    precondition(lda >= max(1, transposeA ? m : k) && ldb >= max(1, transposeB ? k : n)
                 && ldc >= max(1, n), "gemm leading dimension smaller than a row")
    // After specialisation these tests are constants and only one branch remains.
    if T.self == Float.self {
        GemmDriver<SIMD16<Float>>.run(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: unsafeBitCast(alpha, to: Float.self), a: rebound(a), lda: lda, b: rebound(b), ldb: ldb,
            beta: unsafeBitCast(beta, to: Float.self), c: rebound(c), ldc: ldc, threads: threads,
            minParallelWork: minParallelWork, readsAInPlace: readsAInPlace,
            opARowSums: opARowSums.map { rebound($0) })
    } else if T.self == Double.self {
        GemmDriver<SIMD8<Double>>.run(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: unsafeBitCast(alpha, to: Double.self), a: rebound(a), lda: lda, b: rebound(b), ldb: ldb,
            beta: unsafeBitCast(beta, to: Double.self), c: rebound(c), ldc: ldc, threads: threads,
            minParallelWork: minParallelWork, readsAInPlace: readsAInPlace,
            opARowSums: opARowSums.map { rebound($0) })
    } else {
        precondition(opARowSums == nil, "row sums of op(A) need a Float or Double gemm")
        gemmReference(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                      alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}

/// C (M × N) = op(A) · B with op(A) = Aᵀ, where the K rows of A (each M wide) are read
/// through `rows` (row p at `rows.row(p)`) rather than at a stride, and the row sums of
/// op(A) added into `opARowSums` if given: bitwise `gemm` on a copy of A with its rows in
/// that order (`GemmTests`), without the copy. For a time-major δ read in batch-major order.
func gemmTransposedARows<T: EngineScalar>(
    rows: DeltaRows<T>, m: Int, n: Int, b: UnsafePointer<T>, ldb: Int, c: UnsafeMutablePointer<T>, ldc: Int,
    threads: Int, minParallelWork: Int = gemmParallelThreshold, opARowSums: UnsafeMutablePointer<T>? = nil
) {
    let k = rows.sequences * rows.steps
    if T.self == Float.self {
        GemmDriver<SIMD16<Float>>.run(
            transposeA: true, transposeB: false, m: m, n: n, k: k, alpha: 1, a: rebound(rows.base), lda: m,
            b: rebound(b), ldb: ldb, beta: 0, c: rebound(c), ldc: ldc, threads: threads,
            minParallelWork: minParallelWork, opARowSums: opARowSums.map { rebound($0) }, aRows: rows.rebound())
    } else if T.self == Double.self {
        GemmDriver<SIMD8<Double>>.run(
            transposeA: true, transposeB: false, m: m, n: n, k: k, alpha: 1, a: rebound(rows.base), lda: m,
            b: rebound(b), ldb: ldb, beta: 0, c: rebound(c), ldc: ldc, threads: threads,
            minParallelWork: minParallelWork, opARowSums: opARowSums.map { rebound($0) }, aRows: rows.rebound())
    } else {
        preconditionFailure("gemmTransposedARows needs Float or Double")
    }
}

/// The plain triple loop: the definition `gemm` is tested against, and the path
/// for any other scalar type.
func gemmReference<T: EngineScalar>(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: T, a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int,
    beta: T, c: UnsafeMutablePointer<T>, ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var sum: T = 0
            for p in 0..<k {
                let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                sum += x * y
            }
            c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j])
        }
    }
}
