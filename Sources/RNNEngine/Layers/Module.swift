/// A layer or model: something with named parameters.
///
/// Names and shapes follow PyTorch's `state_dict` (`weight`, `bias`,
/// `weight_ih_l0`, …; a child's names are prefixed with its own, as in
/// `encoder.weight`), so checkpoints move between the two unchanged.
public protocol Module: AnyObject {
    /// Every parameter with its state-dict name, in a fixed order.
    var namedParameters: [(name: String, parameter: Variable)] { get }
}

/// Why a state dict does not fit a module.
public enum StateDictError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case unexpected(String)
    case shapeMismatch(name: String, expected: [Int], found: [Int])

    public var description: String {
        switch self {
        case .missing(let n): return "state dict has no tensor \"\(n)\""
        case .unexpected(let n): return "state dict has a tensor \"\(n)\" that the model does not have"
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
        for (name, p) in named {
            guard let t = dict[name] else { throw StateDictError.missing(name) }
            guard t.shape == p.shape else {
                throw StateDictError.shapeMismatch(name: name, expected: p.shape, found: t.shape)
            }
        }
        let known = Set(named.map(\.name))
        if let extra = dict.keys.sorted().first(where: { !known.contains($0) }) {
            throw StateDictError.unexpected(extra)
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
