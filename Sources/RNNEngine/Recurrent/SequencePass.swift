/// One layer, one direction, the whole sequence: the fused forward pass and its
/// backward pass, which is backpropagation through time written out.
///
/// Forward: the input projection of all T steps is one matrix product
/// (B·T, I)·W_ihᵀ; then, step by step, one (B, H)·W_hhᵀ product and the cell's
/// gate arithmetic. Backward walks the steps from the last back to the first,
/// carrying ∂L/∂h (and ∂L/∂c) to the previous step; the weight gradients are
/// gathered into three products at the end: ∂W_hh = Σ_t ∂(W_hh h)_tᵀ h_{t−1},
/// ∂W_ih = Σ_t ∂(W_ih x)_tᵀ x_t and ∂x = ∂(W_ih x)·W_ih.
///
/// Buffers are time-major inside, indexed by processing step k (for the reverse
/// direction, step k reads time t = T − 1 − k).
struct SequencePass<T: EngineScalar> {
    let step: CellStep<T>
    let batch: Int, steps: Int, input: Int
    let reverse: Bool
    /// (B·T) flags, batch-major; false marks a padded step that keeps the state.
    let mask: [Bool]?
    /// (B, H) recurrent dropout mask applied to h_{t−1} where it enters W_hh (or nil).
    let recurrentMask: Tensor?

    var hidden: Int { step.hidden }
    var gates: Int { step.kind.gateCount * step.hidden }
    var savedWidth: Int { step.kind.savedBlocks * step.hidden }

    @inline(__always) func time(_ k: Int) -> Int { reverse ? steps - 1 - k : k }

    /// Saved by forward for backward.
    struct Saved {
        var x: Tensor          // (B·T, I)
        var states: Tensor     // (T + 1, B, H): h_init, then h after each step
        var cells: Tensor?     // (T + 1, B, H) for the LSTM
        var cache: Tensor      // (T, B, S·H) gate values
        /// (T, B, H): h_{t−1} as it entered W_hh when recurrent dropout masked it;
        /// nil without dropout, when it is simply the first T blocks of `states`.
        var maskedInput: Tensor?

        var recurrentInput: Tensor {
            maskedInput ?? states.slice(axis: 0, 0..<(states.shape[0] - 1))
        }
    }

    /// Runs the sequence. x is (B, T, I); h0 and c0 are (B, H). Returns the outputs
    /// (B, T, H) in input time order, the final cell state (B, H) if any, and what
    /// backward needs.
    func forward(x: Tensor, h0: Tensor, c0: Tensor?, wih: Tensor, whh: Tensor, bih: Tensor, bhh: Tensor,
                 probe: RecurrentProbe?) -> (output: Tensor, finalCell: Tensor?, saved: Saved) {
        let (B, Tn, H, G, S) = (batch, steps, hidden, gates, savedWidth)
        let dtype = x.dtype
        let x2 = x.reshaped([B * Tn, input])
        var xp = Tensor.matmul(x2, wih, transposeB: true) + bih          // (B·T, G)
        xp = swapBatchAndTime(xp, batch: B, steps: Tn)                    // (T, B, G)
        let whhT = whh.transposed()                                       // (H, G): packs faster
        var states = Tensor(zeros: [Tn + 1, B, H], dtype: dtype)
        var cells: Tensor? = step.kind.hasCellState ? Tensor(zeros: [Tn + 1, B, H], dtype: dtype) : nil
        var cache = Tensor(zeros: [Tn, B, S], dtype: dtype)
        var maskedInput: Tensor? = recurrentMask == nil ? nil : Tensor(zeros: [Tn, B, H], dtype: dtype)
        var hp = Tensor(zeros: [B, G], dtype: dtype)
        states.setRows(0, from: h0)
        if let c0 { cells!.setRows(0, from: c0) }

        let (hs, sp, hpp) = (states.mutablePointer(T.self), cache.mutablePointer(T.self), hp.mutablePointer(T.self))
        let cs = cells == nil ? nil : cells!.mutablePointer(T.self)
        let ms = maskedInput == nil ? nil : maskedInput!.mutablePointer(T.self)
        let (xpp, wp, bp) = (xp.pointer(T.self), whhT.pointer(T.self), bhh.pointer(T.self))
        let dropMask = recurrentMask?.pointer(T.self)
        for k in 0..<Tn {
            let t = time(k)
            let (hPrev, hNext) = (hs + k * B * H, hs + (k + 1) * B * H)
            var hIn = UnsafePointer(hPrev)
            if let ms, let dropMask {
                for i in 0..<(B * H) { ms[k * B * H + i] = hPrev[i] * dropMask[i] }
                hIn = UnsafePointer(ms + k * B * H)
            }
            // hp = h_{t−1} W_hhᵀ + b_hh
            gemm(transposeA: false, transposeB: false, m: B, n: G, k: H, alpha: 1, a: hIn, lda: H,
                 b: wp, ldb: G, beta: 0, c: hpp, ldc: G)
            for b in 0..<B { for j in 0..<G { hpp[b * G + j] += bp[j] } }
            step.forward(xp: xpp + t * B * G, hp: hpp, hPrev: hPrev, cPrev: cs.map { $0 + k * B * H },
                         saved: sp + k * B * S, h: hNext, c: cs.map { $0 + (k + 1) * B * H })
            if let mask {
                for b in 0..<B where !mask[b * Tn + t] {
                    (hNext + b * H).update(from: hPrev + b * H, count: H)
                    if let cs { (cs + (k + 1) * B * H + b * H).update(from: cs + k * B * H + b * H, count: H) }
                }
            }
            if let probe, probe.sample < B {
                RecurrentProbe.record(&probe.hidden, t: t, from: UnsafePointer(hNext), row: probe.sample, stride: H)
                if let cs {
                    RecurrentProbe.record(&probe.cell, t: t, from: UnsafePointer(cs + (k + 1) * B * H), row: probe.sample, stride: H)
                }
                if S > 0 {
                    RecurrentProbe.record(&probe.gates, t: t, from: UnsafePointer(sp + k * B * S), row: probe.sample, stride: S)
                }
            }
        }
        // Outputs in input time order, batch-major: row (b, t) is the state after the step that read t.
        var outTM = states.slice(axis: 0, 1..<(Tn + 1))                 // (T by step, B, H)
        if reverse { outTM = outTM.reversedSteps() }
        let output = swapBatchAndTime(outTM.reshaped([Tn * B, H]), batch: Tn, steps: B).reshaped([B, Tn, H])
        let finalCell = cells.map { $0.slice(axis: 0, Tn..<(Tn + 1)).reshaped([B, H]) }
        return (output, finalCell, Saved(x: x2, states: states, cells: cells, cache: cache, maskedInput: maskedInput))
    }

