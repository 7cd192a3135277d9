/// op(B) packed once, for many products C = alpha · op(A) · op(B) + beta · C with
/// the same B and a new A each time: the recurrent weight W_hh against h_{t−1} at
/// every step of a sequence (forward), and δ_t against W_hh (backward).
///
/// `gemm` packs B again on every call; a sequence of T steps would pack W_hh T
/// times. Here it is packed once, all of K, in `GemmDriver`'s K blocks of KC and
/// panels of NR columns (`GemmPacking.packB`'s layout, block after block):
///
///     packed[block pc][panel j][p][jj] = op(B)[pc·KC + p, j·NR + jj]
///
/// `multiply` runs the same micro-kernel on the same K blocks in the same order as
/// `gemm` (or, below MR rows, `gemmPackedRows`, one row at a time with the same
/// chains), so every element of C is the same FMA chain: the results are bitwise
/// those of `gemm` with the same arguments, on any thread count. The A pack and the
/// edge tile live in a workspace reused from call to call, so a step allocates nothing.
final class GemmPackedB<T: EngineScalar>: @unchecked Sendable {
    let k: Int, n: Int
    private let panels: Int, nr: Int, mr: Int, kc: Int
    private let packed: UnsafeMutablePointer<T>
    /// Per-thread workspaces: an A pack (MC × KC) and an edge tile (MR × NR) each.
    private var workspaces: [UnsafeMutablePointer<T>] = []
    private var workspaceRows = 0

    /// Packs op(B), K × N: B itself is K × N (row stride `ldb`), or N × K when `transposed`.
    init(transposed: Bool, b: UnsafePointer<T>, ldb: Int, k: Int, n: Int) {
        (self.k, self.n) = (k, n)
        (mr, nr, kc) = Self.shape()
        panels = (n + nr - 1) / nr
        // Vector-aligned: the micro-kernel loads B panels as whole vectors.
        packed = UnsafeMutableRawPointer.allocate(byteCount: max(1, panels * nr * k) * MemoryLayout<T>.stride,
                                                  alignment: 64).bindMemory(to: T.self, capacity: max(1, panels * nr * k))
        for pc in stride(from: 0, to: k, by: kc) {
            let depth = min(kc, k - pc)
            GemmPacking.packB(transposed: transposed, b: b, ldb: ldb, p0: pc, kc: depth, j0: 0, nc: n, nr: nr,
                              into: packed + pc * panels * nr)
        }
    }

    deinit {
        packed.deallocate()
        for w in workspaces { w.deallocate() }
    }

    /// (MR, NR, KC) of the kernel `gemm` uses for T.
    private static func shape() -> (Int, Int, Int) {
        if T.self == Float.self { return (GemmMicroKernel<SIMD16<Float>>.mr, GemmMicroKernel<SIMD16<Float>>.nr, GemmDriver<SIMD16<Float>>.kcBlock) }
        return (GemmMicroKernel<SIMD8<Double>>.mr, GemmMicroKernel<SIMD8<Double>>.nr, GemmDriver<SIMD8<Double>>.kcBlock)
    }

