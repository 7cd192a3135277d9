/// 1-D convolution over time on batch-first sequences, as PyTorch's
/// `F.conv1d` (a cross-correlation) with the input transposed to (B, T, C).
///
///   y[b, t, o] = bias[o] + Σ_c Σ_k W[o, c, k] · x[b, t·s − p_left + k·d, c]
///
/// Forward: unfold x into X_col (B·T_out, K·C_in) with `im2col`, then one GEMM
/// Y = X_col · W_colᵀ, where W_col (C_out, K·C_in) is W with its last two axes
/// swapped to match the (k, c) column order.
/// Backward (∂Y is (B·T_out, C_out)):
///   ∂W_col = ∂Yᵀ · X_col            (then swapped back to (C_out, C_in, K))
///   ∂X_col = ∂Y · W_col             (then folded back by `col2im`)
///   ∂bias  = Σ over rows of ∂Y
extension Variable {
    /// (B, T, C_in) ⊛ weight (C_out, C_in, K) [+ bias (C_out)] → (B, T_out, C_out),
    /// T_out = `geometry.outputLength(T)`, which must be at least 1.
    public func conv1d(weight: Variable, bias: Variable? = nil, geometry g: Conv1dGeometry) -> Variable {
        let x = self
        precondition(x.rank == 3, "conv1d expects (B, T, C_in), got \(x.shape)")
        precondition(weight.rank == 3 && weight.shape[1] == x.shape[2] && weight.shape[2] == g.kernelSize,
                     "conv1d weight \(weight.shape) does not fit input \(x.shape) and kernel \(g.kernelSize)")
        let (batch, steps, cIn) = (x.shape[0], x.shape[1], x.shape[2])
        let cOut = weight.shape[0]
        let tOut = g.outputLength(steps)
        precondition(tOut >= 1, "conv1d input of \(steps) steps is shorter than the receptive field \(g.receptiveField)")
        if let bias { precondition(bias.shape == [cOut], "conv1d bias \(bias.shape), expected [\(cOut)]") }

        let cols = x.value.im2col(g)                                                // (B·T_out, K·C_in)
        let wCol = weight.value.swappingLastTwoAxes().reshaped([cOut, g.kernelSize * cIn])
        // (B·T_out, C_out); the bias is added to each finished element, as `+ bias` would.
        let y = bias.map { Tensor.matmul(cols, wCol, transposeB: true, addingToRows: $0.value) }
            ?? Tensor.matmul(cols, wCol, transposeB: true)
        let parents = [x, weight] + (bias.map { [$0] } ?? [])
        return Variable(y.reshaped([batch, tOut, cOut]), parents: parents) { g3 in
            let dy = g3.reshaped([batch * tOut, cOut])
            // ∂bias is taken from the same read of ∂Y as ∂W when both are wanted (bitwise the sum).
            let foldsBias = weight.requiresGrad && bias?.requiresGrad == true
            if weight.requiresGrad {
                let dwCol: Tensor                                                    // (C_out, K·C_in)
                if foldsBias, let bias {
                    let (product, sums) = Tensor.matmulTransposedAWithColumnSums(dy, cols)
                    bias.accumulate(sums)
                    dwCol = product
                } else {
                    dwCol = Tensor.matmul(dy, cols, transposeA: true)
                }
                weight.accumulate(dwCol.reshaped([cOut, g.kernelSize, cIn]).swappingLastTwoAxes())
            }
            if x.requiresGrad {
                let dCols = Tensor.matmul(dy, wCol)                                  // (B·T_out, K·C_in)
                x.accumulate(Tensor.col2im(dCols, g, batch: batch, steps: steps, channels: cIn))
            }
            if !foldsBias, let bias, bias.requiresGrad { bias.accumulate(dy.sum(axis: 0)) }
        }
    }
}
