/// Matrix product on the tape. For C = op(A)·op(B):
///   ∂L/∂A = ∂L/∂C · op(B)ᵀ (transposed back when A was used transposed),
///   ∂L/∂B = op(A)ᵀ · ∂L/∂C (likewise).
extension Variable {
    /// (M, K) · (K, N) → (M, N); either operand may be used transposed.
    public func matmul(_ b: Variable, transposeSelf: Bool = false, transposeOther: Bool = false) -> Variable {
        let a = self
        let (ta, tb) = (transposeSelf, transposeOther)
        let out = Tensor.matmul(a.value, b.value, transposeA: ta, transposeB: tb)
        return Variable(out, parents: [a, b]) { g in
            if a.requiresGrad {
                // op(A) = G·op(B)ᵀ; if A was transposed, A = (G·op(B)ᵀ)ᵀ = op(B)·Gᵀ.
                a.accumulate(ta ? Tensor.matmul(b.value, g, transposeA: tb, transposeB: true)
                                : Tensor.matmul(g, b.value, transposeA: false, transposeB: !tb))
            }
            if b.requiresGrad {
                b.accumulate(tb ? Tensor.matmul(g, a.value, transposeA: true, transposeB: ta)
                                : Tensor.matmul(a.value, g, transposeA: !ta, transposeB: false))
            }
        }
    }
}
