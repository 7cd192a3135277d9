/// The weight gradients of the LSTM and the simple RNN for a wide input (I > 8) as
/// one product. Their input and recurrent sides get the same δ_t, so
///
///     [∂W_ih | ∂W_hh] = Σ_t δ_tᵀ [x_t | h_{t−1}]          (G, I + H)
///     ∂b_ih = ∂b_hh = Σ_t δ_t                             (G)
///
/// over the T·B rows of the time-major δ in step order (row k·B + b), the sums taken
/// while the product packs δ. Two products (δᵀx, δᵀh) each read and packed all of δ,
/// B·T·G values that no longer fit in cache; this one reads it once, and its wider
/// right side (I + H columns) gives each packed block of δ more tiles.
///
/// ∂W_ih's and ∂b_ih's sums run in step order, the order of ∂W_hh's: since this was
/// introduced their float32 bits differ from the batch-major sums before it (the
/// pins were recorded again, `WideInputPinTests`). `backward(…, reference: true)`
/// computes the same sums as two products over the same order, from δ's second,
/// batch-major copy (`separateWeightGradients`): `OneDeltaTests` holds the two to the bit.
extension SequencePass {
    /// Whether `backward` takes the joint product: one δ for both sides and a wide input
    /// (a narrow one has `NarrowWeightGradient`).
    var joinsWeightGradients: Bool { keepsOneDelta && input > NarrowWeightGradient.maxInput }

    /// [∂W_ih | ∂W_hh] = δᵀ [x | h_{t−1}] and ∂b_ih = ∂b_hh = Σ δ, from the time-major δ
    /// (T, B, G) by step k.
    func jointWeightGradients(_ saved: Saved, delta_kbg: Tensor, dx: Tensor?, dhInit: Tensor,
                              dcInit: Tensor?) -> Gradients {
        let (B, Tn, H, G, I) = (batch, steps, hidden, gates, input)
        let xh_kb = stepOrderedInputs(saved)
        let (product, sums) = Tensor.matmulTransposedAWithColumnSums(delta_kbg.reshaped([Tn * B, G]), xh_kb)
        let sides = product.split(axis: 1, sizes: [I, H])
        return Gradients(dx: dx, dhInit: dhInit, dcInit: dcInit, dwih: sides[0], dwhh: sides[1], dbih: sums,
                         dbhh: sums)
    }

    /// The rows [x_t | h_{t−1}] (T·B, I + H) in step order: row k·B + b holds sequence b's
    /// input at the time step k read, and the state W_hh multiplied at step k (h_{t−1},
    /// or h_{t−1} ⊙ m under recurrent dropout).
    func stepOrderedInputs(_ saved: Saved) -> Tensor {
        let (B, Tn, H, I) = (batch, steps, hidden, input)
        var xh = Tensor.unfilled([Tn * B, I + H], dtype: saved.x.dtype)
        let (xs, hs, out) = (saved.x.pointer(T.self), (saved.droppedInput ?? saved.states).pointer(T.self),
                             xh.mutablePointer(T.self))
        for k in 0..<Tn {
            let t = time(k)
            for b in 0..<B {
                let row = out + (k * B + b) * (I + H)
                row.update(from: xs + (b * Tn + t) * I, count: I)
                (row + I).update(from: hs + (k * B + b) * H, count: H)
            }
        }
        return xh
    }

    /// `jointWeightGradients`' sums as two products over the same step order, the input
    /// side's from δ's batch-major copy (B·T, G) read in step order: the reference
    /// `backward(…, reference: true)` holds the joint product to.
    func separateWeightGradients(_ saved: Saved, delta_btg: Tensor, delta_kbg: Tensor, dx: Tensor?,
                                 dhInit: Tensor, dcInit: Tensor?) -> Gradients {
        let (B, Tn, H, G, I) = (batch, steps, hidden, gates, input)
        let xh = stepOrderedInputs(saved)
        let split = xh.split(axis: 1, sizes: [I, H])
        let (dwhh, dbhh) = Tensor.matmulTransposedAWithColumnSums(delta_kbg.reshaped([Tn * B, G]), split[1])
        let rows = DeltaRows.stepOrder(ofBatchMajor: delta_btg.pointer(T.self), sequences: B, steps: Tn, width: G,
                                       reverse: reverse)
        var dwih = Tensor.unfilled([G, I], dtype: delta_btg.dtype)
        var dbih = Tensor(zeros: [G], dtype: delta_btg.dtype)
        let x_kb = split[0]
        withExtendedLifetime(x_kb) {
            gemmTransposedARows(rows: rows, m: G, n: I, b: x_kb.pointer(T.self), ldb: I, c: dwih.mutablePointer(T.self),
                                ldc: I, threads: Parallel.maxThreads, opARowSums: dbih.mutablePointer(T.self))
        }
        return Gradients(dx: dx, dhInit: dhInit, dcInit: dcInit, dwih: dwih, dwhh: dwhh, dbih: dbih, dbhh: dbhh)
    }
}
