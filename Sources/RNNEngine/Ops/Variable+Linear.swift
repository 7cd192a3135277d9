/// A dense layer's product and bias as one tape node:
///
///   y = x · Wᵀ + b        x (M, I), W (O, I), b (O) → y (M, O)
///   ∂x = ∂y · W,   ∂W = ∂yᵀ · x,   ∂b = Σ over rows of ∂y
///
/// Bitwise what `x.matmul(W, transposeOther: true) + b` computes, forward and
/// backward (the same products, the bias added once to each finished element,
/// ∂b summed over rows in order), without the (M, O) temporary of the separate
/// add or the strided walk of its broadcasting backward. `Linear` uses it.
extension Variable {
    /// (M, I) · weight (O, I)ᵀ + bias (O) → (M, O).
    public func linear(weight: Variable, bias: Variable) -> Variable {
        let x = self
        precondition(x.rank == 2 && weight.rank == 2 && weight.shape[1] == x.shape[1],
                     "linear of \(x.shape) with weight \(weight.shape)")
        precondition(bias.shape == [weight.shape[0]], "linear bias \(bias.shape), expected [\(weight.shape[0])]")
        let y = Tensor.matmul(x.value, weight.value, transposeB: true, addingToRows: bias.value)
        return Variable(y, parents: [x, weight, bias]) { g in
            if x.requiresGrad { x.accumulate(Tensor.matmul(g, weight.value)) }
            if weight.requiresGrad && bias.requiresGrad {
                // ∂W and ∂b from one read of ∂y: bitwise the product and the row sum below.
                let (dw, db) = Tensor.matmulTransposedAWithColumnSums(g, x.value)
                weight.accumulate(dw)
                bias.accumulate(db)
                return
            }
            if weight.requiresGrad { weight.accumulate(Tensor.matmul(g, x.value, transposeA: true)) }
            if bias.requiresGrad { bias.accumulate(g.sum(axis: 0)) }
        }
    }
}
