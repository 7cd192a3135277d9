/// Whether a recurrent layer's dropout draws one mask per sequence or one per step.
///
/// Gal & Ghahramani (2016) and Keras use one mask for the whole sequence: a unit
/// dropped from h_{t−1} stays dropped at every step, so the recurrent path loses
/// the same few units throughout and the rest carry memory undisturbed. A fresh
/// mask at every step (as naive dropout on a recurrent connection does) cuts each
/// unit's path through time with probability 1 − (1 − p)^k over k steps, which is
/// what a lesson can show going wrong.
public enum DropoutMaskScope: String, Sendable, CaseIterable, Codable {
    /// One mask per sequence, reused at every step (Keras `dropout`, `recurrent_dropout`).
    case perSequence = "per_sequence"
    /// A new mask at every step.
    case perStep = "per_step"
}

extension Tensor {
    /// Masks of 0 and 1/(1−p) for a recurrent layer's input dropout: (B, 1, I), one per
    /// sequence broadcast over the steps, or (B, T, I), one per step.
    public static func inputDropoutMask(batch: Int, steps: Int, features: Int, p: Double, scope: DropoutMaskScope,
                                        rng: inout SplitMix64, dtype: DType = .float32) -> Tensor {
        dropoutMask([batch, scope == .perStep ? steps : 1, features], p: p, rng: &rng, dtype: dtype)
    }

    /// Masks of 0 and 1/(1−p) for h_{t−1} where it enters W_hh: (B, H), one per sequence,
    /// or (T, B, H), one per processing step.
    public static func recurrentDropoutMask(batch: Int, steps: Int, hidden: Int, p: Double, scope: DropoutMaskScope,
                                            rng: inout SplitMix64, dtype: DType = .float32) -> Tensor {
        dropoutMask(scope == .perStep ? [steps, batch, hidden] : [batch, hidden], p: p, rng: &rng, dtype: dtype)
    }
}
