/// Adam (Kingma & Ba 2015), as `torch.optim.Adam`:
///   g ← g + λθ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
///   θ ← θ − η/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε)
/// With `decoupledWeightDecay` it is AdamW: θ ← θ(1 − ηλ) instead of the L2 term.
public final class Adam: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var weightDecay: Double
    public var decoupledWeightDecay: Bool
    public private(set) var stepCount = 0
    private var slots: OptimizerSlots

    public init(_ parameters: [Variable], learningRate: Double = 0.001, beta1: Double = 0.9,
                beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        slots = OptimizerSlots(parameters: parameters.count, perParameter: 2)
    }

    public var state: OptimizerState { OptimizerState(stepCount: stepCount, buffers: slots.all) }

    public func restore(_ state: OptimizerState) throws {
        try slots.restore(state.buffers, for: parameters)
        stepCount = state.stepCount
    }

    public func step() {
        stepCount += 1
        slots.update(parameters, float: { update(Float.self, $0, $1, &$2) },
                     double: { update(Double.self, $0, $1, &$2) })
    }

    private func update<T: EngineScalar>(_: T.Type, _ p: Variable, _ g: Tensor, _ state: inout [Tensor]) {
        let t = Double(stepCount)
        let stepSize = T(learningRate / (1 - Foundation.pow(beta1, t)))
        let correction2 = T((1 - Foundation.pow(beta2, t)).squareRoot())
        let (b1, b2, eps) = (T(beta1), T(beta2), T(epsilon))
        let l2 = decoupledWeightDecay ? 0 : T(weightDecay)
        let shrink = decoupledWeightDecay ? 1 - T(learningRate * weightDecay) : 1
        withTypedPointers(T.self, p, g, &state) { theta, grad, s, n in
            let (m, v) = (s[0], s[1])
            for j in 0..<n {
                let d = grad[j] + l2 * theta[j]
                theta[j] *= shrink
                m[j] = b1 * m[j] + (1 - b1) * d
                v[j] = b2 * v[j] + (1 - b2) * d * d
                theta[j] -= stepSize * m[j] / (T.sqrt(v[j]) / correction2 + eps)
            }
        }
    }
}

import Foundation
