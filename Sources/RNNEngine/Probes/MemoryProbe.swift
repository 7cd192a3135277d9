/// How much of the past a recurrent state holds, lag by lag: for j = 0…J, how
/// well the input x_{t−j} can be read from the state h_t by a linear read-out.
///
/// For each lag j the pairs (h_t, x_{t−j}) with j ≤ t < length are gathered from
/// every sequence of a fitting batch; a ridge read-out (`RidgeRegression`, λ
/// relative to the states' scale) is fitted on them and scored by R²
/// (`coefficientOfDetermination`) on the same pairs of a second, held-out batch.
/// R² is used for every kind of input, one-hot tokens included (the read-out then
/// regresses the indicator vector): one score whose 1 means "read back exactly"
/// and 0 "no better than the mean", comparable across tasks and lags. Held out,
/// it can fall below 0 when the read-out fits noise; it never exceeds 1.
public enum MemoryProbe {
    /// The default ridge strength λ (relative to the mean variance of the states).
    public static let defaultLambda = 1e-6

    /// R² for lags 0…maxLag (an entry is 0 when the held-out batch has no pair at that lag).
    /// - Parameters:
    ///   - fitStates, testStates: (B, T, H) states, h_t at step t.
    ///   - fitInputs, testInputs: (B, T, I) inputs, x_t at step t.
    ///   - fitLengths, testLengths: the real steps of each row (the rest is padding); all T when nil.
    public static func r2(fitStates: Tensor, fitInputs: Tensor, fitLengths: [Int]? = nil,
                          testStates: Tensor, testInputs: Tensor, testLengths: [Int]? = nil,
                          maxLag: Int, lambda: Double = defaultLambda) -> [Double] {
        precondition(maxLag >= 0, "memory probe: lag must not be negative")
        let fit = Pairs(states: fitStates, inputs: fitInputs, lengths: fitLengths)
        let test = Pairs(states: testStates, inputs: testInputs, lengths: testLengths)
        precondition(fit.hidden == test.hidden && fit.input == test.input, "memory probe: the two batches differ in width")
        return (0...maxLag).map { j in
            let (xf, yf, nf) = fit.gather(lag: j)
            let (xt, yt, nt) = test.gather(lag: j)
            guard nf > 0, nt > 0 else { return 0 }
            let readout = RidgeRegression(x: xf, y: yf, rows: nf, features: fit.hidden, targets: fit.input, lambda: lambda)
            return coefficientOfDetermination(predicted: readout.predict(xt, rows: nt), actual: yt, rows: nt, columns: fit.input)
        }
    }

    /// Runs `layer` (in evaluation mode, no tape kept beyond this call) on both
    /// batches (B, T, I) and probes its output states (B, T, D·H).
    public static func r2(of layer: RecurrentLayer, fit: Tensor, test: Tensor, fitLengths: [Int]? = nil,
                          testLengths: [Int]? = nil, maxLag: Int, lambda: Double = defaultLambda) -> [Double] {
        precondition(layer.options.returnSequences, "memory probe: the layer must return every step")
        let training = layer.training
        layer.training = false
        defer { layer.training = training }
        func states(_ x: Tensor, _ lengths: [Int]?) -> Tensor {
            layer(Variable(x), mask: lengths.map { mask(lengths: $0, steps: x.shape[1]) }).output.value
        }
        return r2(fitStates: states(fit, fitLengths), fitInputs: fit, fitLengths: fitLengths,
                  testStates: states(test, testLengths), testInputs: test, testLengths: testLengths,
                  maxLag: maxLag, lambda: lambda)
    }

    /// B·T flags, batch-major: true on the first `lengths[b]` steps of row b.
    static func mask(lengths: [Int], steps: Int) -> [Bool] {
        lengths.flatMap { n in (0..<steps).map { $0 < n } }
    }

    /// The rows of a batch, ready to be paired by lag.
    struct Pairs {
        let states: [Double], inputs: [Double], lengths: [Int]
        let batch: Int, steps: Int, hidden: Int, input: Int

        init(states s: Tensor, inputs x: Tensor, lengths: [Int]?) {
            precondition(s.rank == 3 && x.rank == 3 && s.shape[0] == x.shape[0] && s.shape[1] == x.shape[1],
                         "memory probe: states \(s.shape) and inputs \(x.shape) must be (B, T, ·) alike")
            (batch, steps, hidden, input) = (s.shape[0], s.shape[1], s.shape[2], x.shape[2])
            precondition(lengths == nil || lengths!.count == batch, "memory probe: one length per row")
            (states, inputs) = (s.doubles, x.doubles)
            self.lengths = lengths?.map { min(max($0, 0), s.shape[1]) } ?? Array(repeating: s.shape[1], count: batch)
        }

        /// Features h_t (N, H) and targets x_{t−lag} (N, I) over every row and j ≤ t < length.
        func gather(lag: Int) -> (x: [Double], y: [Double], rows: Int) {
            var (f, y, n) = ([Double](), [Double](), 0)
            for b in 0..<batch where lengths[b] > lag {
                for t in lag..<lengths[b] {
                    f.append(contentsOf: states[((b * steps + t) * hidden)..<((b * steps + t + 1) * hidden)])
                    y.append(contentsOf: inputs[((b * steps + t - lag) * input)..<((b * steps + t - lag + 1) * input)])
                    n += 1
                }
            }
            return (f, y, n)
        }
    }
}
