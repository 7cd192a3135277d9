/// A node of the reverse-mode tape: a value, the gradient of the loss with
/// respect to it, and how to pass a gradient back to the nodes it was made from.
///
/// The tape is defined by running the forward pass: every op returns a new
/// `Variable` that remembers its parents and a closure for its backward step.
/// `backward()` visits the nodes in reverse topological order; gradients
/// accumulate with `+=`, so a parameter used at every time step sums them all,
/// and repeated backward calls add up until `zeroGrad()`.
public final class Variable {
    public var value: Tensor
    /// ∂loss/∂value, once a backward pass reached this node.
    public var grad: Tensor?
    /// Leaves that are parameters or inputs to differentiate set this.
    public let requiresGrad: Bool
    /// A name for state dicts and messages, such as `weight_ih_l0`.
    public var name: String
    /// Keep this intermediate node's gradient after `backward()` (PyTorch's
    /// `retain_grad()`); by default only leaves keep theirs.
    public var retainsGrad = false
    /// True for an op's result computed inside `withNoGrad`: it has no tape behind
    /// it, and `backward()` from it is refused.
    public let isNoGradResult: Bool

    let parents: [Variable]
    let backwardStep: ((Tensor) -> Void)?

    /// A leaf: a parameter (`requiresGrad: true`) or a constant input.
    public init(_ value: Tensor, requiresGrad: Bool = false, name: String = "") {
        self.value = value
        self.requiresGrad = requiresGrad
        self.name = name
        parents = []
        backwardStep = nil
        isNoGradResult = false
    }

    /// An op's result. The backward closure is kept only when some parent needs a
    /// gradient and the tape is recording (not inside `withNoGrad`), so a forward
    /// pass over constants, or without a tape, records nothing.
    init(_ value: Tensor, parents: [Variable], backward: @escaping (Tensor) -> Void) {
        self.value = value
        name = ""
        let scope = TapeScope.current
        let needed = scope.recording && parents.contains { $0.requiresGrad }
        requiresGrad = needed
        isNoGradResult = !scope.recording
        self.parents = needed ? parents : []
        backwardStep = needed ? backward : nil
        if needed { scope.counter?.count += 1 }
    }

    public var shape: [Int] { value.shape }
    public var dtype: DType { value.dtype }

    /// Adds `g` to this node's gradient.
    func accumulate(_ g: Tensor) {
        precondition(g.shape == value.shape, "gradient \(g.shape) for value \(value.shape)")
        if grad == nil { grad = g } else { grad! += g }
    }

    /// Forgets the gradient (before the next accumulation).
    public func zeroGrad() { grad = nil }

    /// Backpropagates from this scalar: seeds ∂loss/∂loss = 1.
    public func backward() {
        precondition(value.count == 1, "backward() needs a scalar, shape is \(value.shape); pass a seed")
        backward(seed: Tensor(shape: value.shape, repeating: 1, dtype: value.dtype))
    }

    /// Backpropagates a given gradient of this node (a vector–Jacobian product).
    public func backward(seed: Tensor) {
        if isNoGradResult {
            // fatalError, not precondition: optimised builds drop a precondition's message.
            fatalError("backward() from a result computed inside withNoGrad, which records no tape; compute it outside withNoGrad to take gradients")
        }
        accumulate(seed)
        for node in topologicalOrder().reversed() {
            guard let step = node.backwardStep, let g = node.grad else { continue }
            step(g)
            if !node.parents.isEmpty, node !== self, !node.retainsGrad {
                // Intermediate gradients are not needed once passed on; free them.
                node.grad = nil
            }
        }
    }

    /// Every node this one depends on, parents before children. Iterative, so a
    /// graph thousands of time steps deep does not overflow the stack.
    func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Variable, Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let (node, next) = stack.popLast() {
            if next < node.parents.count {
                stack.append((node, next + 1))
                let p = node.parents[next]
                if p.requiresGrad, visited.insert(ObjectIdentifier(p)).inserted {
                    stack.append((p, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }
}

extension Variable: CustomStringConvertible {
    public var description: String {
        "Variable(\(name.isEmpty ? "" : name + ", ")\(value))"
    }
}
