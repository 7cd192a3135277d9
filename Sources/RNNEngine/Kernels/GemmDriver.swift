/// Below this many multiply-adds (m·n·k, ~20 µs on one core) the product stays on
/// one thread: handing out work costs ~1 µs, but a second thread also repacks A
/// (or B) for its part, and on a busy machine it may not get a core at once.
let gemmParallelThreshold = 1 << 20

/// The depth of one K block of `gemm` (Float and Double alike): a product with
/// k ≤ this finishes each element's FMA chain before it reads C.
let gemmDepthBlock = 256

/// The blocked loops of `gemm` around `GemmMicroKernel` (the Goto / BLIS scheme).
///
///     for jc in steps of NC over the columns of C          B block: KC × NC (L2/L3)
///       for pc in steps of KC over k:   pack op(B) block
///         for ic in steps of MC over the rows of C          A block: MC × KC (L2)
///           pack op(A) block
///           for jr in steps of NR:                          B micro-panel KC × NR
///             for ir in steps of MR:  micro-kernel on one MR × NR tile of C
///
/// The first KC block applies beta; later ones add into C (beta = 1). Threads take
/// disjoint column (or row) ranges of C cut on NR (MR) boundaries and run these
/// loops on their range, packing their own panels, so every element of C goes
/// through the same FMA chains whatever the thread count: results are bitwise
/// identical on 1 or more threads.
enum GemmDriver<V: SIMD> where V.Scalar: EngineScalar {
    typealias T = V.Scalar
    typealias Kernel = GemmMicroKernel<V>

    /// Depth of a K block: 256 · 4 bytes · NR(32) = 32 KB of B micro-panel per block.
    static var kcBlock: Int { gemmDepthBlock }
    /// Rows of an A block (a multiple of MR): 128 × 256 × 4 bytes = 128 KB, in L2.
    static var mcBlock: Int { 128 }
    /// Columns of a B block (a multiple of NR): 256 × 1024 × 4 bytes = 1 MB.
    static var ncBlock: Int { 1024 }

    static func run(transposeA ta: Bool, transposeB tb: Bool, m: Int, n: Int, k: Int,
                    alpha: T, a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int,
                    beta: T, c: UnsafeMutablePointer<T>, ldc: Int, threads: Int,
                    minParallelWork: Int = gemmParallelThreshold, readsAInPlace: Bool? = nil,
                    opARowSums sums: UnsafeMutablePointer<T>? = nil, aRows: DeltaRows<T>? = nil) {
        precondition(sums == nil || ta, "row sums of op(A) are taken only for a transposed A")
        precondition(aRows == nil || (ta && aRows!.sequences * aRows!.steps == k), "row-mapped A must be transposed, k rows")
        guard m > 0, n > 0 else { return }
        if k == 0 || alpha == 0 {
            scale(c, ldc: ldc, rows: 0..<m, cols: 0..<n, by: beta)
            if let sums, k > 0 {
                for p in 0..<k {
                    let row = aRows?.row(p) ?? a + p * lda
                    for i in 0..<m { sums[i] += row[i] }
                }
            }
            return
        }
        let (mr, nr) = (Kernel.mr, Kernel.nr)
        let colPanels = (n + nr - 1) / nr, rowPanels = (m + mr - 1) / mr
        let work = m * n * k
        // A tall C (the B·T rows of a dense layer or a convolution) is cut by rows: each
        // part then reads its own rows of A and packs the small B again, instead of every
        // part reading all of A.
        let splitColumns = Self.splitsColumns(m: m, n: n, threads: threads)
        let panels = splitColumns ? colPanels : rowPanels
        let t = work < minParallelWork ? 1 : max(1, min(threads, panels))
        let direct = !ta && (readsAInPlace ?? (colPanels <= directAPanels))
        if t == 1 {
            serial(ta, tb, 0..<m, 0..<n, k, alpha, a, lda, b, ldb, beta, c, ldc, direct, sums, aRows)
            return
        }
        // A few tasks per thread, claimed dynamically: a thread that gets preempted on
        // a busy machine does not hold the others up. Each task packs its own panels,
        // and a column split's task packs all of A again: with A packed (not read in
        // place) that repacking cost a fifth of the product (512³ on two free cores:
        // 144–152 GFLOP/s, against 186 with one task per thread), so a column split
        // then makes one task per thread.
        // A row split's task packs all of op(B) again, which costs about as much as
        // multiplying it by a few dozen rows: where the tasks would have fewer rows than
        // `rowsPerRepackedB` (∂W_hh = δᵀ h: 128 rows of C, k = B·T), one task per thread.
        // A row split whose op(B) fits `sharedPackLimit` packs it once, all K blocks, the
        // threads each packing some blocks, and every task reads that one pack.
        let shared = sharesPackedB(m: m, n: n, k: k, threads: threads)
        let repacksA = splitColumns && !direct
        let repacksB = !splitColumns && !shared && m < 4 * t * rowsPerRepackedB
        let tasks = repacksA || repacksB ? t : min(panels, 4 * t, max(t, work / max(1, minParallelWork / 2)))
        let packedB = shared ? packAllOfB(tb, b, ldb, k: k, n: n, threads: t) : nil
        defer { packedB?.deallocate() }
        Parallel.forEach(tasks, threads: t) { i in
            let lo = panels * i / tasks, hi = panels * (i + 1) / tasks
            if splitColumns {
                serial(ta, tb, 0..<m, (lo * nr)..<min(n, hi * nr), k, alpha, a, lda, b, ldb, beta, c, ldc, direct, sums,
                       aRows)
            } else {
                serial(ta, tb, (lo * mr)..<min(m, hi * mr), 0..<n, k, alpha, a, lda, b, ldb, beta, c, ldc, direct, sums,
                       aRows, packedB: packedB.map { UnsafePointer($0) })
            }
        }
    }

