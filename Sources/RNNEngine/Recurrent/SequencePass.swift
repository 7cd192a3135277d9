/// One layer, one direction, the whole sequence: the fused forward pass and its
/// backward pass, which is backpropagation through time written out
/// (`SimpleRNNBPTT` is its plain twin for the simple RNN, in lesson 2's symbols).
///
/// Forward: step by step, the input projection (B, I)·W_ihᵀ of x_t (with W_ihᵀ packed
/// once, bitwise one (B·T, I)·W_ihᵀ product over all steps), one (B, H)·W_hhᵀ product and
/// the cell's gate arithmetic (`CellStep`). Backward (`SequencePass+Backward.swift`) walks the
/// steps from the last back to the first, carrying ∂L/∂h (and ∂L/∂c) to the
/// previous step; the weight gradients are gathered into three products at the
/// end: ∂W_hh = Σ_t δ_tᵀ h_{t−1}, ∂W_ih = Σ_t δ_tᵀ x_t and ∂x = δ·W_ih.
///
/// Buffers are time-major inside, indexed by processing step k (for the reverse
/// direction, step k reads time t = T − 1 − k). Their names end in their layout,
/// llm.c-style: `_bh` is (B, H), `_bg` (B, G) with G = gates·H, `_kbh` (T + 1 or
/// T, B, H) by step k, `_tbg` (T, B, G) by time t.
struct SequencePass<T: EngineScalar> {
    let cell: CellStep<T>
    let batch: Int, steps: Int, input: Int
    let reverse: Bool
    /// (B·T) flags, batch-major; false marks a padded step that keeps the state.
    let mask: [Bool]?
    /// Recurrent dropout on h_{t−1} where it enters W_hh: (B, H), one mask for the
    /// whole sequence, or (T, B, H), one per step k; nil for none.
    let recurrentMask: Tensor?
    /// Truncated BPTT: step t's loss sends its gradient back through at most this
    /// many steps (`SequencePass+Truncated.swift`); nil for full BPTT.
    let gradientWindow: Int?
    /// False when no backward pass will run (`withNoGrad`, or nothing needs a
    /// gradient): the gate values of each step are then overwritten by the next.
    let keepsActivations: Bool

    var hidden: Int { cell.hidden }
    var gates: Int { cell.kind.gateCount * cell.hidden }
    var savedWidth: Int { cell.kind.savedBlocks * cell.hidden }

    @inline(__always) func time(_ k: Int) -> Int { reverse ? steps - 1 - k : k }

    /// Saved by forward for backward.
    struct Saved {
        var x: Tensor              // (B·T, I)
        var states: Tensor         // (T + 1, B, H) by step: h_init, then h after each step
        var cells: Tensor?         // (T + 1, B, H) for the LSTM
        var gateValues: Tensor     // (T, B, S)
        /// (T, B, H): h_{t−1} ⊙ m as it entered W_hh under recurrent dropout; nil
        /// without dropout, when it is simply the first T blocks of `states`.
        var droppedInput: Tensor?

        /// (T, B, H): what W_hh multiplied at each step.
        var recurrentInput: Tensor {
            droppedInput ?? states.slice(axis: 0, 0..<(states.shape[0] - 1))
        }
    }

