/// Backpropagation through time, the fused way: one walk from the last step back
/// to the first, in lesson 2's symbols (see `SimpleRNNBPTT` for the plain version):
///
///     g_t = ∂L_t/∂h_t + (what step t + 1 sent back to h_t)
///     δ_t = the cell's backward step applied to g_t (and ∂L/∂c_t for the LSTM)
///     sent back to h_{t−1}: the cell's direct path + W_hhᵀ δ_t
///
/// ∂x_t = δ_t W_ih at each step of the walk (while δ_t is in cache), and, after the
/// walk, ∂W_hh = Σ_t δ_tᵀ h_{t−1}, ∂W_ih = Σ_t δ_tᵀ x_t and ∂b = Σ_t δ_t as products over
/// all steps.
extension SequencePass {
    /// Gradients of everything the forward pass read, from ∂L/∂output (B, T, H) and
    /// ∂L/∂c_final (B, H). ∂x is nil unless `inputGradient` (the data of the first
    /// layer needs none). `reference` runs the plain layout the faster one is tested
    /// against: δ in two copies (time-major and batch-major) and ∂x as one product after
    /// the walk; the bits are the same (`OneDeltaTests`, `InputGradientInWalkTests`).
    func backward(_ saved: Saved, outputGradient: Tensor, finalCellGradient: Tensor?,
                  wih: Tensor, whh: Tensor, probe: RecurrentProbe?, inputGradient: Bool = true,
                  reference: Bool = false) -> Gradients {
        precondition(keepsActivations, "backward through a pass that kept no activations")
        if let τ = gradientWindow, τ < steps {
            return truncatedBackward(saved, outputGradient: outputGradient, finalCellGradient: finalCellGradient,
                                     wih: wih, whh: whh, window: τ, probe: probe, inputGradient: inputGradient)
        }
        let (B, Tn, H, G, S) = (batch, steps, hidden, gates, savedWidth)
        let dtype = outputGradient.dtype
        let single = !reference && keepsOneDelta
        // Unfilled: the cell's backward step writes all G values of every row at every step.
        // With one copy, δ_ih is δ_hh: the cell writes its two stores to the same place.
        var deltaIH_btg = Tensor.unfilled(single ? [0, G] : [B * Tn, G], dtype: dtype)  // δ_t, input side, (b, t)
        var deltaHH_kbg = Tensor.unfilled([Tn, B, G], dtype: dtype)    // δ_t, recurrent side, by step k
        var toPrevious_bh = Tensor(zeros: [B, H], dtype: dtype)        // ∂L/∂h_{t−1}, built during step t
        var dc_bh: Tensor? = cell.kind.hasCellState ? (finalCellGradient ?? Tensor(zeros: [B, H], dtype: dtype)) : nil
        var g_bh = Tensor(zeros: [B, H], dtype: dtype)                 // g_t, the total ∂L/∂h_t
        var scratch_bh = Tensor(zeros: [B, H], dtype: dtype)
        var dcBefore_bh = Tensor(zeros: [B, H], dtype: dtype)          // ∂L/∂c_t before the cell's step
        // ∂x_t = δ_ih,t W_ih (B, I) of each step, while δ_t is still in cache, with W_ih (G, I)
        // packed once: bitwise the product over all B·T rows after the walk (`GemmPackedB`).
        let dxInWalk = inputGradient && !reference
        var dx_bti: Tensor? = dxInWalk ? Tensor.unfilled([B, Tn, input], dtype: dtype) : nil
        let wihP = dxInWalk ? GemmPackedB<T>(transposed: false, b: wih.pointer(T.self), ldb: input, k: G, n: input) : nil
        let dx = dx_bti == nil ? nil : dx_bti!.mutablePointer(T.self)

        let (dL_dh, deltaIH, deltaHH) = (outputGradient.pointer(T.self), deltaIH_btg.mutablePointer(T.self),
                                         deltaHH_kbg.mutablePointer(T.self))
        let (toPrevious, g, scratch, dcBefore) = (toPrevious_bh.mutablePointer(T.self), g_bh.mutablePointer(T.self),
                                                  scratch_bh.mutablePointer(T.self), dcBefore_bh.mutablePointer(T.self))
        let dc = dc_bh == nil ? nil : dc_bh!.mutablePointer(T.self)
        let (hs, gs, whhp) = (saved.states.pointer(T.self), saved.gateValues.pointer(T.self), packedRecurrentWeight(whh))
        let cs = saved.cells?.pointer(T.self)

        let parts = rowParts                                              // SequencePass+RowSplit.swift
        if parts > 1 { whhp.prepare(workspaces: parts, rows: B); wihP?.prepare(workspaces: parts, rows: B) }
        // Rows `rows` of step k; `part` names the row part's workspace (nil: all rows).
        func step(_ k: Int, _ rows: Range<Int>, _ part: Int?) {
            let t = time(k)
            let lo = rows.lowerBound
            if mask != nil, let dc { (dcBefore + lo * H).update(from: dc + lo * H, count: rows.count * H) }
            // δ_ih rows at stride T·G, or (one copy) δ_hh's own rows at stride G.
            let deltaHH_bg = deltaHH + k * B * G
            let (deltaIH_bg, ihStride) = single ? (deltaHH_bg, G) : (deltaIH + t * G, Tn * G)
            // g_t = ∂L_t/∂h_t (row b of ∂L/∂output at (b, t)) + what step t + 1 sent back.
            for b in rows {
                let (from, back, to) = (dL_dh + (b * Tn + t) * H, toPrevious + b * H, g + b * H)
                for j in 0..<H { to[j] = from[j] + back[j] }
            }
            // δ_t, ∂L/∂c_{t−1}, and the direct path to h_{t−1}.
            cellRows(rows.count).backward(
                g: g + lo * H, dc: dc.map { $0 + lo * H }, saved: gs + (k * B + lo) * S,
                h: hs + ((k + 1) * B + lo) * H, hPrev: hs + (k * B + lo) * H, cPrev: cs.map { $0 + (k * B + lo) * H },
                deltaIH: deltaIH_bg + lo * ihStride, deltaIHStride: ihStride, deltaHH: deltaHH_bg + lo * G,
                toPrevious: toPrevious + lo * H)
            // + W_hhᵀ δ_t (through the dropout mask, if any: then there is one part).
            if let part {
                whhp.multiply(m: rows.count, alpha: 1, a: deltaHH_bg + lo * G, lda: G, beta: 1, c: toPrevious + lo * H,
                              ldc: H, workspace: part)
            } else {
                addRecurrentPath(deltaHH_bg, rows: B, whh: whhp, step: k, into: toPrevious, scratch: scratch)
            }
            if let probe, rows.contains(probe.sample) { recordGradientNorm(probe, t: t, g: g) }
            if let mask {
                passGradientThroughPaddedSteps(mask, t: t, rows: rows, g: g, dcBefore: dcBefore, deltaIH: deltaIH_bg,
                                               deltaIHStride: ihStride, deltaHH: deltaHH_bg, toPrevious: toPrevious, dc: dc)
            }
            // ∂x_t of these rows, from δ_ih after padding zeroed its padded rows.
            if let wihP, let dx {
                wihP.multiply(m: rows.count, alpha: 1, a: deltaIH_bg + lo * ihStride, lda: ihStride, beta: 0,
                              c: dx + (lo * Tn + t) * input, ldc: Tn * input, part: part)
            }
        }
        // Each row part walks every step of its own rows: one hand-off per pass.
        if parts == 1 {
            for k in stride(from: Tn - 1, through: 0, by: -1) { step(k, 0..<B, nil) }
        } else {
            Parallel.forEach(parts, threads: parts) { part in
                for k in stride(from: Tn - 1, through: 0, by: -1) { step(k, rowRange(part, of: parts), part) }
            }
        }
        if let probe { recordInitialGradientNorm(probe, toPrevious_bh) }
        let dxAfterWalk = inputGradient && !dxInWalk
            ? Tensor.matmul(deltaIH_btg, wih).reshaped([B, Tn, input]) : nil
        // One δ and a wide input: one product for both sides (SequencePass+JointWeightGradient.swift).
        if joinsWeightGradients {
            return reference
                ? separateWeightGradients(saved, delta_btg: deltaIH_btg, delta_kbg: deltaHH_kbg, dx: dxAfterWalk,
                                          dhInit: toPrevious_bh, dcInit: dc_bh)
                : jointWeightGradients(saved, delta_kbg: deltaHH_kbg, dx: dx_bti, dhInit: toPrevious_bh, dcInit: dc_bh)
        }
        // δ_ih's rows in batch-major order: its own copy, or (one copy) the time-major δ_hh.
        let deltaIHRows = single
            ? DeltaRows.timeMajor(deltaHH_kbg.pointer(T.self), sequences: B, steps: Tn, width: G, reverse: reverse)
            : DeltaRows.batchMajor(deltaIH_btg.pointer(T.self), rows: B * Tn, width: G)
        return weightGradients(saved, deltaIH: deltaIHRows, deltaHH_kbg: deltaHH_kbg, dx: dx_bti ?? dxAfterWalk,
                               dhInit: toPrevious_bh, dcInit: dc_bh)
    }

