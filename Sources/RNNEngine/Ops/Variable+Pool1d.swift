/// Max and average pooling over time on (B, T, C), as PyTorch's `MaxPool1d` /
/// `AvgPool1d` (no padding, floor mode) on the transposed input: window w of
/// row b covers steps w·s ..< w·s + P, and T_out = ⌊(T − P) / s⌋ + 1.
extension Variable {
    /// (B, T, C) → (B, T_out, C): the largest value of each window, per channel.
    /// Backward: the gradient of a window goes to the step that won it (the first
    /// one on a tie); a step that wins several overlapping windows sums them.
    public func maxPool1d(size: Int, stride: Int? = nil) -> Variable {
        let s = stride ?? size
        let (batch, steps, c, tOut) = poolShape(size: size, stride: s)
        let x = value.doubles
        var y = [Double](repeating: 0, count: batch * tOut * c)
        var winner = [Int](repeating: 0, count: y.count)   // flat index into x
        for b in 0..<batch {
            for w in 0..<tOut {
                for ch in 0..<c {
                    var best = (b * steps + w * s) * c + ch
                    for t in (w * s + 1)..<(w * s + size) {
                        let i = (b * steps + t) * c + ch
                        if x[i] > x[best] { best = i }
                    }
                    let o = (b * tOut + w) * c + ch
                    y[o] = x[best]
                    winner[o] = best
                }
            }
        }
        let inputShape = shape
        return Variable(Tensor(shape: [batch, tOut, c], doubles: y, dtype: dtype), parents: [self]) { g in
            let gy = g.doubles
            var dx = [Double](repeating: 0, count: inputShape.reduce(1, *))
            for (o, i) in winner.enumerated() { dx[i] += gy[o] }
            self.accumulate(Tensor(shape: inputShape, doubles: dx, dtype: g.dtype))
        }
    }

    /// (B, T, C) → (B, T_out, C): the mean of each window, per channel.
    /// Backward: each step of a window gets ∂y / P.
    public func avgPool1d(size: Int, stride: Int? = nil) -> Variable {
        let s = stride ?? size
        let (batch, steps, c, tOut) = poolShape(size: size, stride: s)
        let x = value.doubles
        let scale = 1 / Double(size)
        var y = [Double](repeating: 0, count: batch * tOut * c)
        for b in 0..<batch {
            for w in 0..<tOut {
                let o = (b * tOut + w) * c
                for t in (w * s)..<(w * s + size) {
                    let i = (b * steps + t) * c
                    for ch in 0..<c { y[o + ch] += x[i + ch] }
                }
                for ch in 0..<c { y[o + ch] *= scale }
            }
        }
        let inputShape = shape
        return Variable(Tensor(shape: [batch, tOut, c], doubles: y, dtype: dtype), parents: [self]) { g in
            let gy = g.doubles
            var dx = [Double](repeating: 0, count: inputShape.reduce(1, *))
            for b in 0..<batch {
                for w in 0..<tOut {
                    let o = (b * tOut + w) * c
                    for t in (w * s)..<(w * s + size) {
                        let i = (b * steps + t) * c
                        for ch in 0..<c { dx[i + ch] += gy[o + ch] * scale }
                    }
                }
            }
            self.accumulate(Tensor(shape: inputShape, doubles: dx, dtype: g.dtype))
        }
    }

    /// (B, T, C, T_out) of a pooling, checking the window fits.
    private func poolShape(size: Int, stride: Int) -> (Int, Int, Int, Int) {
        precondition(rank == 3, "pooling expects (B, T, C), got \(shape)")
        precondition(size >= 1 && stride >= 1, "pool size \(size) and stride \(stride) must be at least 1")
        precondition(shape[1] >= size, "pool size \(size) is longer than the \(shape[1]) steps")
        return (shape[0], shape[1], shape[2], (shape[1] - size) / stride + 1)
    }
}
