/// Two threads over the batch: the rows cut in two parts (on MR = 8 row boundaries),
/// each part running every step of the pass over its own rows (its slice of each
/// step's products, its own cell arithmetic), so a pass hands work out once, not once
/// per step.
///
/// The rows of a step are independent (row b of h_t depends on row b of h_{t−1}
/// only, and ∂L/∂h_{t−1} of row b on row b of δ_t only), and `GemmPackedB` computes
/// each element of C as the same FMA chain for any number of rows, so the results
/// are bitwise those of one thread (`ThreadInvarianceTests`). The products that mix
/// rows (∂W = Σ δᵀ h over all B·T rows) run after the walk, split by `gemm` itself.
///
/// A part whose second thread is late (a neighbour holds the other core) is claimed
/// by the first thread when it is done with its own (`WorkerPool`): the pass then
/// takes about as long as on one thread, where a hand-off per step had stalled at
/// every step (DECISIONS.md, "One kernel thread by default", "Row parts per pass").
extension SequencePass {
    /// Below this many multiply-adds in a pass's recurrent products (T·B·G·H) the
    /// pass stays on one thread: a hand-off costs a few microseconds, the lesson's
    /// LSTM (T 100, B 32, H 32) about 13 million multiply-adds.
    static var rowSplitThreshold: Int { 1 << 20 }

    /// How many row parts the pass runs in: 2 when two threads may be used, the batch
    /// has at least 16 rows and the pass is large enough, else 1. Recurrent dropout
    /// keeps one part (its mask product works on whole batches).
    var rowParts: Int {
        let threads = min(Parallel.maxThreads, 2)
        guard threads > 1, recurrentMask == nil, batch >= 16,
              steps * batch * gates * hidden >= Self.rowSplitThreshold else { return 1 }
        return threads
    }

    /// Rows of part `part` of `parts`, cut on multiples of 8.
    func rowRange(_ part: Int, of parts: Int) -> Range<Int> {
        let cut = min(batch, (batch / parts + 7) / 8 * 8)
        return part == 0 ? 0..<cut : cut..<batch
    }

    /// The cell for `count` rows.
    func cellRows(_ count: Int) -> CellStep<T> {
        var c = cell
        c.rows = count
        return c
    }
}
