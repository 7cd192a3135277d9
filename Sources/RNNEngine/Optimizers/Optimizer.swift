/// Updates parameters from their gradients.
///
/// Hyperparameters are plain mutable properties: the lab changes the learning
/// rate or momentum between two steps and the optimiser keeps its state
/// (moment estimates, step count). Formulas and defaults follow `torch.optim`,
/// including weight decay as an L2 term added to the gradient.
public protocol Optimizer: AnyObject {
    var parameters: [Variable] { get }
    var learningRate: Double { get set }
    var weightDecay: Double { get set }
    /// Steps taken so far.
    var stepCount: Int { get }
    /// One update of every parameter that has a gradient.
    func step()
    /// The step count and state buffers, for a checkpoint that resumes.
    var state: OptimizerState { get }
    /// Puts back a saved state (a resumed run continues bit for bit); throws
    /// ``OptimizerStateError`` when it does not fit the parameters, changing nothing.
    func restore(_ state: OptimizerState) throws
}

/// What an optimiser carries from one step to the next: its step count and, for
/// each parameter in `parameters` order, its state buffers (empty for a
/// parameter not updated yet), each with the parameter's shape.
public struct OptimizerState: Sendable {
    public var stepCount: Int
    public var buffers: [[Tensor]]
    public init(stepCount: Int, buffers: [[Tensor]]) { self.stepCount = stepCount; self.buffers = buffers }
}

/// Why a saved optimiser state does not fit.
public enum OptimizerStateError: Error, Equatable {
    case parameterCount(expected: Int, found: Int)
    /// Parameter `parameter` should have `expected` buffers (or none).
    case bufferCount(parameter: Int, expected: Int, found: Int)
    case bufferShape(parameter: Int, expected: [Int], found: [Int])
}

extension Optimizer {
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Per-parameter state buffers (momentum, squared averages), created on first
/// use with the parameter's shape and type.
struct OptimizerSlots {
    private var buffers: [[Tensor]]
    let perParameter: Int

    init(parameters: Int, perParameter: Int) {
        buffers = Array(repeating: [], count: parameters)
        self.perParameter = perParameter
    }

    /// The buffers of parameter `i`, zero-filled if missing or if the parameter
    /// changed shape or type.
    mutating func take(_ i: Int, like p: Tensor) -> [Tensor] {
        if buffers[i].count != perParameter || buffers[i].first.map({ $0.shape != p.shape || $0.dtype != p.dtype }) == true {
            buffers[i] = (0..<perParameter).map { _ in Tensor(zeros: p.shape, dtype: p.dtype) }
        }
        let b = buffers[i]
        buffers[i] = []  // hand over the only reference so writes need no copy
        return b
    }

    mutating func put(_ i: Int, _ b: [Tensor]) { buffers[i] = b }

    /// Calls the typed update for every parameter that has a gradient, with its buffers.
    mutating func update(
        _ parameters: [Variable],
        float: (Variable, Tensor, inout [Tensor]) -> Void,
        double: (Variable, Tensor, inout [Tensor]) -> Void
    ) {
        for (i, p) in parameters.enumerated() {
            guard let g = p.grad else { continue }
            var state = take(i, like: p.value)
            switch p.dtype {
            case .float32: float(p, g, &state)
            case .float64: double(p, g, &state)
            }
            put(i, state)
        }
    }

    func buffer(_ i: Int, _ k: Int) -> Tensor? { buffers[i].count > k ? buffers[i][k] : nil }

    /// Every parameter's buffers (copies share storage; an update copies before writing).
    var all: [[Tensor]] { buffers }

    /// Replaces the buffers after checking counts and shapes against `parameters`;
    /// each is converted to its parameter's element type.
    mutating func restore(_ saved: [[Tensor]], for parameters: [Variable]) throws(OptimizerStateError) {
        guard saved.count == parameters.count else { throw .parameterCount(expected: parameters.count, found: saved.count) }
        for (i, (b, p)) in zip(saved, parameters).enumerated() {
            guard b.isEmpty || b.count == perParameter else { throw .bufferCount(parameter: i, expected: perParameter, found: b.count) }
            if let bad = b.first(where: { $0.shape != p.shape }) { throw .bufferShape(parameter: i, expected: p.shape, found: bad.shape) }
        }
        buffers = zip(saved, parameters).map { b, p in b.map { $0.converted(to: p.dtype) } }
    }
}

/// Runs `body` with typed pointers to a parameter, its gradient and its state
/// buffers, for the parameter's element type.
@inline(__always)
func withTypedPointers<T: EngineScalar>(
    _: T.Type, _ p: Variable, _ g: Tensor, _ state: inout [Tensor],
    _ body: (UnsafeMutablePointer<T>, UnsafePointer<T>, [UnsafeMutablePointer<T>], Int) -> Void
) {
    let g = g.converted(to: T.dtype)
    for k in state.indices { state[k].makeUnique() }
    let statePointers = state.map { $0.storage.raw.assumingMemoryBound(to: T.self) }
    g.withUnsafeBufferPointer(as: T.self) { gp in
        p.value.withUnsafeMutableBufferPointer(as: T.self) { pp in
            body(pp.baseAddress!, gp.baseAddress!, statePointers, pp.count)
        }
    }
}