    /// Gradients of everything the forward pass read, from ∂L/∂output (B, T, H) and
    /// ∂L/∂c_final (B, H). Returns (∂x (B, T, I), ∂h0, ∂c0, ∂W_ih, ∂W_hh, ∂b_ih, ∂b_hh);
    /// ∂x is nil unless `inputGradient` (the data of the first layer needs none).
    func backward(_ saved: Saved, outputGradient: Tensor, finalCellGradient: Tensor?,
                  wih: Tensor, whh: Tensor, probe: RecurrentProbe?, inputGradient: Bool = true)
        -> (dx: Tensor?, dh0: Tensor, dc0: Tensor?, dwih: Tensor, dwhh: Tensor, dbih: Tensor, dbhh: Tensor) {
        let (B, Tn, H, G, S) = (batch, steps, hidden, gates, savedWidth)
        let dtype = outputGradient.dtype
        // ∂L/∂output as (T, B, H) by time.
        let gOut = swapBatchAndTime(outputGradient.reshaped([B * Tn, H]), batch: B, steps: Tn)
        var dxpTM = Tensor(zeros: [Tn, B, G], dtype: dtype)   // by time t
        var dhpAll = Tensor(zeros: [Tn, B, G], dtype: dtype)  // by step k
        var dhNext = Tensor(zeros: [B, H], dtype: dtype)      // ∂L/∂h_{t−1}, built during step t
        var dc: Tensor? = step.kind.hasCellState ? (finalCellGradient ?? Tensor(zeros: [B, H], dtype: dtype)) : nil
        var dh = Tensor(zeros: [B, H], dtype: dtype)          // ∂L/∂h_t, the whole of it
        var scratch = Tensor(zeros: [B, H], dtype: dtype)
        var dcSaved = Tensor(zeros: [B, H], dtype: dtype)

        let (g, dxp, dhp) = (gOut.pointer(T.self), dxpTM.mutablePointer(T.self), dhpAll.mutablePointer(T.self))
        let (dn, dhp0, tmp, dcs) = (dhNext.mutablePointer(T.self), dh.mutablePointer(T.self),
                                    scratch.mutablePointer(T.self), dcSaved.mutablePointer(T.self))
        let dcp = dc == nil ? nil : dc!.mutablePointer(T.self)
        let (hs, sp, wp) = (saved.states.pointer(T.self), saved.cache.pointer(T.self), whh.pointer(T.self))
        let cs = saved.cells?.pointer(T.self)
        let dropMask = recurrentMask?.pointer(T.self)

        for k in stride(from: Tn - 1, through: 0, by: -1) {
            let t = time(k)
            for i in 0..<(B * H) { dhp0[i] = g[t * B * H + i] + dn[i] }
            if let probe, probe.sample < B {
                var sum = 0.0
                for j in 0..<H { let v = Double(dhp0[probe.sample * H + j]); sum += v * v }
                probe.gradientNorms[t] = sum.squareRoot()
            }
            if mask != nil, let dcp { dcs.update(from: dcp, count: B * H) }
            let (dhpK, dxpT) = (dhp + k * B * G, dxp + t * B * G)
            step.backward(dh: dhp0, dc: dcp, saved: sp + k * B * S, h: hs + (k + 1) * B * H, hPrev: hs + k * B * H,
                          c: cs.map { $0 + (k + 1) * B * H }, cPrev: cs.map { $0 + k * B * H },
                          dxp: dxpT, dhp: dhpK, dhPrev: dn)
            // ∂L/∂h_{t−1} = direct path + ∂(W_hh h)·W_hh (through the dropout mask, if any).
            if let dropMask {
                gemm(transposeA: false, transposeB: false, m: B, n: H, k: G, alpha: 1, a: dhpK, lda: G,
                     b: wp, ldb: H, beta: 0, c: tmp, ldc: H)
                for i in 0..<(B * H) { dn[i] += tmp[i] * dropMask[i] }
            } else {
                gemm(transposeA: false, transposeB: false, m: B, n: H, k: G, alpha: 1, a: dhpK, lda: G,
                     b: wp, ldb: H, beta: 1, c: dn, ldc: H)
            }
            if let mask {
                // A padded step passed its state through unchanged: so does its gradient.
                for b in 0..<B where !mask[b * Tn + t] {
                    for j in 0..<G { dhpK[b * G + j] = 0; dxpT[b * G + j] = 0 }
                    (dn + b * H).update(from: dhp0 + b * H, count: H)
                    if let dcp { (dcp + b * H).update(from: dcs + b * H, count: H) }
                }
            }
        }
        if let probe, probe.sample < B { probe.initialStateGradientNorm = dhNext.slice(axis: 0, probe.sample..<(probe.sample + 1)).norm() }
        let dhp2 = dhpAll.reshaped([Tn * B, G])
        let dwhh = Tensor.matmul(dhp2, saved.recurrentInput.reshaped([Tn * B, H]), transposeA: true)
        let dbhh = dhp2.sum(axis: 0)
        let dxpBM = swapBatchAndTime(dxpTM.reshaped([Tn * B, G]), batch: Tn, steps: B).reshaped([B * Tn, G])
        let dwih = Tensor.matmul(dxpBM, saved.x, transposeA: true)
        let dbih = dxpBM.sum(axis: 0)
        let dx = inputGradient ? Tensor.matmul(dxpBM, wih).reshaped([B, Tn, input]) : nil
        return (dx, dhNext, dc, dwih, dwhh, dbih, dbhh)
    }
}

