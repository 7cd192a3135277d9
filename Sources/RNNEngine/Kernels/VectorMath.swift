/// exp, the logistic sigmoid and tanh over arrays of `Float`, sixteen lanes at a
/// time (one AVX-512 register).
///
/// exp(x) = 2ⁿ · e^r with n = round(x / ln 2) and r = x − n ln 2 in [−ln2/2, ln2/2],
/// where e^r is its Taylor polynomial to degree 6 (truncation error below
/// 0.347⁷/7! ≈ 1.3e-7, about one float32 ulp) and 2ⁿ is built in the exponent bits.
/// σ(x) = 1 / (1 + e^−x) and tanh(x) = 2σ(2x) − 1 follow, with absolute errors of
/// a few 1e-8. Inputs are clamped to [−87.3, 88], so exp saturates at e⁸⁸ instead
/// of overflowing. `Double` (used by gradient checks) keeps the exact libm functions.
///
/// exp, sigmoid and tanh are `@inline(always)`: `@inline(__always)` is only a strong
/// hint, and the optimiser left them as calls in the recurrent cell kernels, where a
/// call passes the 16-lane vector as four 128-bit quarters and runs the polynomial on
/// each quarter (about a third of a lesson step's time went there).
enum VectorMath {
    typealias V = SIMD16<Float>

    @inline(always)
    static func exp(_ x0: V) -> V {
        // Clamp with masked selects (`clamped` and SIMD→integer conversions are not
        // vectorised by the compiler; these are).
        var x = x0
        let (lo, hi) = (V(repeating: -87.3), V(repeating: 88))
        x = x.replacing(with: lo, where: x .< lo)
        x = x.replacing(with: hi, where: x .> hi)
        // Adding 1.5·2²³ rounds x/ln2 to an integer n held in the low mantissa bits.
        let magic = V(repeating: 12_582_912)
        let t = x * 1.442_695_04 + magic
        let n = t - magic
        // ln 2 split in two so that n · ln2hi is exact.
        let r = x - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        var p = V(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = unsafeBitCast(t, to: SIMD16<Int32>.self) &- unsafeBitCast(magic, to: SIMD16<Int32>.self)
        return p * unsafeBitCast((exponent &+ 127) &<< 23, to: V.self)
    }

    @inline(always)
    static func sigmoid(_ x: V) -> V { 1 / (1 + exp(-x)) }

    @inline(always)
    static func tanh(_ x: V) -> V { 2 / (1 + exp(-2 * x)) - 1 }

    /// Applies `f` in place to `count` floats at `p`, the tail through a padded vector.
    @inline(__always)
    static func apply(_ p: UnsafeMutablePointer<Float>, _ count: Int, _ f: (V) -> V) {
        var i = 0
        while i + 16 <= count {
            let v = UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(p + i).storeBytes(of: f(v), as: V.self)
            i += 16
        }
        if i < count {
            var v = V(repeating: 0)
            for k in 0..<(count - i) { v[k] = p[i + k] }
            let y = f(v)
            for k in 0..<(count - i) { p[i + k] = y[k] }
        }
    }
}

/// In-place activations for the cell kernels: vectorised for Float, exact for Double.
extension EngineScalar {
    @inline(__always)
    static func sigmoidInPlace(_ p: UnsafeMutablePointer<Self>, _ count: Int) {
        if Self.self == Float.self {
            VectorMath.apply(UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self), count, VectorMath.sigmoid)
        } else {
            for i in 0..<count { p[i] = Sigmoid().value(p[i]) }
        }
    }

    @inline(__always)
    static func tanhInPlace(_ p: UnsafeMutablePointer<Self>, _ count: Int) {
        if Self.self == Float.self {
            VectorMath.apply(UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self), count, VectorMath.tanh)
        } else {
            for i in 0..<count { p[i] = Self.tanh(p[i]) }
        }
    }

    @inline(__always)
    static func expInPlace(_ p: UnsafeMutablePointer<Self>, _ count: Int) {
        if Self.self == Float.self {
            VectorMath.apply(UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self), count, VectorMath.exp)
        } else {
            for i in 0..<count { p[i] = Self.exp(p[i]) }
        }
    }
}