    /// Whether a parallel product cuts C by columns (a wide C) rather than by rows.
    static func splitsColumns(m: Int, n: Int, threads: Int) -> Bool {
        let colPanels = (n + Kernel.nr - 1) / Kernel.nr
        return n >= m || (colPanels >= 2 * threads && m < 4 * n)
    }

    /// Whether a parallel row split packs op(B) once for all its tasks (`packAllOfB`).
    static func sharesPackedB(m: Int, n: Int, k: Int, threads: Int) -> Bool {
        !splitsColumns(m: m, n: n, threads: threads) && n <= ncBlock && k * roundUp(n, Kernel.nr) <= sharedPackLimit
    }

    /// The most elements of op(B) (K × N rounded up to NR) a row split packs once for all
    /// its tasks: 4 Mi values, 16 MiB of Float (∂W_hh = δᵀh at B·T = 6400, H = 128 is 0.8 Mi).
    static var sharedPackLimit: Int { 1 << 22 }

    /// op(B), K × N with N ≤ NC, packed whole: K block pc (KC rows) at pc · ⌈N/NR⌉·NR, in
    /// `serial`'s own layout for that block, so a task reads the block it would have packed.
    /// The K blocks are dealt out to `threads` threads.
    private static func packAllOfB(_ tb: Bool, _ b: UnsafePointer<T>, _ ldb: Int, k: Int, n: Int,
                                   threads: Int) -> UnsafeMutablePointer<T> {
        let (nr, width) = (Kernel.nr, roundUp(n, Kernel.nr))
        let packed = UnsafeMutableRawPointer.allocate(byteCount: k * width * MemoryLayout<T>.stride, alignment: 64)
            .bindMemory(to: T.self, capacity: k * width)
        let blocks = (k + kcBlock - 1) / kcBlock
        Parallel.forEach(min(threads, blocks), threads: threads) { part in
            for block in stride(from: part, to: blocks, by: min(threads, blocks)) {
                let pc = block * kcBlock
                GemmPacking.packB(transposed: tb, b: b, ldb: ldb, p0: pc, kc: min(kcBlock, k - pc), j0: 0, nc: n,
                                  nr: nr, into: packed + pc * width)
            }
        }
        return packed
    }

