/// C (M×N) = alpha · op(A) · op(B) + beta · C, every matrix row-major.
///
/// op(A) is M×K: A itself is M×K with row stride `lda`, or K×M when `transposeA`.
/// op(B) is K×N: B itself is K×N with row stride `ldb`, or N×K when `transposeB`.
/// When `beta` is 0, C is not read (it may hold garbage or NaN).
///
/// Reference version; replaced by the SIMD, register-blocked kernel.
public func gemm<T: EngineScalar>(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: T, a: UnsafePointer<T>, lda: Int,
    b: UnsafePointer<T>, ldb: Int,
    beta: T, c: UnsafeMutablePointer<T>, ldc: Int,
    threads: Int = Parallel.maxThreads
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