    /// What backward returns: ∂x (B, T, I) or nil, ∂h_init and ∂c_init (B, H), and the
    /// four weight gradients.
    struct Gradients {
        var dx: Tensor?, dhInit: Tensor, dcInit: Tensor?
        var dwih: Tensor, dwhh: Tensor, dbih: Tensor, dbhh: Tensor
    }

    /// Whether the backward pass keeps δ in one time-major copy: when the cell's input
    /// and recurrent sides get the same δ (every cell but the GRU, whose n gate differs);
    /// ∂x, if wanted, is computed in the walk. ∂W_ih and ∂b_ih then read δ's rows in
    /// place, in batch-major order, through `DeltaRows` (`NarrowWeightGradient` for a
    /// narrow input, `gemmTransposedARows` for a wide one). Otherwise a second,
    /// batch-major copy feeds the input side's products. Both ways give bitwise the same
    /// gradients (`OneDeltaTests`, `InputGradientInWalkTests`); one copy spares the cell
    /// a store per gate value at stride T·G, which missed the cache at every step.
    var keepsOneDelta: Bool { cell.kind != .gru }

    /// ∂W_hh = Σ δ_hhᵀ h_{t−1} and ∂b_hh = Σ δ_hh from the time-major δ_hh; ∂W_ih = Σ δ_ihᵀ x_t
    /// and ∂b_ih = Σ δ_ih from δ_ih's rows read in batch-major order (x's order), by
    /// `NarrowWeightGradient` for a narrow input and `gemmTransposedARows` for a wide one,
    /// each sum in that order. `dx` is ∂x as the walk or the product after it left it.
    func weightGradients(_ saved: Saved, deltaIH rows: DeltaRows<T>, deltaHH_kbg: Tensor, dx: Tensor?, dhInit: Tensor,
                         dcInit: Tensor?) -> Gradients {
        let (G, dtype) = (gates, deltaHH_kbg.dtype)
        let (dwhh, dbhh) = recurrentWeightGradients(saved, deltaHH_kbg: deltaHH_kbg)
        var dwih = Tensor.unfilled([G, input], dtype: dtype)
        let dbih: Tensor
        if input <= NarrowWeightGradient.maxInput {
            NarrowWeightGradient.compute(g: G, i: input, a: rows, b: saved.x.pointer(T.self), ldb: input,
                                         c: dwih.mutablePointer(T.self))
            dbih = rows.columnSums(width: G, dtype: dtype)
        } else {
            var sums = Tensor(zeros: [G], dtype: dtype)
            gemmTransposedARows(rows: rows, m: G, n: input, b: saved.x.pointer(T.self), ldb: input,
                                c: dwih.mutablePointer(T.self), ldc: input, threads: Parallel.maxThreads,
                                opARowSums: sums.mutablePointer(T.self))
            dbih = sums
        }
        return Gradients(dx: dx, dhInit: dhInit, dcInit: dcInit, dwih: dwih, dwhh: dwhh, dbih: dbih, dbhh: dbhh)
    }

    /// ∂W_hh = Σ δ_hhᵀ h_{t−1} (as W_hh read it) and ∂b_hh = Σ δ_hh, one product over all
    /// T·B rows of the time-major δ; Σ δ is added up while the product packs δ (bitwise `sum(axis: 0)`).
    private func recurrentWeightGradients(_ saved: Saved, deltaHH_kbg: Tensor) -> (Tensor, Tensor) {
        let (Tn, B) = (steps, batch)
        return Tensor.matmulTransposedAWithColumnSums(deltaHH_kbg.reshaped([Tn * B, gates]),
                                                      saved.recurrentInput.reshaped([Tn * B, hidden]))
    }
}
