/// Unfolding a batch of sequences into the rows a 1-D convolution multiplies,
/// and folding gradients back: the data movement under `Variable.conv1d`.
///
/// With the geometry of a convolution (kernel K, stride s, dilation d, left
/// padding p), output step t of row b reads input steps t·s − p + k·d for
/// k = 0…K−1. `im2col` writes those K input vectors side by side as one row
/// of length K·C, so the whole convolution is one matrix product
/// (B·T_out, K·C) · (K·C, C_out). Steps outside 0..<T are the zero padding.
extension Tensor {
    /// (B, T, C) → (B·T_out, K·C): row b·T_out + t holds [x[b, t·s−p], x[b, t·s−p+d], …]
    /// (zeros where the step falls outside the sequence). Columns are ordered (k, c).
    public func im2col(_ g: Conv1dGeometry) -> Tensor {
        precondition(rank == 3, "im2col needs (B, T, C), shape is \(shape)")
        let (b, t, c) = (shape[0], shape[1], shape[2])
        let tOut = g.outputLength(t)
        // Unfilled: every block is either copied from a step or zeroed as padding.
        var out = Tensor.unfilled([b * tOut, g.kernelSize * c], dtype: dtype)
        switch dtype {
        case .float32: im2col(g, into: &out, b, t, c, tOut, Float.self)
        case .float64: im2col(g, into: &out, b, t, c, tOut, Double.self)
        }
        return out
    }

    private func im2col<T: EngineScalar>(_ g: Conv1dGeometry, into out: inout Tensor,
                                         _ batch: Int, _ steps: Int, _ c: Int, _ tOut: Int, _: T.Type) {
        withUnsafeBufferPointer(as: T.self) { src in
            out.withUnsafeMutableBufferPointer(as: T.self) { dst in
                let (xs, cols) = (UncheckedSendable(src.baseAddress!), UncheckedSendable(dst.baseAddress!))
                g.forEachTap(batch: batch, steps: steps, channels: c,
                             outside: { column in (cols.value + column).update(repeating: 0, count: c) }
                ) { column, input in
                    (cols.value + column).update(from: xs.value + input, count: c)
                }
            }
        }
    }

    /// The adjoint of `im2col`: (B·T_out, K·C) → (B, T, C), each column block added
    /// back into the input step it was read from (padding steps are dropped).
    public static func col2im(_ cols: Tensor, _ g: Conv1dGeometry, batch: Int, steps: Int, channels: Int) -> Tensor {
        let tOut = g.outputLength(steps)
        precondition(cols.shape == [batch * tOut, g.kernelSize * channels],
                     "col2im of \(cols.shape) for B=\(batch), T_out=\(tOut), K·C=\(g.kernelSize * channels)")
        var out = Tensor(zeros: [batch, steps, channels], dtype: cols.dtype)
        switch cols.dtype {
        case .float32: col2im(cols, g, into: &out, batch, steps, channels, tOut, Float.self)
        case .float64: col2im(cols, g, into: &out, batch, steps, channels, tOut, Double.self)
        }
        return out
    }

    private static func col2im<T: EngineScalar>(_ cols: Tensor, _ g: Conv1dGeometry, into out: inout Tensor,
                                                _ batch: Int, _ steps: Int, _ c: Int, _ tOut: Int, _: T.Type) {
        cols.withUnsafeBufferPointer(as: T.self) { src in
            out.withUnsafeMutableBufferPointer(as: T.self) { dst in
                let (cs, xs) = (UncheckedSendable(src.baseAddress!), UncheckedSendable(dst.baseAddress!))
                // Sequences are split between threads, so no two write the same step.
                g.forEachTap(batch: batch, steps: steps, channels: c) { column, input in
                    let (x, r) = (xs.value + input, cs.value + column)
                    for i in 0..<c { x[i] += r[i] }
                }
            }
        }
    }

    /// Swaps the last two axes of a rank-3 tensor: (A, M, N) → (A, N, M). Turns
    /// PyTorch's conv weight (C_out, C_in, K) into the (C_out, K, C_in) that
    /// matches `im2col`'s (k, c) column order, and back.
    public func swappingLastTwoAxes() -> Tensor {
        precondition(rank == 3, "swappingLastTwoAxes needs rank 3, shape is \(shape)")
        let (a, m, n) = (shape[0], shape[1], shape[2])
        var out = Tensor.unfilled([a, n, m], dtype: dtype)
        switch dtype {
        case .float32: swapLastTwo(into: &out, a, m, n, Float.self)
        case .float64: swapLastTwo(into: &out, a, m, n, Double.self)
        }
        return out
    }

    private func swapLastTwo<T: EngineScalar>(into out: inout Tensor, _ a: Int, _ m: Int, _ n: Int, _: T.Type) {
        withUnsafeBufferPointer(as: T.self) { src in
            out.withUnsafeMutableBufferPointer(as: T.self) { dst in
                for o in 0..<a {
                    for i in 0..<m {
                        for j in 0..<n { dst[(o * n + j) * m + i] = src[(o * m + i) * n + j] }
                    }
                }
            }
        }
    }
}

extension Conv1dGeometry {
    /// Calls `body(column, input)` for every output step t, tap k and sequence b
    /// whose input step lies inside 0..<steps: `column` is the flat offset of
    /// block k of row b·T_out + t in the (B·T_out, K·C) unfolding, `input` that
    /// of step t·s − p + k·d of sequence b in (B, T, C). `outside(column)` is called
    /// for each block whose step falls in the padding instead. Sequences run in
    /// parallel when the work is large enough.
    @inline(__always)
    func forEachTap(batch: Int, steps: Int, channels c: Int, outside: (_ column: Int) -> Void = { _ in },
                    _ body: (_ column: Int, _ input: Int) -> Void) {
        let (k, tOut) = (kernelSize, outputLength(steps))
        Parallel.forEach(batch, threads: batch * tOut * k * c >= 1 << 16 ? Parallel.maxThreads : 1) { b in
            for t in 0..<tOut {
                for j in 0..<k {
                    let step = inputStep(output: t, tap: j)
                    let column = ((b * tOut + t) * k + j) * c
                    guard step >= 0 && step < steps else { outside(column); continue }
                    body(column, (b * steps + step) * c)
                }
            }
        }
    }
}
