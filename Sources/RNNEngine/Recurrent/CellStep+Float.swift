/// The float32 gate arithmetic of `CellStep`, one row at a time, sixteen hidden units
/// per `SIMD16<Float>` register, every gate of those units in one pass.
///
/// The plain path (`CellStep.forward`/`backward`, still used for float64) walks the
/// gate block several times: the pre-activation sum, then the nonlinearities a
/// block at a time through memory, then c and h. Here the 16 units j … j + 15 of
/// i, f, g, o (or r, z, n) are loaded once, pushed through `VectorMath`'s sigmoid
/// and tanh in registers, and c_t, h_t and the saved values are stored once.
///
/// The values are bitwise those of the plain path: the same IEEE operations in the
/// same order on each element (lane-wise `+`, `*` are the scalar operations; no
/// fused multiply-add is formed), and the nonlinearities are the same `VectorMath`
/// functions the plain path applies through `VectorMath.apply`, whose tail lanes are
/// zero-padded exactly as here (`CellStepVectorTests`, `RecurrentKernelPinTests`).
///
/// Pointers are row pointers: xp (G) is W_ih x_t of the row without b_ih, which is
/// added here ((xp + b_ih) + (hp + b_hh), rounded in that order, as the plain path
/// did when b_ih was added in a pass of its own); hp (G), bih, bhh (G); saved (S).
enum FloatCellRow {
    typealias V = SIMD16<Float>
    typealias P = UnsafePointer<Float>
    typealias M = UnsafeMutablePointer<Float>

    /// Lanes 0 ..< n of p (n ≤ 16), the rest 0.
    @inline(__always)
    static func load(_ p: P, _ n: Int) -> V {
        if n == 16 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        var v = V(repeating: 0)
        for e in 0..<n { v[e] = p[e] }
        return v
    }

