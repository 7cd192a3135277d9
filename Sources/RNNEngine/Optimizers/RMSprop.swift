/// RMSprop, as `torch.optim.RMSprop`:
///   g ← g + λθ;  v ← αv + (1 − α)g²;  a ← √v + ε (centred: √(v − ḡ²) + ε);
///   θ ← θ − ηg/a, or with momentum b ← μb + g/a, θ ← θ − ηb
public final class RMSprop: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public var alpha: Double
    public var epsilon: Double
    public var momentum: Double
    public var centered: Bool
    public var weightDecay: Double
    public private(set) var stepCount = 0
    private var slots: OptimizerSlots

    public init(_ parameters: [Variable], learningRate: Double = 0.01, alpha: Double = 0.99,
                epsilon: Double = 1e-8, momentum: Double = 0, centered: Bool = false,
                weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
        slots = OptimizerSlots(parameters: parameters.count, perParameter: 3)
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
        let (lr, a, eps, mu, wd) = (T(learningRate), T(alpha), T(epsilon), T(momentum), T(weightDecay))
        let centered = self.centered
        withTypedPointers(T.self, p, g, &state) { theta, grad, s, n in
            let (v, mean, buf) = (s[0], s[1], s[2])
            for j in 0..<n {
                let d = grad[j] + wd * theta[j]
                v[j] = a * v[j] + (1 - a) * d * d
                var avg: T
                if centered {
                    mean[j] = a * mean[j] + (1 - a) * d
                    avg = T.sqrt(v[j] - mean[j] * mean[j]) + eps
                } else {
                    avg = T.sqrt(v[j]) + eps
                }
                if mu > 0 {
                    buf[j] = mu * buf[j] + d / avg
                    theta[j] -= lr * buf[j]
                } else {
                    theta[j] -= lr * d / avg
                }
            }
        }
    }
}
