/// Stochastic gradient descent with optional momentum and Nesterov momentum,
/// as `torch.optim.SGD`:
///   g ← g + λθ;  b ← μb + (1 − τ)g (b = g on the first step);
///   g ← g + μb (Nesterov) or g ← b;  θ ← θ − ηg
public final class SGD: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var nesterov: Bool
    public var weightDecay: Double
    public private(set) var stepCount = 0
    private var slots: OptimizerSlots

    public init(_ parameters: [Variable], learningRate: Double, momentum: Double = 0,
                dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
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
        let (lr, mu, wd, damp) = (T(learningRate), T(momentum), T(weightDecay), T(dampening))
        let first = stepCount == 1
        let nesterov = self.nesterov
        withTypedPointers(T.self, p, g, &state) { theta, grad, s, n in
            let buf = s[0]
            for j in 0..<n {
                var d = grad[j] + wd * theta[j]
                if mu != 0 {
                    buf[j] = first ? d : mu * buf[j] + (1 - damp) * d
                    d = nesterov ? d + mu * buf[j] : buf[j]
                }
                theta[j] -= lr * d
            }
        }
    }
}