    /// C (M × N) = alpha · op(A) · op(B) + beta · C; op(A) is M × K (A is K × M when
    /// `transposeA`). Bitwise the same as `gemm` with the unpacked B. Splits the
    /// columns over up to `threads` threads from the same size as `gemm`.
    func multiply(transposeA: Bool = false, m: Int, alpha: T, a: UnsafePointer<T>, lda: Int,
                  beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int = Parallel.maxThreads) {
        guard m > 0, n > 0 else { return }
        if k == 0 || alpha == 0 {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        let work = m * n * k
        let t = work < gemmParallelThreshold ? 1 : max(1, min(threads, panels))
        reserve(threads: t, rows: m)
        if t == 1 {
            serial(transposeA, m, 0..<panels, alpha, a, lda, beta, c, ldc, workspaces[0])
            return
        }
        let spaces = workspaces
        Parallel.forEach(t, threads: t) { i in
            let range = (panels * i / t)..<(panels * (i + 1) / t)
            serial(transposeA, m, range, alpha, a, lda, beta, c, ldc, spaces[i])
        }
    }

    /// Workspaces for `count` concurrent `multiply(…, workspace:)` calls of up to `rows` rows each.
    func prepare(workspaces count: Int, rows: Int) { reserve(threads: count, rows: rows) }

    /// `multiply` on the calling thread with workspace `w` (made by `prepare`): for a
    /// caller that splits the rows of A and C over threads itself, one workspace per
    /// part. Bitwise the same as `multiply` on those rows.
    func multiply(m: Int, alpha: T, a: UnsafePointer<T>, lda: Int, beta: T, c: UnsafeMutablePointer<T>, ldc: Int,
                  workspace w: Int) {
        guard m > 0, n > 0 else { return }
        precondition(w < workspaces.count && min(roundUp(m, mr), mcBlock) <= workspaceRows,
                     "GemmPackedB workspace \(w) not prepared for \(m) rows")
        if k == 0 || alpha == 0 {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        serial(false, m, 0..<panels, alpha, a, lda, beta, c, ldc, workspaces[w])
    }

    /// `multiply(…, workspace: part)` for one part of a caller's own row split, or, with
    /// no part, `multiply(…)` on all the rows (which may split the columns itself).
    func multiply(m: Int, alpha: T, a: UnsafePointer<T>, lda: Int, beta: T, c: UnsafeMutablePointer<T>, ldc: Int,
                  part: Int?) {
        if let part {
            multiply(m: m, alpha: alpha, a: a, lda: lda, beta: beta, c: c, ldc: ldc, workspace: part)
        } else {
            multiply(m: m, alpha: alpha, a: a, lda: lda, beta: beta, c: c, ldc: ldc)
        }
    }

    /// Workspaces for `threads` threads, each with room for min(M, MC) rows of A.
    private func reserve(threads: Int, rows: Int) {
        let needRows = min(roundUp(rows, mr), mcBlock)
        if needRows > workspaceRows {
            for w in workspaces { w.deallocate() }
            workspaces = []
            workspaceRows = needRows
        }
        while workspaces.count < threads {
            workspaces.append(UnsafeMutablePointer<T>.allocate(capacity: workspaceRows * min(kc, max(k, 1)) + mr * nr))
        }
    }

    private var mcBlock: Int { T.self == Float.self ? GemmDriver<SIMD16<Float>>.mcBlock : GemmDriver<SIMD8<Double>>.mcBlock }

    private func serial(_ ta: Bool, _ m: Int, _ panelRange: Range<Int>, _ alpha: T, _ a: UnsafePointer<T>, _ lda: Int,
                        _ beta: T, _ c: UnsafeMutablePointer<T>, _ ldc: Int, _ workspace: UnsafeMutablePointer<T>) {
        // After specialisation only one branch remains; the types are equal (checked).
        func run<V: SIMD>(_: V.Type) where V.Scalar: EngineScalar {
            typealias U = V.Scalar
            if m < mr {
                gemmPackedRows(V.self, ta, m, k, n, panelRange, kc,
                               UnsafeRawPointer(packed).assumingMemoryBound(to: U.self), panels,
                               unsafeBitCast(alpha, to: U.self), UnsafeRawPointer(a).assumingMemoryBound(to: U.self),
                               lda, unsafeBitCast(beta, to: U.self),
                               UnsafeMutableRawPointer(c).assumingMemoryBound(to: U.self), ldc)
                return
            }
            gemmPackedSerial(GemmMicroKernel<V>.self, ta, m, k, n, panelRange, kc, mcBlock,
                             UnsafeMutableRawPointer(packed).assumingMemoryBound(to: U.self), panels,
                             unsafeBitCast(alpha, to: U.self), UnsafeRawPointer(a).assumingMemoryBound(to: U.self), lda,
                             unsafeBitCast(beta, to: U.self), UnsafeMutableRawPointer(c).assumingMemoryBound(to: U.self),
                             ldc, UnsafeMutableRawPointer(workspace).assumingMemoryBound(to: U.self), workspaceRows)
        }
        if T.self == Float.self { run(SIMD16<Float>.self) } else { run(SIMD8<Double>.self) }
    }

    @inline(__always)
    private func roundUp(_ x: Int, _ step: Int) -> Int { (x + step - 1) / step * step }
}

/// `GemmDriver.serial`'s loops with B already packed: K blocks, then A blocks of MC
/// rows, then the column panels of `panelRange`, then MR-row tiles.
@inline(__always)
private func gemmPackedSerial<V: SIMD>(
    _: GemmMicroKernel<V>.Type, _ ta: Bool, _ m: Int, _ k: Int, _ n: Int, _ panelRange: Range<Int>,
    _ kcBlock: Int, _ mcBlock: Int, _ packed: UnsafeMutablePointer<V.Scalar>, _ panels: Int,
    _ alpha: V.Scalar, _ a: UnsafePointer<V.Scalar>, _ lda: Int, _ beta: V.Scalar, _ c: UnsafeMutablePointer<V.Scalar>,
    _ ldc: Int, _ workspace: UnsafeMutablePointer<V.Scalar>, _ workspaceRows: Int
) where V.Scalar: EngineScalar {
    typealias T = V.Scalar
    typealias Kernel = GemmMicroKernel<V>
    let (mr, nr) = (Kernel.mr, Kernel.nr)
    let aPack = workspace
    let edge = workspace + workspaceRows * min(kcBlock, k)
    // Few column panels: a row-major A is read in place, as `GemmDriver` does
    // (`GemmDirectA.swift`); packing it would cost as much as the tiles. Only a last,
    // partial row panel is packed. Bitwise the packed path's values.
    let direct = !ta && panelRange.count <= GemmDriver<V>.directAPanels
    for pc in stride(from: 0, to: k, by: kcBlock) {
        let kc = min(kcBlock, k - pc)
        let betaHere: T = pc == 0 ? beta : 1
        let bBlock = packed + pc * panels * nr
        for ic in stride(from: 0, to: m, by: mcBlock) {
            let mc = min(mcBlock, m - ic)
            let fullRows = mc / mr * mr
            if !direct {
                GemmPacking.packA(transposed: ta, a: a, lda: lda, i0: ic, mc: mc, p0: pc, kc: kc, mr: mr, into: aPack)
            } else if fullRows < mc {
                GemmPacking.packA(transposed: false, a: a, lda: lda, i0: ic + fullRows, mc: mc - fullRows, p0: pc,
                                  kc: kc, mr: mr, into: aPack + fullRows * kc)
            }
            for j in panelRange {
                let bPanel = UnsafePointer(bBlock + j * kc * nr)
                let w = min(nr, n - j * nr)
                for ir in stride(from: 0, to: mc, by: mr) {
                    let aPanel = UnsafePointer(aPack + ir * kc)
                    let h = min(mr, mc - ir)
                    let tile = c + (ic + ir) * ldc + j * nr
                    if direct && h == mr {
                        let aRows = a + (ic + ir) * lda + pc
                        if w == nr {
                            Kernel.tile(kc: kc, rowsOf: aRows, lda: lda, b: bPanel, alpha: alpha, beta: betaHere,
                                        c: tile, ldc: ldc)
                        } else {
                            GemmDriver<V>.directEdgeTile(kc, aRows, lda, bPanel, alpha, betaHere, tile, ldc, w, edge)
                        }
                    } else if h == mr && w == nr {
                        Kernel.tile(kc: kc, a: aPanel, b: bPanel, alpha: alpha, beta: betaHere, c: tile, ldc: ldc)
                    } else {
                        GemmDriver<V>.edgeTile(kc, aPanel, bPanel, alpha, betaHere, tile, ldc, h, w, edge)
                    }
                }
            }
        }
    }
}
