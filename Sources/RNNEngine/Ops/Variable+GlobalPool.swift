/// Global max and mean over time on (B, T, C) → (B, C), honouring a padding mask.
///
/// `mask` has B·T flags, batch-major (b·T + t), false for a padded step (the
/// engine's convention, as in `Attention`); nil means every step is real.
/// A padded step never wins a max and is not counted in a mean. A row with no
/// real step at all gives 0 in every channel, and no gradient flows to it.
extension Variable {
    /// y[b, c] = max over real steps t of x[b, t, c]. Backward: ∂y goes to the
    /// winning step (the first on a tie).
    public func globalMaxOverTime(mask: [Bool]? = nil) -> Variable {
        let (batch, steps, c) = globalPoolShape(mask)
        let x = value.doubles
        var y = [Double](repeating: 0, count: batch * c)
        var winner = [Int](repeating: -1, count: batch * c)   // -1: a fully padded row
        for b in 0..<batch {
            for t in 0..<steps where mask?[b * steps + t] ?? true {
                for ch in 0..<c {
                    let (i, o) = ((b * steps + t) * c + ch, b * c + ch)
                    if winner[o] < 0 || x[i] > x[winner[o]] { winner[o] = i }
                }
            }
            for ch in 0..<c where winner[b * c + ch] >= 0 { y[b * c + ch] = x[winner[b * c + ch]] }
        }
        let inputShape = shape
        return Variable(Tensor(shape: [batch, c], doubles: y, dtype: dtype), parents: [self]) { g in
            let gy = g.doubles
            var dx = [Double](repeating: 0, count: inputShape.reduce(1, *))
            for (o, i) in winner.enumerated() where i >= 0 { dx[i] += gy[o] }
            self.accumulate(Tensor(shape: inputShape, doubles: dx, dtype: g.dtype))
        }
    }

    /// y[b, c] = (Σ over real steps t of x[b, t, c]) / n_b, n_b the number of real
    /// steps of row b (0 gives y = 0). Backward: each real step gets ∂y / n_b.
    public func globalMeanOverTime(mask: [Bool]? = nil) -> Variable {
        let (batch, steps, c) = globalPoolShape(mask)
        let x = value.doubles
        // weight[b·T + t] = 1/n_b at a real step, 0 at a padded one.
        var weight = [Double](repeating: 0, count: batch * steps)
        for b in 0..<batch {
            let real = (0..<steps).filter { mask?[b * steps + $0] ?? true }
            for t in real { weight[b * steps + t] = 1 / Double(real.count) }
        }
        var y = [Double](repeating: 0, count: batch * c)
        for b in 0..<batch {
            for t in 0..<steps where weight[b * steps + t] != 0 {
                for ch in 0..<c { y[b * c + ch] += weight[b * steps + t] * x[(b * steps + t) * c + ch] }
            }
        }
        let inputShape = shape
        return Variable(Tensor(shape: [batch, c], doubles: y, dtype: dtype), parents: [self]) { g in
            let gy = g.doubles
            var dx = [Double](repeating: 0, count: inputShape.reduce(1, *))
            for b in 0..<batch {
                for t in 0..<steps where weight[b * steps + t] != 0 {
                    for ch in 0..<c { dx[(b * steps + t) * c + ch] = weight[b * steps + t] * gy[b * c + ch] }
                }
            }
            self.accumulate(Tensor(shape: inputShape, doubles: dx, dtype: g.dtype))
        }
    }

    /// (B, T, C) of a global pooling, checking the mask's length.
    private func globalPoolShape(_ mask: [Bool]?) -> (Int, Int, Int) {
        precondition(rank == 3, "global pooling expects (B, T, C), got \(shape)")
        if let mask { precondition(mask.count == shape[0] * shape[1], "mask of \(mask.count) flags for B·T = \(shape[0])·\(shape[1])") }
        return (shape[0], shape[1], shape[2])
    }
}