// MARK: - Buffer helpers

extension Tensor {
    /// Reorders rows of a (P·Q, K) tensor stored as (P, Q, K) into (Q, P, K), flattened to (Q·P, K).
    /// With P = B and Q = T it turns batch-major rows into time-major rows.
    func swapBatchAndTimeRows(p: Int, q: Int) -> Tensor {
        let k = count / max(p * q, 1)
        let out = TensorStorage(dtype: dtype, count: count)
        let rowBytes = k * dtype.size
        for i in 0..<p {
            for j in 0..<q {
                (out.raw + (j * p + i) * rowBytes).copyMemory(from: storage.raw + (i * q + j) * rowBytes, byteCount: rowBytes)
            }
        }
        return Tensor(shape: [q * p, k], storage: out)
    }

    /// The first axis in reverse order.
    func reversedSteps() -> Tensor {
        let n = shape[0]
        let rowBytes = (count / max(n, 1)) * dtype.size
        let out = TensorStorage(dtype: dtype, count: count)
        for i in 0..<n {
            (out.raw + (n - 1 - i) * rowBytes).copyMemory(from: storage.raw + i * rowBytes, byteCount: rowBytes)
        }
        return Tensor(shape: shape, storage: out)
    }

    /// Overwrites block `index` of the first axis with `block`'s elements.
    mutating func setRows(_ index: Int, from block: Tensor) {
        makeUnique()
        let bytes = block.count * dtype.size
        (storage.raw + index * bytes).copyMemory(from: block.storage.raw, byteCount: bytes)
    }

    /// Overwrites row `row` of a (R, n) tensor with row `row` of `other`.
    mutating func setRow(_ row: Int, from other: Tensor) {
        makeUnique()
        let n = shape[shape.count - 1]
        let bytes = n * dtype.size
        (storage.raw + row * bytes).copyMemory(from: other.storage.raw + row * bytes, byteCount: bytes)
    }

    /// A typed pointer for reading; valid while the tensor is alive and unmodified.
    func pointer<T: EngineScalar>(_: T.Type) -> UnsafePointer<T> {
        precondition(T.dtype == dtype)
        return UnsafePointer(storage.raw.assumingMemoryBound(to: T.self))
    }

    /// A typed pointer for writing, after making the storage unique.
    mutating func mutablePointer<T: EngineScalar>(_: T.Type) -> UnsafeMutablePointer<T> {
        precondition(T.dtype == dtype)
        makeUnique()
        return storage.raw.assumingMemoryBound(to: T.self)
    }
}

/// (B·T, K) rows batch-major ↔ time-major; `batch` is the outer extent of the input.
func swapBatchAndTime(_ x: Tensor, batch: Int, steps: Int) -> Tensor {
    x.swapBatchAndTimeRows(p: batch, q: steps).reshaped([steps, batch, x.count / max(batch * steps, 1)])
}
