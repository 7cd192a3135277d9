/// Global max and mean over time on (B, T, C) → (B, C), honouring a padding mask.
///
/// `mask` has B·T flags, batch-major (b·T + t), false for a padded step (the
/// engine's convention, as in `Attention`); nil means every step is real.
/// A padded step never wins a max and is not counted in a mean. A row with no
/// real step at all gives 0 in every channel, and no gradient flows to it.
///
/// The loops run over whole rows of C channels through typed pointers. The max
/// compares in the tensor's own type (comparisons are exact); the mean weighs and
/// sums in Double and rounds once, as it always has, so results are unchanged.
extension Variable {
    /// y[b, c] = max over real steps t of x[b, t, c]. Backward: ∂y goes to the
    /// winning step (the first on a tie).
    public func globalMaxOverTime(mask: [Bool]? = nil) -> Variable {
        let (batch, steps, c) = globalPoolShape(mask)
        let pool = GlobalPool(batch: batch, steps: steps, channels: c, mask: mask)
        let (y, winner): (Tensor, [Int])
        switch dtype {
        case .float32: (y, winner) = pool.maxForward(value, Float.self)
        case .float64: (y, winner) = pool.maxForward(value, Double.self)
        }
        let inputShape = shape
        return Variable(y, parents: [self]) { g in
            switch g.dtype {
            case .float32: self.accumulate(GlobalPool.maxBackward(g, winner, inputShape, Float.self))
            case .float64: self.accumulate(GlobalPool.maxBackward(g, winner, inputShape, Double.self))
            }
        }
    }

    /// y[b, c] = (Σ over real steps t of x[b, t, c]) / n_b, n_b the number of real
    /// steps of row b (0 gives y = 0). Backward: each real step gets ∂y / n_b.
    public func globalMeanOverTime(mask: [Bool]? = nil) -> Variable {
        let (batch, steps, c) = globalPoolShape(mask)
        let pool = GlobalPool(batch: batch, steps: steps, channels: c, mask: mask)
        let y: Tensor
        switch dtype {
        case .float32: y = pool.meanForward(value, Float.self)
        case .float64: y = pool.meanForward(value, Double.self)
        }
        let inputShape = shape
        return Variable(y, parents: [self]) { g in
            switch g.dtype {
            case .float32: self.accumulate(pool.meanBackward(g, inputShape, Float.self))
            case .float64: self.accumulate(pool.meanBackward(g, inputShape, Double.self))
            }
        }
    }

    /// (B, T, C) of a global pooling, checking the mask's length.
    private func globalPoolShape(_ mask: [Bool]?) -> (Int, Int, Int) {
        precondition(rank == 3, "global pooling expects (B, T, C), got \(shape)")
        if let mask { precondition(mask.count == shape[0] * shape[1], "mask of \(mask.count) flags for B·T = \(shape[0])·\(shape[1])") }
        return (shape[0], shape[1], shape[2])
    }
}

/// The loops of the global poolings. Row (b, t) of x starts at (b·T + t)·C,
/// row b of y at b·C.
struct GlobalPool {
    let batch: Int, steps: Int, channels: Int
    /// 1/n_b at a real step of row b, 0 at a padded one (B·T values).
    let weight: [Double]

    init(batch: Int, steps: Int, channels: Int, mask: [Bool]?) {
        (self.batch, self.steps, self.channels) = (batch, steps, channels)
        var weight = [Double](repeating: 0, count: batch * steps)
        for b in 0..<batch {
            let real = (0..<steps).filter { mask?[b * steps + $0] ?? true }
            for t in real { weight[b * steps + t] = 1 / Double(real.count) }
        }
        self.weight = weight
    }

    /// y (B, C) and, per element of y, the flat index into x of the step that won
    /// it: the first real step, replaced only by a strictly larger value; -1 for a
    /// row with no real step (y is 0 there).
    func maxForward<T: EngineScalar>(_ x: Tensor, _: T.Type) -> (Tensor, [Int]) {
        let c = channels
        var y = Tensor(zeros: [batch, c], dtype: T.dtype)
        var winner = [Int](repeating: -1, count: batch * c)
        let (src, dst) = (x.pointer(T.self), y.mutablePointer(T.self))
        winner.withUnsafeMutableBufferPointer { won in
            for b in 0..<batch {
                let (best, at) = (dst + b * c, won.baseAddress! + b * c)
                var first = true
                for t in 0..<steps where weight[b * steps + t] != 0 {
                    let i = (b * steps + t) * c
                    let row = src + i
                    if first {
                        best.update(from: row, count: c)
                        for ch in 0..<c { at[ch] = i + ch }
                        first = false
                        continue
                    }
                    for ch in 0..<c {
                        let (v, larger) = (row[ch], row[ch] > best[ch])
                        best[ch] = larger ? v : best[ch]
                        at[ch] = larger ? i + ch : at[ch]
                    }
                }
            }
        }
        return (y, winner)
    }

    /// ∂x: each gradient of y written into the element that won it.
    static func maxBackward<T: EngineScalar>(_ g: Tensor, _ winner: [Int], _ inputShape: [Int], _: T.Type) -> Tensor {
        var dx = Tensor(zeros: inputShape, dtype: T.dtype)
        let (gy, d) = (g.pointer(T.self), dx.mutablePointer(T.self))
        for (o, i) in winner.enumerated() where i >= 0 { d[i] += gy[o] }
        return dx
    }

    /// y (B, C): Σ over real steps of weight · x, in Double in step order, rounded once.
    func meanForward<T: EngineScalar>(_ x: Tensor, _: T.Type) -> Tensor {
        let c = channels
        var y = Tensor.unfilled([batch, c], dtype: T.dtype)
        let (src, dst) = (x.pointer(T.self), y.mutablePointer(T.self))
        var sum = [Double](repeating: 0, count: c)
        sum.withUnsafeMutableBufferPointer { acc in
            let acc = acc.baseAddress!
            for b in 0..<batch {
                acc.update(repeating: 0, count: c)
                for t in 0..<steps where weight[b * steps + t] != 0 {
                    let (w, row) = (weight[b * steps + t], src + (b * steps + t) * c)
                    for ch in 0..<c { acc[ch] += w * Double(row[ch]) }
                }
                let out = dst + b * c
                for ch in 0..<c { out[ch] = T(acc[ch]) }
            }
        }
        return y
    }

    /// ∂x: weight · ∂y at each real step (product in Double, rounded once), 0 elsewhere.
    func meanBackward<T: EngineScalar>(_ g: Tensor, _ inputShape: [Int], _: T.Type) -> Tensor {
        let c = channels
        var dx = Tensor(zeros: inputShape, dtype: T.dtype)
        let (gy, d) = (g.pointer(T.self), dx.mutablePointer(T.self))
        for b in 0..<batch {
            let from = gy + b * c
            for t in 0..<steps where weight[b * steps + t] != 0 {
                let (w, row) = (weight[b * steps + t], d + (b * steps + t) * c)
                for ch in 0..<c { row[ch] = T(w * Double(from[ch])) }
            }
        }
        return dx
    }
}