    /// A row split makes several tasks per thread only when each has at least this many rows of C.
    static var rowsPerRepackedB: Int { 64 }

    /// Up to this many column panels of C (NR each), a row-major A (not transposed) is
    /// read in place by the tiles (`GemmDirectA.swift`) instead of being packed.
    static var directAPanels: Int { 8 }

    /// C[rows, cols] = alpha · op(A)[rows, :] · op(B)[:, cols] + beta · C[rows, cols], on one thread.
    /// `direct`: A is row-major and its full MR-row panels are read in place, not packed.
    private static func serial(
        _ ta: Bool, _ tb: Bool, _ rows: Range<Int>, _ cols: Range<Int>, _ k: Int,
        _ alpha: T, _ a: UnsafePointer<T>, _ lda: Int, _ b: UnsafePointer<T>, _ ldb: Int,
        _ beta: T, _ c: UnsafeMutablePointer<T>, _ ldc: Int, _ direct: Bool,
        _ sums: UnsafeMutablePointer<T>?, _ aRows: DeltaRows<T>?, packedB: UnsafePointer<T>? = nil
    ) {
        // Row sums of op(A) are added while its first column block packs A: every part
        // whose columns start at 0 (a row split gives each part its own rows).
        let sumsHere = cols.lowerBound == 0 ? sums : nil
        let (mr, nr) = (Kernel.mr, Kernel.nr)
        let kcMax = min(kcBlock, k)
        let mcMax = min(mcBlock, roundUp(rows.count, mr))
        let ncMax = min(ncBlock, roundUp(cols.count, nr))
        let size = MemoryLayout<T>.stride
        // Both packs and a scratch tile for the edges, 64-byte aligned.
        let aCount = mcMax * kcMax, bCount = packedB == nil ? kcMax * ncMax : 0
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: (aCount + bCount + mr * nr) * size + 128, alignment: 64)
        defer { raw.deallocate() }
        let bPack = raw.bindMemory(to: T.self, capacity: bCount)
        let aPack = (raw + roundUp(bCount * size, 64)).bindMemory(to: T.self, capacity: aCount)
        let edge = (raw + roundUp(bCount * size, 64) + roundUp(aCount * size, 64))
            .bindMemory(to: T.self, capacity: mr * nr)

