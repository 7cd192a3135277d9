/// Max and average pooling over time on (B, T, C), as PyTorch's `MaxPool1d` /
/// `AvgPool1d` (no padding, floor mode) on the transposed input: window w of
/// row b covers steps w·s ..< w·s + P, and T_out = ⌊(T − P) / s⌋ + 1.
///
/// The loops run over whole rows of C channels through typed pointers (the
/// compiler vectorises them), in the tensor's own element type, as PyTorch does.
extension Variable {
    /// (B, T, C) → (B, T_out, C): the largest value of each window, per channel.
    /// Backward: the gradient of a window goes to the step that won it (the first
    /// one on a tie); a step that wins several overlapping windows sums them.
    public func maxPool1d(size: Int, stride: Int? = nil) -> Variable {
        let s = stride ?? size
        let (batch, steps, c, tOut) = poolShape(size: size, stride: s)
        let geometry = PoolGeometry(batch: batch, steps: steps, channels: c, outSteps: tOut, size: size, stride: s)
        let (y, winner): (Tensor, [Int32])
        switch dtype {
        case .float32: (y, winner) = geometry.maxForward(value, Float.self)
        case .float64: (y, winner) = geometry.maxForward(value, Double.self)
        }
        let inputShape = shape
        return Variable(y, parents: [self]) { g in
            switch g.dtype {
            case .float32: self.accumulate(geometry.maxBackward(g, winner, inputShape, Float.self))
            case .float64: self.accumulate(geometry.maxBackward(g, winner, inputShape, Double.self))
            }
        }
    }

    /// (B, T, C) → (B, T_out, C): the mean of each window, per channel.
    /// Backward: each step of a window gets ∂y / P.
    public func avgPool1d(size: Int, stride: Int? = nil) -> Variable {
        let s = stride ?? size
        let (batch, steps, c, tOut) = poolShape(size: size, stride: s)
        let geometry = PoolGeometry(batch: batch, steps: steps, channels: c, outSteps: tOut, size: size, stride: s)
        let y: Tensor
        switch dtype {
        case .float32: y = geometry.averageForward(value, Float.self)
        case .float64: y = geometry.averageForward(value, Double.self)
        }
        let inputShape = shape
        return Variable(y, parents: [self]) { g in
            switch g.dtype {
            case .float32: self.accumulate(geometry.averageBackward(g, inputShape, Float.self))
            case .float64: self.accumulate(geometry.averageBackward(g, inputShape, Double.self))
            }
        }
    }

    /// (B, T, C, T_out) of a pooling, checking the window fits.
    private func poolShape(size: Int, stride: Int) -> (Int, Int, Int, Int) {
        precondition(rank == 3, "pooling expects (B, T, C), got \(shape)")
        precondition(size >= 1 && stride >= 1, "pool size \(size) and stride \(stride) must be at least 1")
        precondition(shape[1] >= size, "pool size \(size) is longer than the \(shape[1]) steps")
        precondition(value.count <= Int(Int32.max), "pooling input of \(value.count) elements is too large")
        return (shape[0], shape[1], shape[2], (shape[1] - size) / stride + 1)
    }
}

/// The index arithmetic of a pooling and its four loops. Row (b, t) of x starts at
/// (b·T + t)·C; row (b, w) of y at (b·T_out + w)·C.
struct PoolGeometry: Sendable {
    let batch: Int, steps: Int, channels: Int, outSteps: Int, size: Int, stride: Int

    /// y (B, T_out, C) and, per output element, the flat index into x of the step
    /// that won it (the first on a tie: only a strictly larger value replaces it).
    func maxForward<T: EngineScalar>(_ x: Tensor, _: T.Type) -> (Tensor, [Int32]) {
        let c = channels
        var y = Tensor.unfilled([batch, outSteps, c], dtype: T.dtype)
        let (src, dst) = (x.pointer(T.self), y.mutablePointer(T.self))
        // Every index is written below; `poolShape` checked they all fit in an Int32, so
        // the conversions truncate without a check (a checked one kept the loops scalar).
        let winner = [Int32](unsafeUninitializedCapacity: batch * outSteps * c) { won, written in
            let won = won.baseAddress!
            for b in 0..<batch {
                for w in 0..<outSteps {
                    let o = (b * outSteps + w) * c
                    let first = (b * steps + w * stride) * c
                    let (best, at) = (dst + o, won + o)
                    best.update(from: src + first, count: c)
                    let firstIndex = Int32(truncatingIfNeeded: first)
                    for ch in 0..<c { at[ch] = firstIndex &+ Int32(truncatingIfNeeded: ch) }
                    for t in (w * stride + 1)..<(w * stride + size) {
                        let i = (b * steps + t) * c
                        let (row, index) = (src + i, Int32(truncatingIfNeeded: i))
                        // Selects rather than a branch per channel, so the loop vectorises.
                        for ch in 0..<c {
                            let (v, larger) = (row[ch], row[ch] > best[ch])
                            best[ch] = larger ? v : best[ch]
                            at[ch] = larger ? index &+ Int32(truncatingIfNeeded: ch) : at[ch]
                        }
                    }
                }
            }
            written = batch * outSteps * c
        }
        return (y, winner)
    }

    /// ∂x: each output's gradient added into the element that won it.
    func maxBackward<T: EngineScalar>(_ g: Tensor, _ winner: [Int32], _ inputShape: [Int], _: T.Type) -> Tensor {
        var dx = Tensor(zeros: inputShape, dtype: T.dtype)
        let (gy, d) = (g.pointer(T.self), dx.mutablePointer(T.self))
        winner.withUnsafeBufferPointer { won in
            for o in 0..<won.count { d[Int(won[o])] += gy[o] }
        }
        return dx
    }

    /// y (B, T_out, C): the window's steps added in order, times 1/P.
    func averageForward<T: EngineScalar>(_ x: Tensor, _: T.Type) -> Tensor {
        let c = channels
        let scale = 1 / T(size)
        var y = Tensor.unfilled([batch, outSteps, c], dtype: T.dtype)
        let (src, dst) = (x.pointer(T.self), y.mutablePointer(T.self))
        for b in 0..<batch {
            for w in 0..<outSteps {
                let out = dst + (b * outSteps + w) * c
                out.update(from: src + (b * steps + w * stride) * c, count: c)
                for t in (w * stride + 1)..<(w * stride + size) {
                    let row = src + (b * steps + t) * c
                    for ch in 0..<c { out[ch] += row[ch] }
                }
                for ch in 0..<c { out[ch] *= scale }
            }
        }
        return y
    }

    /// ∂x: every step of a window gets ∂y / P (summed where windows overlap).
    func averageBackward<T: EngineScalar>(_ g: Tensor, _ inputShape: [Int], _: T.Type) -> Tensor {
        let c = channels
        let scale = 1 / T(size)
        var dx = Tensor(zeros: inputShape, dtype: T.dtype)
        let (gy, d) = (g.pointer(T.self), dx.mutablePointer(T.self))
        for b in 0..<batch {
            for w in 0..<outSteps {
                let from = gy + (b * outSteps + w) * c
                for t in (w * stride)..<(w * stride + size) {
                    let row = d + (b * steps + t) * c
                    for ch in 0..<c { row[ch] += from[ch] * scale }
                }
            }
        }
        return dx
    }
}
