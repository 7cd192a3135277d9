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

    /// 16 lanes at p.
    @inline(__always)
    static func load(_ p: P) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }

    /// Stores 16 lanes at p.
    @inline(__always)
    static func store(_ v: V, _ p: M) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self) }

    /// (xp + b_ih) + (hp + b_hh) for lanes j ..< j + 16 of gate block `gate`.
    @inline(__always)
    static func preActivation(_ gate: Int, _ j: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P) -> V {
        let o = gate * H + j
        return (load(xp + o) + load(bih + o)) + (load(hp + o) + load(bhh + o))
    }

    // Each row runs whole vectors of 16 units through a `…Chunk` that has only vector
    // loads and stores, then at most one partial vector through an out-of-line `…Tail`.
    // The tail copies lanes j ..< H of every block it reads into a 16-wide scratch row,
    // zero-padded (as `VectorMath.apply` pads), runs the same chunk on the scratch
    // (block width 16) and copies the n real lanes of what it wrote back. Every lane
    // gets the same operations either way. Kept apart so that the chunk stays small
    // enough for the optimiser to inline sigmoid and tanh into it: with lane-by-lane
    // tail code inside, they stayed calls and ran on 128-bit quarters of the vector.

    /// Copies lanes j ..< j + n of `blocks` blocks of width H at p into rows of 16 at s, zero-padded.
    @inline(__always)
    static func pad(_ p: P, _ blocks: Int, _ H: Int, _ j: Int, _ n: Int, _ s: M) {
        for b in 0..<blocks {
            for e in 0..<16 { s[b * 16 + e] = e < n ? p[b * H + j + e] : 0 }
        }
    }

    /// Copies the first n lanes of `blocks` rows of 16 at s to lanes j ..< j + n of blocks of width H at p.
    @inline(__always)
    static func unpad(_ s: P, _ blocks: Int, _ H: Int, _ j: Int, _ n: Int, _ p: M) {
        for b in 0..<blocks {
            for e in 0..<n { p[b * H + j + e] = s[b * 16 + e] }
        }
    }

    /// Scratch rows of 16 floats for a tail (at most 26 are used at once).
    @inline(__always)
    static func withScratch(_ body: (M) -> Void) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 32 * 16) { body($0.baseAddress!) }
    }

    static func rnnTanhForward(H: Int, xp: P, bih: P, hp: P, bhh: P, h: M) {
        var j = 0
        while j + 16 <= H { rnnTanhForwardChunk(j, H, xp, bih, hp, bhh, h); j += 16 }
        if j < H { rnnTanhForwardTail(j, H - j, H, xp, bih, hp, bhh, h) }
    }

    @inline(never)
    static func rnnTanhForwardTail(_ j: Int, _ n: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P, _ h: M) {
        withScratch { s in
            pad(xp, 1, H, j, n, s); pad(bih, 1, H, j, n, s + 16); pad(hp, 1, H, j, n, s + 32)
            pad(bhh, 1, H, j, n, s + 48)
            rnnTanhForwardChunk(0, 16, s, s + 16, s + 32, s + 48, s + 64)
            unpad(s + 64, 1, H, j, n, h)
        }
    }

    @inline(__always)
    static func rnnTanhForwardChunk(_ j: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P, _ h: M) {
        store(VectorMath.tanh(preActivation(0, j, H, xp, bih, hp, bhh)), h + j)
    }

    static func lstmForward(H: Int, xp: P, bih: P, hp: P, bhh: P, cPrev: P, forgetClamp: Float?,
                            saved: M, h: M, c: M) {
        var j = 0
        while j + 16 <= H {
            lstmForwardChunk(j, H, xp, bih, hp, bhh, cPrev, forgetClamp, saved, h, c)
            j += 16
        }
        if j < H { lstmForwardTail(j, H - j, H, xp, bih, hp, bhh, cPrev, forgetClamp, saved, h, c) }
    }

    @inline(never)
    static func lstmForwardTail(_ j: Int, _ n: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P, _ cPrev: P,
                                _ forgetClamp: Float?, _ saved: M, _ h: M, _ c: M) {
        withScratch { s in
            // Rows: xp 0–3, b_ih 4–7, hp 8–11, b_hh 12–15, c_{t−1} 16, saved 17–21, h 22, c 23.
            pad(xp, 4, H, j, n, s); pad(bih, 4, H, j, n, s + 64); pad(hp, 4, H, j, n, s + 128)
            pad(bhh, 4, H, j, n, s + 192); pad(cPrev, 1, H, j, n, s + 256)
            lstmForwardChunk(0, 16, s, s + 64, s + 128, s + 192, s + 256, forgetClamp, s + 272, s + 352, s + 368)
            unpad(s + 272, 5, H, j, n, saved); unpad(s + 352, 1, H, j, n, h); unpad(s + 368, 1, H, j, n, c)
        }
    }

    @inline(__always)
    static func lstmForwardChunk(_ j: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P, _ cPrev: P,
                                 _ forgetClamp: Float?, _ saved: M, _ h: M, _ c: M) {
        let i = VectorMath.sigmoid(preActivation(0, j, H, xp, bih, hp, bhh))
        var f = VectorMath.sigmoid(preActivation(1, j, H, xp, bih, hp, bhh))
        let g = VectorMath.tanh(preActivation(2, j, H, xp, bih, hp, bhh))
        let o = VectorMath.sigmoid(preActivation(3, j, H, xp, bih, hp, bhh))
        if let v = forgetClamp { f = V(repeating: v) }
        let cNew = f * load(cPrev + j) + i * g
        let tanhC = VectorMath.tanh(cNew)
        store(i, saved + j); store(f, saved + H + j); store(g, saved + 2 * H + j)
        store(o, saved + 3 * H + j); store(tanhC, saved + 4 * H + j)
        store(cNew, c + j)
        store(o * tanhC, h + j)
    }

    static func gruForward(H: Int, xp: P, bih: P, hp: P, bhh: P, hPrev: P, saved: M, h: M) {
        var j = 0
        while j + 16 <= H { gruForwardChunk(j, H, xp, bih, hp, bhh, hPrev, saved, h); j += 16 }
        if j < H { gruForwardTail(j, H - j, H, xp, bih, hp, bhh, hPrev, saved, h) }
    }

    @inline(never)
    static func gruForwardTail(_ j: Int, _ n: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P, _ hPrev: P,
                               _ saved: M, _ h: M) {
        withScratch { s in
            // Rows: xp 0–2, b_ih 3–5, hp 6–8, b_hh 9–11, h_{t−1} 12, saved 13–16, h 17.
            pad(xp, 3, H, j, n, s); pad(bih, 3, H, j, n, s + 48); pad(hp, 3, H, j, n, s + 96)
            pad(bhh, 3, H, j, n, s + 144); pad(hPrev, 1, H, j, n, s + 192)
            gruForwardChunk(0, 16, s, s + 48, s + 96, s + 144, s + 192, s + 208, s + 272)
            unpad(s + 208, 4, H, j, n, saved); unpad(s + 272, 1, H, j, n, h)
        }
    }

    @inline(__always)
    static func gruForwardChunk(_ j: Int, _ H: Int, _ xp: P, _ bih: P, _ hp: P, _ bhh: P, _ hPrev: P,
                                _ saved: M, _ h: M) {
        let r = VectorMath.sigmoid(preActivation(0, j, H, xp, bih, hp, bhh))
        let z = VectorMath.sigmoid(preActivation(1, j, H, xp, bih, hp, bhh))
        let o = 2 * H + j
        let hn = load(hp + o) + load(bhh + o)                       // W_hn h_{t−1} + b_hn
        let cand = VectorMath.tanh((load(xp + o) + load(bih + o)) + r * hn)
        store(r, saved + j); store(z, saved + H + j); store(cand, saved + 2 * H + j)
        store(hn, saved + 3 * H + j)
        store((1 - z) * cand + z * load(hPrev + j), h + j)
    }

    static func rnnTanhBackward(H: Int, g: P, h: P, deltaIH: M, deltaHH: M, toPrevious: M) {
        var j = 0
        while j + 16 <= H { rnnTanhBackwardChunk(j, g, h, deltaIH, deltaHH, toPrevious); j += 16 }
        if j < H { rnnTanhBackwardTail(j, H - j, H, g, h, deltaIH, deltaHH, toPrevious) }
    }

    @inline(never)
    static func rnnTanhBackwardTail(_ j: Int, _ n: Int, _ H: Int, _ g: P, _ h: P, _ deltaIH: M, _ deltaHH: M,
                                    _ toPrevious: M) {
        withScratch { s in
            pad(g, 1, H, j, n, s); pad(h, 1, H, j, n, s + 16)
            rnnTanhBackwardChunk(0, s, s + 16, s + 32, s + 48, s + 64)
            unpad(s + 32, 1, H, j, n, deltaIH); unpad(s + 48, 1, H, j, n, deltaHH)
            unpad(s + 64, 1, H, j, n, toPrevious)
        }
    }

    @inline(__always)
    static func rnnTanhBackwardChunk(_ j: Int, _ g: P, _ h: P, _ deltaIH: M, _ deltaHH: M, _ toPrevious: M) {
        let hv = load(h + j)
        let delta = load(g + j) * (1 - hv * hv)
        store(delta, deltaIH + j); store(delta, deltaHH + j); store(V(repeating: 0), toPrevious + j)
    }

    static func lstmBackward(H: Int, g: P, dc: M, saved: P, cPrev: P, clamped: Bool,
                             deltaIH: M, deltaHH: M, toPrevious: M) {
        var j = 0
        while j + 16 <= H {
            lstmBackwardChunk(j, H, g, dc, saved, cPrev, clamped, deltaIH, deltaHH, toPrevious)
            j += 16
        }
        if j < H { lstmBackwardTail(j, H - j, H, g, dc, saved, cPrev, clamped, deltaIH, deltaHH, toPrevious) }
    }

    @inline(never)
    static func lstmBackwardTail(_ j: Int, _ n: Int, _ H: Int, _ g: P, _ dc: M, _ saved: P, _ cPrev: P,
                                 _ clamped: Bool, _ deltaIH: M, _ deltaHH: M, _ toPrevious: M) {
        withScratch { s in
            // Rows: g 0, dc 1, saved 2–6, c_{t−1} 7, δ_ih 8–11, δ_hh 12–15, toPrevious 16.
            pad(g, 1, H, j, n, s); pad(dc, 1, H, j, n, s + 16); pad(saved, 5, H, j, n, s + 32)
            pad(cPrev, 1, H, j, n, s + 112)
            lstmBackwardChunk(0, 16, s, s + 16, s + 32, s + 112, clamped, s + 128, s + 192, s + 256)
            unpad(s + 16, 1, H, j, n, dc); unpad(s + 128, 4, H, j, n, deltaIH); unpad(s + 192, 4, H, j, n, deltaHH)
            unpad(s + 256, 1, H, j, n, toPrevious)
        }
    }

    @inline(__always)
    static func lstmBackwardChunk(_ j: Int, _ H: Int, _ g: P, _ dc: M, _ saved: P, _ cPrev: P,
                                  _ clamped: Bool, _ deltaIH: M, _ deltaHH: M, _ toPrevious: M) {
        let (i, f, gc) = (load(saved + j), load(saved + H + j), load(saved + 2 * H + j))
        let (o, tanhC) = (load(saved + 3 * H + j), load(saved + 4 * H + j))
        let gv = load(g + j)
        let dCell = load(dc + j) + gv * o * (1 - tanhC * tanhC)
        let di = dCell * gc * i * (1 - i)
        let df = clamped ? V(repeating: 0) : dCell * load(cPrev + j) * f * (1 - f)
        let dg = dCell * i * (1 - gc * gc)
        let dO = gv * tanhC * o * (1 - o)
        store(di, deltaIH + j); store(df, deltaIH + H + j)
        store(dg, deltaIH + 2 * H + j); store(dO, deltaIH + 3 * H + j)
        store(di, deltaHH + j); store(df, deltaHH + H + j)
        store(dg, deltaHH + 2 * H + j); store(dO, deltaHH + 3 * H + j)
        store(dCell * f, dc + j)
        store(V(repeating: 0), toPrevious + j)
    }

    static func gruBackward(H: Int, g: P, saved: P, hPrev: P, deltaIH: M, deltaHH: M, toPrevious: M) {
        var j = 0
        while j + 16 <= H { gruBackwardChunk(j, H, g, saved, hPrev, deltaIH, deltaHH, toPrevious); j += 16 }
        if j < H { gruBackwardTail(j, H - j, H, g, saved, hPrev, deltaIH, deltaHH, toPrevious) }
    }

    @inline(never)
    static func gruBackwardTail(_ j: Int, _ n: Int, _ H: Int, _ g: P, _ saved: P, _ hPrev: P, _ deltaIH: M,
                                _ deltaHH: M, _ toPrevious: M) {
        withScratch { s in
            // Rows: g 0, saved 1–4, h_{t−1} 5, δ_ih 6–8, δ_hh 9–11, toPrevious 12.
            pad(g, 1, H, j, n, s); pad(saved, 4, H, j, n, s + 16); pad(hPrev, 1, H, j, n, s + 80)
            gruBackwardChunk(0, 16, s, s + 16, s + 80, s + 96, s + 144, s + 192)
            unpad(s + 96, 3, H, j, n, deltaIH); unpad(s + 144, 3, H, j, n, deltaHH)
            unpad(s + 192, 1, H, j, n, toPrevious)
        }
    }

    @inline(__always)
    static func gruBackwardChunk(_ j: Int, _ H: Int, _ g: P, _ saved: P, _ hPrev: P, _ deltaIH: M,
                                 _ deltaHH: M, _ toPrevious: M) {
        let (r, z) = (load(saved + j), load(saved + H + j))
        let (cand, hn) = (load(saved + 2 * H + j), load(saved + 3 * H + j))
        let gv = load(g + j)
        let dn = gv * (1 - z) * (1 - cand * cand)
        let dz = gv * (load(hPrev + j) - cand) * z * (1 - z)
        let dr = dn * hn * r * (1 - r)
        store(dr, deltaIH + j); store(dz, deltaIH + H + j); store(dn, deltaIH + 2 * H + j)
        store(dr, deltaHH + j); store(dz, deltaHH + H + j); store(dn * r, deltaHH + 2 * H + j)
        store(gv * z, toPrevious + j)
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
