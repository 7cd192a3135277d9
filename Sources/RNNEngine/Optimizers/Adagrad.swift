/// Adagrad (Duchi et al. 2011), as `torch.optim.Adagrad`:
///   g ← g + λθ;  η_t = η / (1 + (t − 1)·decay);  s ← s + g²;  θ ← θ − η_t g / (√s + ε)
public final class Adagrad: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public var learningRateDecay: Double
    public var epsilon: Double
    public var weightDecay: Double
    public private(set) var stepCount = 0
    private var slots: OptimizerSlots

    public init(_ parameters: [Variable], learningRate: Double = 0.01, learningRateDecay: Double = 0,
                epsilon: Double = 1e-10, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        slots = OptimizerSlots(parameters: parameters.count, perParameter: 1)
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
        let lr = T(learningRate / (1 + Double(stepCount - 1) * learningRateDecay))
        let (eps, wd) = (T(epsilon), T(weightDecay))
        withTypedPointers(T.self, p, g, &state) { theta, grad, s, n in
            let sum = s[0]
            for j in 0..<n {
                let d = grad[j] + wd * theta[j]
                sum[j] += d * d
                theta[j] -= lr * d / (T.sqrt(sum[j]) + eps)
            }
        }
    }
}