    /// Stores lanes 0 ..< n of v at p.
    @inline(__always)
    static func store(_ v: V, _ p: M, _ n: Int) {
        if n == 16 { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self); return }
        for e in 0..<n { p[e] = v[e] }
    }

    /// (xp + b_ih) + (hp + b_hh) for lanes j ..< j + n of gate block `gate`.
    @inline(__always)
    static func preActivation(_ gate: Int, _ j: Int, _ n: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P) -> V {
        let o = gate * H + j
        return (load(xp + o, n) + load(bih + o, n)) + (load(hp + o, n) + load(bhh + o, n))
    }

    static func rnnTanhForward(H: Int, xp: P, bih: P, hp: P, bhh: P, h: M) {
        var j = 0
        while j < H {
            let n = min(16, H - j)
            store(VectorMath.tanh(preActivation(0, j, n, H, xp, bih, hp, bhh)), h + j, n)
            j += 16
        }
    }

    static func lstmForward(H: Int, xp: P, bih: P, hp: P, bhh: P, cPrev: P, forgetClamp: Float?,
                            saved: M, h: M, c: M) {
        var j = 0
        while j < H {
            let n = min(16, H - j)
            let i = VectorMath.sigmoid(preActivation(0, j, n, H, xp, bih, hp, bhh))
            var f = VectorMath.sigmoid(preActivation(1, j, n, H, xp, bih, hp, bhh))
            let g = VectorMath.tanh(preActivation(2, j, n, H, xp, bih, hp, bhh))
            let o = VectorMath.sigmoid(preActivation(3, j, n, H, xp, bih, hp, bhh))
            if let v = forgetClamp { f = V(repeating: v) }
            let cNew = f * load(cPrev + j, n) + i * g
            let tanhC = VectorMath.tanh(cNew)
            store(i, saved + j, n); store(f, saved + H + j, n); store(g, saved + 2 * H + j, n)
            store(o, saved + 3 * H + j, n); store(tanhC, saved + 4 * H + j, n)
            store(cNew, c + j, n)
            store(o * tanhC, h + j, n)
            j += 16
        }
    }

    static func gruForward(H: Int, xp: P, bih: P, hp: P, bhh: P, hPrev: P, saved: M, h: M) {
        var j = 0
        while j < H {
            let n = min(16, H - j)
            let r = VectorMath.sigmoid(preActivation(0, j, n, H, xp, bih, hp, bhh))
            let z = VectorMath.sigmoid(preActivation(1, j, n, H, xp, bih, hp, bhh))
            let o = 2 * H + j
            let hn = load(hp + o, n) + load(bhh + o, n)                 // W_hn h_{t−1} + b_hn
            let cand = VectorMath.tanh((load(xp + o, n) + load(bih + o, n)) + r * hn)
            store(r, saved + j, n); store(z, saved + H + j, n); store(cand, saved + 2 * H + j, n)
            store(hn, saved + 3 * H + j, n)
            store((1 - z) * cand + z * load(hPrev + j, n), h + j, n)
            j += 16
        }
    }

    static func rnnTanhBackward(H: Int, g: P, h: P, deltaIH: M, deltaHH: M, toPrevious: M) {
        var j = 0
        while j < H {
            let n = min(16, H - j)
            let hv = load(h + j, n)
            let delta = load(g + j, n) * (1 - hv * hv)
            store(delta, deltaIH + j, n); store(delta, deltaHH + j, n); store(V(repeating: 0), toPrevious + j, n)
            j += 16
        }
    }

    static func lstmBackward(H: Int, g: P, dc: M, saved: P, cPrev: P, clamped: Bool,
                             deltaIH: M, deltaHH: M, toPrevious: M) {
        var j = 0
        while j < H {
            let n = min(16, H - j)
            let (i, f, gc) = (load(saved + j, n), load(saved + H + j, n), load(saved + 2 * H + j, n))
            let (o, tanhC) = (load(saved + 3 * H + j, n), load(saved + 4 * H + j, n))
            let gv = load(g + j, n)
            let dCell = load(dc + j, n) + gv * o * (1 - tanhC * tanhC)
            let di = dCell * gc * i * (1 - i)
            let df = clamped ? V(repeating: 0) : dCell * load(cPrev + j, n) * f * (1 - f)
            let dg = dCell * i * (1 - gc * gc)
            let dO = gv * tanhC * o * (1 - o)
            store(di, deltaIH + j, n); store(df, deltaIH + H + j, n)
            store(dg, deltaIH + 2 * H + j, n); store(dO, deltaIH + 3 * H + j, n)
            store(di, deltaHH + j, n); store(df, deltaHH + H + j, n)
            store(dg, deltaHH + 2 * H + j, n); store(dO, deltaHH + 3 * H + j, n)
            store(dCell * f, dc + j, n)
            store(V(repeating: 0), toPrevious + j, n)
            j += 16
        }
    }

    static func gruBackward(H: Int, g: P, saved: P, hPrev: P, deltaIH: M, deltaHH: M, toPrevious: M) {
        var j = 0
        while j < H {
            let n = min(16, H - j)
            let (r, z) = (load(saved + j, n), load(saved + H + j, n))
            let (cand, hn) = (load(saved + 2 * H + j, n), load(saved + 3 * H + j, n))
            let gv = load(g + j, n)
            let dn = gv * (1 - z) * (1 - cand * cand)
            let dz = gv * (load(hPrev + j, n) - cand) * z * (1 - z)
            let dr = dn * hn * r * (1 - r)
            store(dr, deltaIH + j, n); store(dz, deltaIH + H + j, n); store(dn, deltaIH + 2 * H + j, n)
            store(dr, deltaHH + j, n); store(dz, deltaHH + H + j, n); store(dn * r, deltaHH + 2 * H + j, n)
            store(gv * z, toPrevious + j, n)
            j += 16
        }
    }
}