        for jc in stride(from: cols.lowerBound, to: cols.upperBound, by: ncBlock) {
            let nc = min(ncBlock, cols.upperBound - jc)
            for pc in stride(from: 0, to: k, by: kcBlock) {
                let kc = min(kcBlock, k - pc)
                let betaHere: T = pc == 0 ? beta : 1
                // All of op(B) packed by `run` (one column block), or this block packed here.
                let bBlock = packedB.map { $0 + pc * roundUp(cols.upperBound, nr) } ?? UnsafePointer(bPack)
                if packedB == nil {
                    GemmPacking.packB(transposed: tb, b: b, ldb: ldb, p0: pc, kc: kc,
                                      j0: jc, nc: nc, nr: nr, into: bPack)
                }
                for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: mcBlock) {
                    let mc = min(mcBlock, rows.upperBound - ic)
                    let fullRows = mc / mr * mr
                    if !direct {
                        if let aRows {
                            GemmPacking.packTransposedA(rows: aRows, i0: ic, mc: mc, p0: pc, kc: kc, mr: mr,
                                                        into: aPack, sums: jc == cols.lowerBound ? sumsHere : nil)
                        } else {
                            GemmPacking.packA(transposed: ta, a: a, lda: lda, i0: ic, mc: mc, p0: pc, kc: kc, mr: mr,
                                              into: aPack, sums: jc == cols.lowerBound ? sumsHere : nil)
                        }
                    } else if fullRows < mc {
                        // Only the last, partial panel is packed (zero rows below the edge).
                        GemmPacking.packA(transposed: false, a: a, lda: lda, i0: ic + fullRows, mc: mc - fullRows,
                                          p0: pc, kc: kc, mr: mr, into: aPack + fullRows * kc)
                    }
                    for jr in stride(from: 0, to: nc, by: nr) {
                        let bPanel = bBlock + jr * kc
                        let w = min(nr, nc - jr)
                        for ir in stride(from: 0, to: mc, by: mr) {
                            let aPanel = aPack + ir * kc
                            let h = min(mr, mc - ir)
                            let tile = c + (ic + ir) * ldc + jc + jr
                            if direct && h == mr {
                                let aRows = a + (ic + ir) * lda + pc
                                if w == nr {
                                    Kernel.tile(kc: kc, rowsOf: aRows, lda: lda, b: bPanel, alpha: alpha,
                                                beta: betaHere, c: tile, ldc: ldc)
                                } else {
                                    directEdgeTile(kc, aRows, lda, bPanel, alpha, betaHere, tile, ldc, w, edge)
                                }
                            } else if h == mr && w == nr {
                                Kernel.tile(kc: kc, a: aPanel, b: bPanel, alpha: alpha,
                                            beta: betaHere, c: tile, ldc: ldc)
                            } else {
                                edgeTile(kc, aPanel, bPanel, alpha, betaHere, tile, ldc, h, w, edge)
                            }
                        }
                    }
                }
            }
        }
    }

    /// A partial tile (h < MR or w < NR): the full kernel on a scratch tile, then
    /// the h × w corner copied out. The scratch holds C's values, so the arithmetic
    /// is the same as for a full tile. Also used by `GemmPackedB`.
    @inline(never)
    static func edgeTile(
        _ kc: Int, _ aPanel: UnsafePointer<T>, _ bPanel: UnsafePointer<T>, _ alpha: T, _ beta: T,
        _ tile: UnsafeMutablePointer<T>, _ ldc: Int, _ h: Int, _ w: Int,
        _ scratch: UnsafeMutablePointer<T>
    ) {
        let nr = Kernel.nr
        scratch.update(repeating: 0, count: Kernel.mr * nr)
        if beta != 0 {
            for i in 0..<h { (scratch + i * nr).update(from: tile + i * ldc, count: w) }
        }
        Kernel.tile(kc: kc, a: aPanel, b: bPanel, alpha: alpha, beta: beta, c: scratch, ldc: nr)
        for i in 0..<h { (tile + i * ldc).update(from: scratch + i * nr, count: w) }
    }

    /// `edgeTile` for a full-height tile cut at w < NR columns, A read in place.
    @inline(never)
    static func directEdgeTile(
        _ kc: Int, _ aRows: UnsafePointer<T>, _ lda: Int, _ bPanel: UnsafePointer<T>, _ alpha: T, _ beta: T,
        _ tile: UnsafeMutablePointer<T>, _ ldc: Int, _ w: Int, _ scratch: UnsafeMutablePointer<T>
    ) {
        let (mr, nr) = (Kernel.mr, Kernel.nr)
        scratch.update(repeating: 0, count: mr * nr)
        if beta != 0 {
            for i in 0..<mr { (scratch + i * nr).update(from: tile + i * ldc, count: w) }
        }
        Kernel.tile(kc: kc, rowsOf: aRows, lda: lda, b: bPanel, alpha: alpha, beta: beta, c: scratch, ldc: nr)
        for i in 0..<mr { (tile + i * ldc).update(from: scratch + i * nr, count: w) }
    }

    /// C = beta · C over a block (C = 0 when beta is 0, without reading it).
    private static func scale(_ c: UnsafeMutablePointer<T>, ldc: Int,
                              rows: Range<Int>, cols: Range<Int>, by beta: T) {
        for i in rows {
            let row = c + i * ldc
            for j in cols { row[j] = beta == 0 ? 0 : beta * row[j] }
        }
    }

    @inline(__always)
    private static func roundUp(_ x: Int, _ step: Int) -> Int { (x + step - 1) / step * step }
}
