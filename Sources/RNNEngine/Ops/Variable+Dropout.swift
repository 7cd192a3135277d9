/// Inverted dropout: in training, each element is zeroed with probability p and
/// the survivors are scaled by 1/(1−p), so evaluation needs no rescaling.
extension Tensor {
    /// A mask of 0 and 1/(1−p) values. A recurrent layer draws one such mask per
    /// sequence and reuses it at every time step (Gal & Ghahramani; Keras semantics),
    /// or one per step on request (`DropoutMaskScope`, `Tensor.recurrentDropoutMask`).
    public static func dropoutMask(_ shape: [Int], p: Double, rng: inout SplitMix64,
                                   dtype: DType = .float32) -> Tensor {
        precondition(p >= 0 && p < 1, "dropout probability \(p) is outside [0, 1)")
        var mask = Tensor(zeros: shape, dtype: dtype)
        let keep = 1 / (1 - p)
        for i in 0..<mask.count where rng.nextUnit() >= p { mask[flat: i] = keep }
        return mask
    }
}

extension Variable {
    /// Dropout with probability `p` when `training`; the identity otherwise (or when p is 0).
    public func dropout(p: Double, training: Bool, rng: inout SplitMix64) -> Variable {
        guard training, p > 0 else { return self }
        return self * Variable(Tensor.dropoutMask(shape, p: p, rng: &rng, dtype: dtype))
    }
}