extension CellStep {
    /// `forward` for float32 through `FloatCellRow`, row by row (T is Float, checked by the caller).
    func forwardFloat(xp: UnsafePointer<T>, xpStride: Int, bih: UnsafePointer<T>, hp: UnsafePointer<T>,
                      bhh: UnsafePointer<T>, hPrev: UnsafePointer<T>, cPrev: UnsafePointer<T>?,
                      saved: UnsafeMutablePointer<T>, h: UnsafeMutablePointer<T>, c: UnsafeMutablePointer<T>?) {
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        let (xp, bih, hp, bhh, hPrev) = (f(xp), f(bih), f(hp), f(bhh), f(hPrev))
        let (saved, h) = (f(saved), f(h))
        let clamp = forgetClamp.map { unsafeBitCast($0, to: Float.self) }
        for b in 0..<rows {
            let (xp_b, hp_b, saved_b, h_b) = (xp + b * xpStride, hp + b * G, saved + b * S, h + b * H)
            switch kind {
            case .rnnTanh:
                FloatCellRow.rnnTanhForward(H: H, xp: xp_b, bih: bih, hp: hp_b, bhh: bhh, h: h_b)
            case .lstm:
                FloatCellRow.lstmForward(H: H, xp: xp_b, bih: bih, hp: hp_b, bhh: bhh, cPrev: f(cPrev!) + b * H,
                                         forgetClamp: clamp, saved: saved_b, h: h_b, c: f(c!) + b * H)
            case .gru:
                FloatCellRow.gruForward(H: H, xp: xp_b, bih: bih, hp: hp_b, bhh: bhh, hPrev: hPrev + b * H,
                                        saved: saved_b, h: h_b)
            case .rnnReLU:
                preconditionFailure("the ReLU cell runs the plain loop")
            }
        }
    }

    /// `backward` for float32 through `FloatCellRow`, row by row.
    func backwardFloat(g: UnsafePointer<T>, dc: UnsafeMutablePointer<T>?, saved: UnsafePointer<T>,
                       h: UnsafePointer<T>, hPrev: UnsafePointer<T>, cPrev: UnsafePointer<T>?,
                       deltaIH: UnsafeMutablePointer<T>, deltaIHStride: Int, deltaHH: UnsafeMutablePointer<T>,
                       toPrevious: UnsafeMutablePointer<T>) {
        let H = hidden, G = kind.gateCount * H, S = kind.savedBlocks * H
        let (g, saved, h, hPrev) = (f(g), f(saved), f(h), f(hPrev))
        let (deltaIH, deltaHH, toPrevious) = (f(deltaIH), f(deltaHH), f(toPrevious))
        for b in 0..<rows {
            let (g_b, saved_b, dIH, dHH, prev) = (g + b * H, saved + b * S, deltaIH + b * deltaIHStride,
                                                  deltaHH + b * G, toPrevious + b * H)
            switch kind {
            case .rnnTanh:
                FloatCellRow.rnnTanhBackward(H: H, g: g_b, h: h + b * H, deltaIH: dIH, deltaHH: dHH, toPrevious: prev)
            case .lstm:
                FloatCellRow.lstmBackward(H: H, g: g_b, dc: f(dc!) + b * H, saved: saved_b, cPrev: f(cPrev!) + b * H,
                                          clamped: forgetClamp != nil, deltaIH: dIH, deltaHH: dHH, toPrevious: prev)
            case .gru:
                FloatCellRow.gruBackward(H: H, g: g_b, saved: saved_b, hPrev: hPrev + b * H, deltaIH: dIH,
                                         deltaHH: dHH, toPrevious: prev)
            case .rnnReLU:
                preconditionFailure("the ReLU cell runs the plain loop")
            }
        }
    }
}

/// The same pointer as float32 (T is Float where these are called).
@inline(__always)
private func f<T>(_ p: UnsafePointer<T>) -> UnsafePointer<Float> {
    UnsafeRawPointer(p).assumingMemoryBound(to: Float.self)
}

@inline(__always)
private func f<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self)
}
