/// How many multiplications the simple RNN's two ways of computing the gradient
/// make, counted from what our kernels do, so that a lesson's cost claim (RTRL
/// costs O(H⁴) per step, BPTT O(H²)) rests on a formula and not on a stopwatch.
///
/// What counts: every multiplication of two floating-point numbers, whether it
/// is fused with an add (the multiply-adds of a matrix product, a += w·x) or
/// stands alone (a·b); evaluating tanh is not counted, nor are additions, the
/// bias sums or copies. Letters: B sequences, I inputs, H hidden units, T steps;
/// P = H·I + H² + 2H parameters. One layer, one direction, no mask or dropout.
///
/// BPTT (`SequencePass` forward and backward, `CellStep` for the element-wise part):
///   forward   (B·T, I)·W_ihᵀ                       B·T·H·I
///             per step h_{t−1}·W_hhᵀ                B·H·H        (T times)
///   backward  per step g = ∂h·(1 − h·h) (tanh)      2·B·H        (relu: 0)
///             per step ∂h_{t−1} = g·W_hh            B·H·H
///             ∂W_hh = Σ_t gᵀ h_{t−1}                T·B·H·H
///             ∂W_ih = Σ_t gᵀ x_t                    T·B·H·I
///             ∂x = g·W_ih (only when asked)         T·B·H·I
///   per step: B·H·(2I + 3H + 2) for tanh without ∂x.
///
/// RTRL (`RTRL.step` and `RTRL.accumulate`, per step):
///   W_hh·S_{t−1}, an (H × H)·(H × P) product per row   B·H·H·P
///   pre-activations W_ih x + W_hh h                      B·H·(I + H)
///   slope 1 − h·h (tanh)                                 B·H      (relu: 0)
///   scaling each sensitivity row by its slope            B·H·P
///   ∂L/∂θ += ∂L/∂h_t · S_t                               B·H·P
///   per step: B·H·(H·P + 2P + I + H + 1) for tanh, ≈ B·H⁴.
public struct MultiplyAddCount: Sendable, Equatable {
    public var batch: Int
    public var input: Int
    public var hidden: Int
    public var steps: Int
    /// `.rnnTanh` or `.rnnReLU`: ReLU's derivative needs no multiplication.
    public var nonlinearity: CellKind

    public init(batch: Int, input: Int, hidden: Int, steps: Int, nonlinearity: CellKind = .rnnTanh) {
        precondition(nonlinearity == .rnnTanh || nonlinearity == .rnnReLU, "counts are for the simple RNN")
        precondition(batch > 0 && input > 0 && hidden > 0 && steps > 0, "sizes must be positive")
        (self.batch, self.input, self.hidden, self.steps, self.nonlinearity) = (batch, input, hidden, steps, nonlinearity)
    }

    /// P = H·I + H² + 2H, the parameters RTRL carries a sensitivity for.
    public var parameters: Int { hidden * input + hidden * hidden + 2 * hidden }

    private var isTanh: Bool { nonlinearity == .rnnTanh }

    /// The forward pass over all T steps: B·T·H·(I + H).
    public var bpttForward: Int { batch * steps * hidden * (input + hidden) }

    /// The backward pass over all T steps; ∂x adds B·T·H·I when `inputGradient`.
    public func bpttBackward(inputGradient: Bool = false) -> Int {
        let (B, T, H, I) = (batch, steps, hidden, input)
        let elementwise = isTanh ? 2 * B * H : 0
        let perStep = elementwise + B * H * H               // g, then g·W_hh
        let weights = T * B * H * H + T * B * H * I         // ∂W_hh, ∂W_ih
        return T * perStep + weights + (inputGradient ? T * B * H * I : 0)
    }

    /// Forward and backward over the whole sequence.
    public func bptt(inputGradient: Bool = false) -> Int { bpttForward + bpttBackward(inputGradient: inputGradient) }

    /// RTRL over the whole sequence, a loss gradient accumulated at every step.
    public var rtrl: Int {
        let (B, T, H, I, P) = (batch, steps, hidden, input, parameters)
        return T * B * H * (H * P + 2 * P + I + H + (isTanh ? 1 : 0))
    }

    /// BPTT's count divided by T.
    public func bpttPerStep(inputGradient: Bool = false) -> Double { Double(bptt(inputGradient: inputGradient)) / Double(steps) }

    /// RTRL's count divided by T.
    public var rtrlPerStep: Double { Double(rtrl) / Double(steps) }
}
