/// A layer or model: something with named parameters.
///
/// Names and shapes follow PyTorch's `state_dict` (`weight`, `bias`,
/// `weight_ih_l0`, …; a child's names are prefixed with its own, as in
/// `encoder.weight`), so checkpoints move between the two unchanged.
public protocol Module: AnyObject {
    /// Every parameter with its state-dict name, in a fixed order.
    var namedParameters: [(name: String, parameter: Variable)] { get }
}

/// Why a state dict does not fit a module. `expected` is every name the module
/// has, in its order, so a refusal can say what would have fitted.
public enum StateDictError: Error, Equatable, CustomStringConvertible {
    case missing(String, expected: [String])
    case unexpected(String, expected: [String])
    case shapeMismatch(name: String, expected: [Int], found: [Int])

    public var description: String {
        switch self {
        case let .missing(n, e): return "state dict has no tensor \"\(n)\" (the model has \(e.joined(separator: ", ")))"
        case let .unexpected(n, e):
            return "state dict has a tensor \"\(n)\" that the model does not have (the model has \(e.joined(separator: ", ")))"
        case let .shapeMismatch(n, e, f): return "tensor \"\(n)\" has shape \(f), the model expects \(e)"
        }
    }
}

extension Module {
    public var parameters: [Variable] { namedParameters.map(\.parameter) }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Name → value, as PyTorch's `module.state_dict()`.
    public func stateDict() -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: namedParameters.map { ($0.name, $0.parameter.value) })
    }

    /// Copies values in by name. Every parameter must be present with its shape
    /// and nothing else may be there (PyTorch's `strict=True`); nothing is changed
    /// unless everything fits. Values are converted to the module's element type.
    public func loadStateDict(_ dict: [String: Tensor]) throws {
        let named = namedParameters
        let expected = named.map(\.name)
        for (name, p) in named {
            guard let t = dict[name] else { throw StateDictError.missing(name, expected: expected) }
            guard t.shape == p.shape else {
                throw StateDictError.shapeMismatch(name: name, expected: p.shape, found: t.shape)
            }
        }
        let known = Set(named.map(\.name))
        if let extra = dict.keys.sorted().first(where: { !known.contains($0) }) {
            throw StateDictError.unexpected(extra, expected: expected)
        }
        for (name, p) in named { p.value = dict[name]!.converted(to: p.dtype) }
    }

    /// Converts every parameter to `dtype` (`.float64` for gradient checks).
    public func convert(to dtype: DType) {
        for p in parameters { p.value = p.value.converted(to: dtype); p.zeroGrad() }
    }

    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Prefixes a child's parameter names: `prefixed("encoder", child)` gives `encoder.weight`.
public func prefixed(_ prefix: String, _ child: Module) -> [(name: String, parameter: Variable)] {
    child.namedParameters.map { (prefix + "." + $0.name, $0.parameter) }
}
