/// Truncated BPTT inside the layer, window τ: the loss of step t sends its
/// gradient back through at most τ steps, to the steps s with t − τ < s ≤ t:
///
///     ∂̃L/∂θ = Σ_t Σ_{s = max(0, t−τ+1)}^{t} (∂L_t/∂h_t) (∂h_t/∂h_s) (∂h_s/∂θ)|_{h_{s−1} fixed}
///
/// (the same for x_s and for h_{s−1}, so the initial state hears from the losses
/// of steps t < τ). The state still flows forwards through every step.
///
/// Why this truncation and not PyTorch's usual one (cut the sequence into
/// chunks of k and detach the state between chunks, k1 = k2 = k): there, how far
/// a loss reaches back depends on where its step falls in its chunk, from 0 to
/// k − 1 steps, so a dependency of lag d < k is learned from some positions and
/// not from others. Here every step's loss reaches back exactly τ − 1 transitions,
/// so "dependencies longer than τ get no gradient" is a sharp statement a lesson
/// can test. (The chunked kind is what carrying a detached state from one call
/// to the next already gives.)
///
/// One walk computes it: the gradient arriving at a step is kept apart by its
/// age a (how many steps it has travelled back, 0 … τ − 1), each age goes
/// through the step on its own (the step is linear in the gradient), the δ's of
/// all ages add up for the weights, and what would turn τ on leaving the step is
/// dropped, except at the first step, where it is ∂L/∂h_init. All live ages are
/// sent through W_hh in one product of (ages·B, G) rows, so a step back costs
/// about min(τ, T) times full BPTT's.
extension SequencePass {
    func truncatedBackward(_ saved: Saved, outputGradient: Tensor, finalCellGradient: Tensor?, wih: Tensor,
                           whh: Tensor, window τ: Int, probe: RecurrentProbe?, inputGradient: Bool) -> Gradients {
        precondition(τ >= 1, "a BPTT window must be at least one step, got \(τ)")
        let (B, Tn, H, G, S) = (batch, steps, hidden, gates, savedWidth)
        let (BH, BG) = (B * H, B * G)
        let dtype = outputGradient.dtype
        let hasCell = cell.kind.hasCellState
        let dL_dh_tbh = swapBatchAndTime(outputGradient.reshaped([B * Tn, H]), batch: B, steps: Tn)
        var deltaIH_tbg = Tensor(zeros: [Tn, B, G], dtype: dtype)    // Σ over ages, by time t
        var deltaHH_kbg = Tensor(zeros: [Tn, B, G], dtype: dtype)    // Σ over ages, by step k
        // By age a: what arrives at this step (index a) and what leaves it (index a + 1).
        var arriving_abh = Tensor(zeros: [τ + 1, B, H], dtype: dtype)
        var leaving_abh = Tensor(zeros: [τ + 1, B, H], dtype: dtype)
        var dcArriving_abh = Tensor(zeros: [τ + 1, B, H], dtype: dtype)    // ∂L/∂c, likewise (LSTM)
        var dcLeaving_abh = Tensor(zeros: [τ + 1, B, H], dtype: dtype)
        var ageDeltaIH_abg = Tensor(zeros: [τ, B, G], dtype: dtype)
        var ageDeltaHH_abg = Tensor(zeros: [τ, B, G], dtype: dtype)
        var g_abh = Tensor(zeros: [τ, B, H], dtype: dtype)            // g_t of each age
        var gTotal_bh = Tensor(zeros: [B, H], dtype: dtype)           // Σ over ages, for the probe
        var scratch_abh = Tensor(zeros: [τ, B, H], dtype: dtype)
        if hasCell, let finalCellGradient { dcArriving_abh.setRows(0, from: finalCellGradient) }

        let dL_dh = dL_dh_tbh.pointer(T.self)
        let (deltaIH, deltaHH) = (deltaIH_tbg.mutablePointer(T.self), deltaHH_kbg.mutablePointer(T.self))
        var (arriving, leaving) = (arriving_abh.mutablePointer(T.self), leaving_abh.mutablePointer(T.self))
        var (dcArriving, dcLeaving) = (dcArriving_abh.mutablePointer(T.self), dcLeaving_abh.mutablePointer(T.self))
        let (ageDeltaIH, ageDeltaHH) = (ageDeltaIH_abg.mutablePointer(T.self), ageDeltaHH_abg.mutablePointer(T.self))
        let (g, gTotal, scratch) = (g_abh.mutablePointer(T.self), gTotal_bh.mutablePointer(T.self),
                                    scratch_abh.mutablePointer(T.self))
        let (hs, gs, whhp) = (saved.states.pointer(T.self), saved.gateValues.pointer(T.self), packedRecurrentWeight(whh))
        let cs = saved.cells?.pointer(T.self)

        for k in stride(from: Tn - 1, through: 0, by: -1) {
            let t = time(k)
            let ages = min(τ, Tn - k)                  // ages that can have arrived by now
            // Ages that may leave: a + 1 < τ, or all of them at the first step (to h_init).
            let leavingAges = k == 0 ? ages : min(ages, τ - 1)
            // g_t of age 0 is the loss's own ∂L_t/∂h_t; older ones arrived from later steps.
            g.update(from: dL_dh + t * BH, count: BH)
            if ages > 1 { (g + BH).update(from: arriving + BH, count: (ages - 1) * BH) }
            if hasCell {
                if k < Tn - 1 { for i in 0..<BH { dcArriving[i] = 0 } }   // only the final cell's gradient is age 0
                (dcLeaving + BH).update(from: dcArriving, count: ages * BH)  // the cell step turns ∂c_t into ∂c_{t−1}
            }
            if let probe {
                for i in 0..<BH { gTotal[i] = 0 }
                for a in 0..<ages { for i in 0..<BH { gTotal[i] += g[a * BH + i] } }
                recordGradientNorm(probe, t: t, g: gTotal)
            }
            for a in 0..<ages {
                cell.backward(g: g + a * BH, dc: hasCell ? dcLeaving + (a + 1) * BH : nil, saved: gs + k * B * S,
                              h: hs + (k + 1) * BH, hPrev: hs + k * BH, cPrev: cs.map { $0 + k * BH },
                              deltaIH: ageDeltaIH + a * BG, deltaIHStride: G, deltaHH: ageDeltaHH + a * BG,
                              toPrevious: leaving + (a + 1) * BH)
            }
            if leavingAges > 0 {                       // + W_hhᵀ δ_t for every age that leaves, one product
                addRecurrentPath(ageDeltaHH, rows: leavingAges * B, whh: whhp, step: k, into: leaving + BH,
                                 scratch: scratch)
            }
            // δ_t for the weights: the sum over ages.
            let (deltaIH_bg, deltaHH_bg) = (deltaIH + t * BG, deltaHH + k * BG)
            for a in 0..<ages {
                for i in 0..<BG { deltaIH_bg[i] += ageDeltaIH[a * BG + i]; deltaHH_bg[i] += ageDeltaHH[a * BG + i] }
            }
            if let mask {
                // Padded rows: no δ; every age passes through unchanged, one step older.
                for b in 0..<B where !mask[b * Tn + t] {
                    for j in 0..<G { deltaIH_bg[b * G + j] = 0; deltaHH_bg[b * G + j] = 0 }
                    for a in 0..<leavingAges {
                        (leaving + (a + 1) * BH + b * H).update(from: g + a * BH + b * H, count: H)
                        if hasCell { (dcLeaving + (a + 1) * BH + b * H).update(from: dcArriving + a * BH + b * H, count: H) }
                    }
                }
            }
            // What left at age a + 1 arrives at the step before at age a + 1; older is dropped.
            swap(&arriving, &leaving)
            swap(&dcArriving, &dcLeaving)
            let (stale, end) = ((leavingAges + 1) * BH, (τ + 1) * BH)
            for i in stale..<end { arriving[i] = 0 }
            if hasCell { for i in stale..<end { dcArriving[i] = 0 } }
        }
        // ∂L/∂h_init: everything that left the first step, of any age.
        var dhInit = Tensor(zeros: [B, H], dtype: dtype), dcInit: Tensor? = hasCell ? Tensor(zeros: [B, H], dtype: dtype) : nil
        let (dh, dcp) = (dhInit.mutablePointer(T.self), dcInit == nil ? nil : dcInit!.mutablePointer(T.self))
        for a in 1...min(τ, Tn) {
            for i in 0..<BH { dh[i] += arriving[a * BH + i] }
            if let dcp { for i in 0..<BH { dcp[i] += dcArriving[a * BH + i] } }
        }
        if let probe { recordInitialGradientNorm(probe, dhInit) }
        // ∂W_ih and ∂b_ih read δ_ih (by time t) in batch-major order in place; ∂x wants a batch-major copy.
        let rows = DeltaRows.timeMajor(deltaIH_tbg.pointer(T.self), sequences: B, steps: Tn, width: G, reverse: false)
        let dx = inputGradient
            ? Tensor.matmul(swapBatchAndTime(deltaIH_tbg.reshaped([Tn * B, G]), batch: Tn, steps: B).reshaped([B * Tn, G]),
                            wih).reshaped([B, Tn, input])
            : nil
        return weightGradients(saved, deltaIH: rows, deltaHH_kbg: deltaHH_kbg, dx: dx, dhInit: dhInit, dcInit: dcInit)
    }
}
