/// W_ih x_t for a narrow input (I ≤ `NarrowWeightGradient.maxInput`), computed step by
/// step into a (B, G) buffer that stays in cache, instead of one (B·T, I)·W_ihᵀ product
/// for all steps up front: with I = 2 that product writes B·T·G values (1.6 MB for the
/// LSTM lesson) through edge-heavy tiles of depth 2, and the cell reads them back.
///
/// **Bitwise equal to the product it replaces**: `gemm` gives element (row, g) the FMA
/// chain acc = fma(x[row, p], W_ihᵀ[p, g], acc) over p = 0 ..< I from zero (one K block,
/// I < KC) and stores alpha · acc with alpha 1; this forms the same chain.
struct NarrowInputProjection<T: EngineScalar> {
    let input: Int, gates: Int
    /// W_ihᵀ (I, G), row-major, vector-aligned rows of `stride` ≥ G values (zero-padded).
    private let weightT: UnsafeMutablePointer<T>
    private let stride: Int

    /// Transposes W_ih (G, I).
    init(wih: UnsafePointer<T>, gates: Int, input: Int) {
        (self.input, self.gates) = (input, gates)
        let lanes = T.self == Float.self ? 16 : 8
        stride = (gates + lanes - 1) / lanes * lanes
        weightT = UnsafeMutableRawPointer.allocate(byteCount: max(1, input * stride) * MemoryLayout<T>.stride,
                                                   alignment: 64).bindMemory(to: T.self, capacity: max(1, input * stride))
        weightT.initialize(repeating: 0, count: input * stride)
        for g in 0..<gates { for p in 0..<input { weightT[p * stride + g] = wih[g * input + p] } }
    }

    func deallocate() { weightT.deallocate() }

    /// out (rows, G) at row stride `ldo` = x (rows, I) · W_ihᵀ, x rows at stride `ldx`.
    func project(rows: Int, x: UnsafePointer<T>, ldx: Int, out: UnsafeMutablePointer<T>, ldo: Int) {
        if T.self == Float.self {
            run(SIMD16<Float>.self, rows, rebound(x), ldx, rebound(out), ldo, rebound(UnsafePointer(weightT)))
        } else {
            run(SIMD8<Double>.self, rows, rebound(x), ldx, rebound(out), ldo, rebound(UnsafePointer(weightT)))
        }
    }

    @inline(__always)
    private func run<V: SIMD>(_: V.Type, _ rows: Int, _ x: UnsafePointer<V.Scalar>, _ ldx: Int,
                              _ out: UnsafeMutablePointer<V.Scalar>, _ ldo: Int, _ w: UnsafePointer<V.Scalar>)
    where V.Scalar: EngineScalar {
        let L = V.scalarCount
        for r in 0..<rows {
            let (xr, o) = (x + r * ldx, out + r * ldo)
            var g0 = 0
            while g0 < gates {
                var acc = V()
                for p in 0..<input {
                    acc = acc.addingProduct(V(repeating: xr[p]), UnsafeRawPointer(w + p * stride + g0).load(as: V.self))
                }
                let n = min(L, gates - g0)
                if n == L {
                    UnsafeMutableRawPointer(o + g0).storeBytes(of: acc, as: V.self)
                } else {
                    for e in 0..<n { o[g0 + e] = acc[e] }
                }
                g0 += L
            }
        }
    }
}