    /// Runs the sequence. x is (B, T, I); hInit and cInit are (B, H). Returns the
    /// outputs (B, T, H) in input time order, the final cell state (B, H) if any,
    /// and what backward needs.
    func forward(x: Tensor, hInit: Tensor, cInit: Tensor?, wih: Tensor, whh: Tensor, bih: Tensor, bhh: Tensor,
                 probe: RecurrentProbe?) -> (output: Tensor, finalCell: Tensor?, saved: Saved) {
        let (B, Tn, H, G, S) = (batch, steps, hidden, gates, savedWidth)
        let dtype = x.dtype
        let kept = keepsActivations ? Tn : 1                               // steps whose buffers survive
        let x_bt_i = x.reshaped([B * Tn, input])
        // (B, G): W_ih x_t of the step, projected step by step into a buffer that stays in
        // cache (the cell adds b_ih in its pass over the gates). A narrow input (I ≤ 8) by
        // `NarrowInputProjection`, a wider one by W_ihᵀ packed once (`GemmPackedB`): the
        // same FMA chains as one (B·T, I)·W_ihᵀ product for all steps, so bitwise its values,
        // without writing B·T·G values that the cell reads back step by step at stride T·G.
        let narrow = input <= NarrowWeightGradient.maxInput
        var xp_bg = Tensor.unfilled([B, G], dtype: dtype)
        let projection = narrow ? NarrowInputProjection<T>(wih: wih.pointer(T.self), gates: G, input: input) : nil
        defer { projection?.deallocate() }
        let wihT = narrow ? nil : GemmPackedB<T>(transposed: true, b: wih.pointer(T.self), ldb: input, k: input, n: G)
        let (xs, xpStride) = (x_bt_i.pointer(T.self), G)
        // W_hhᵀ (H, G) packed for the kernel once for all T steps, not once per step.
        let whhT = GemmPackedB<T>(transposed: true, b: whh.pointer(T.self), ldb: H, k: H, n: G)
        // Unfilled: row 0 is h_init (c_init, or zeros) and every step writes its row (all of
        // h_t and c_t, all S gate values).
        var states_kbh = Tensor.unfilled([Tn + 1, B, H], dtype: dtype)
        var cells_kbh: Tensor? = cell.kind.hasCellState ? Tensor.unfilled([Tn + 1, B, H], dtype: dtype) : nil
        var gateValues_kbs = Tensor.unfilled([kept, B, S], dtype: dtype)
        var droppedInput_kbh: Tensor? = recurrentMask == nil ? nil : Tensor(zeros: [kept, B, H], dtype: dtype)
        var hp_bg = Tensor.unfilled([B, G], dtype: dtype)                  // written by the product (beta 0)
        states_kbh.setRows(0, from: hInit)
        if let cInit { cells_kbh!.setRows(0, from: cInit) } else if cells_kbh != nil {
            cells_kbh!.mutablePointer(T.self).update(repeating: 0, count: B * H)
        }

        let (hs, gs, hp) = (states_kbh.mutablePointer(T.self), gateValues_kbs.mutablePointer(T.self),
                            hp_bg.mutablePointer(T.self))
        let cs = cells_kbh == nil ? nil : cells_kbh!.mutablePointer(T.self)
        let dropped = droppedInput_kbh == nil ? nil : droppedInput_kbh!.mutablePointer(T.self)
        let (xp, bihp, bhhp) = (xp_bg.mutablePointer(T.self), bih.pointer(T.self), bhh.pointer(T.self))
        let parts = rowParts                                              // SequencePass+RowSplit.swift
        if parts > 1 { whhT.prepare(workspaces: parts, rows: B); wihT?.prepare(workspaces: parts, rows: B) }
        // Rows `rows` of step k: hp = h_{t−1} W_hhᵀ, then the cell, which adds b_ih and
        // b_hh in its pass over the gates. `part` names the row part's workspace (nil: all rows).
        func step(_ k: Int, _ rows: Range<Int>, _ part: Int?) {
            let t = time(k)
            let (hPrev_bh, h_bh) = (hs + k * B * H, hs + (k + 1) * B * H)
            let (cPrev_bh, c_bh) = (cs.map { $0 + k * B * H }, cs.map { $0 + (k + 1) * B * H })
            let gateValues_bs = gs + (keepsActivations ? k : 0) * B * S
            // What W_hh reads: h_{t−1}, or h_{t−1} ⊙ m under recurrent dropout (then one part).
            let hIn_bh = applyRecurrentDropout(to: hPrev_bh, step: k,
                                               into: dropped.map { $0 + (keepsActivations ? k : 0) * B * H })
            let lo = rows.lowerBound
            let (xp_b, x_b) = (xp + lo * G, xs + (lo * Tn + t) * input)    // row lo of W_ih x_t, of x_t
            projection?.project(rows: rows.count, x: x_b, ldx: Tn * input, out: xp_b, ldo: G)
            wihT?.multiply(m: rows.count, alpha: 1, a: x_b, lda: Tn * input, beta: 0, c: xp_b, ldc: G, part: part)
            whhT.multiply(m: rows.count, alpha: 1, a: hIn_bh + lo * H, lda: H, beta: 0, c: hp + lo * G, ldc: G,
                          part: part)
            cellRows(rows.count).forward(
                xp: xp_b, xpStride: xpStride, bih: bihp, hp: hp + lo * G, bhh: bhhp,
                hPrev: hPrev_bh + lo * H, cPrev: cPrev_bh.map { UnsafePointer($0 + lo * H) },
                saved: gateValues_bs + lo * S, h: h_bh + lo * H, c: c_bh.map { $0 + lo * H })
            if let mask {
                keepStateAtPaddedSteps(mask, t: t, rows: rows, hPrev: hPrev_bh, h: h_bh, cPrev: cPrev_bh, c: c_bh)
            }
            if let probe, rows.contains(probe.sample) {
                recordForward(probe, t: t, h: h_bh, c: c_bh, gateValues: gateValues_bs)
            }
        }
        // Each row part runs every step of its own rows: one hand-off per pass.
        if parts == 1 {
            for k in 0..<Tn { step(k, 0..<B, nil) }
        } else {
            Parallel.forEach(parts, threads: parts) { part in
                for k in 0..<Tn { step(k, rowRange(part, of: parts), part) }
            }
        }
        let output = outputsInTimeOrder(states_kbh)
        let finalCell = cells_kbh.map { $0.slice(axis: 0, Tn..<(Tn + 1)).reshaped([B, H]) }
        return (output, finalCell, Saved(x: x_bt_i, states: states_kbh, cells: cells_kbh, gateValues: gateValues_kbs,
                                         droppedInput: droppedInput_kbh))
    }

    /// The outputs (B, T, H) in input time order, batch-major, copied in one pass from
    /// the states (T + 1, B, H) by step: row (b, t) is h after the step that read t
    /// (step k = t forward, T − 1 − t in reverse; `time` maps both ways).
    func outputsInTimeOrder(_ states_kbh: Tensor) -> Tensor {
        let (B, Tn, H) = (batch, steps, hidden)
        var output = Tensor.unfilled([B, Tn, H], dtype: states_kbh.dtype)
        let (from, to) = (states_kbh.pointer(T.self), output.mutablePointer(T.self))
        for b in 0..<B {
            for t in 0..<Tn { (to + (b * Tn + t) * H).update(from: from + ((time(t) + 1) * B + b) * H, count: H) }
        }
        return output
    }
}
