/// Two threads inside the step loop: the batch rows cut in two parts (on MR = 8 row
/// boundaries), each part running its own slice of the step's recurrent product and
/// its own cell arithmetic, one hand-off per step.
///
/// The rows of a step are independent (row b of h_t depends on row b of h_{t−1}
/// only), and `GemmPackedB` computes each element of C as the same FMA chain for any
/// number of rows, so the results are bitwise those of one thread
/// (`ThreadInvarianceTests`). Whether it gains depends on the host: where the two
/// vCPUs share one core's FMA units only the latency-bound part overlaps (the gate
/// polynomials, the loads and stores of a step); where they are two free cores the
/// LSTM (64, 100, 64, 128) forward ran 1.7× faster (DECISIONS.md, "One kernel thread").
extension SequencePass {
    /// Below this many multiply-adds per step product (B·G·H) the step stays on one
    /// thread: a hand-off costs about a microsecond, a step of the lesson's LSTM
    /// (B 32, H 32) a few.
    static var rowSplitThreshold: Int { 1 << 18 }

    /// How many row parts each step runs in: 2 when two threads may be used and the
    /// step is large enough, else 1. Recurrent dropout keeps one part (its mask
    /// product works on whole batches).
    var rowParts: Int {
        let threads = min(Parallel.maxThreads, 2)
        guard threads > 1, recurrentMask == nil, batch >= 16,
              batch * gates * hidden >= Self.rowSplitThreshold else { return 1 }
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
