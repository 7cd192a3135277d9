/// Gradient checking by central differences, in `float64`.
///
/// For every checked element x of every input, the numerical derivative
/// (f(x + ε) − f(x − ε)) / 2ε is compared with the one backward() computed.
/// In double precision with ε = 1e-6 the difference error is about ε² ≈ 1e-12
/// plus rounding ≈ 1e-16/ε = 1e-10, so a tolerance of 1e-6 is a real check: a
/// wrong sign, a missing term or a transposed index is off by far more.
public struct GradientCheckResult: Sendable, CustomStringConvertible {
    public struct Mismatch: Sendable {
        public var input: String
        public var index: Int
        public var analytic: Double
        public var numeric: Double
    }
    /// How many derivatives were compared.
    public var checked = 0
    /// The largest |analytic − numeric| / max(1, |numeric|) seen.
    public var maxError = 0.0
    /// Derivatives that differ by more than the tolerance (at most 10 kept).
    public var mismatches: [Mismatch] = []
    public var mismatchCount = 0

    public var passed: Bool { mismatchCount == 0 && checked > 0 }

    public var description: String {
        var s = "gradient check: \(checked) derivatives, max error \(maxError), \(mismatchCount) mismatches"
        for m in mismatches {
            s += "\n  \(m.input)[\(m.index)]: analytic \(m.analytic), numeric \(m.numeric)"
        }
        return s
    }
}

/// Compares backward()'s gradients of the scalar `f()` with central differences.
///
/// - Parameters:
///   - inputs: the leaves to differentiate; they must be `float64` and `requiresGrad`.
///     Parameters of layers count: pass them here too.
///   - epsilon: the step of the central difference.
///   - tolerance: allowed |analytic − numeric| / max(1, |numeric|).
///   - samplesPerInput: check at most this many elements of each input, chosen
///     with `seed`; nil checks every element.
///   - f: builds the loss from the current values of the inputs. It must be a
///     deterministic function of them (draw dropout masks from a fixed seed inside).
public func gradientCheck(
    _ inputs: [Variable], epsilon: Double = 1e-6, tolerance: Double = 1e-6,
    samplesPerInput: Int? = nil, seed: UInt64 = 0, _ f: () -> Variable
) -> GradientCheckResult {
    for x in inputs {
        precondition(x.dtype == .float64, "gradient check needs float64 inputs; \(x.name) is \(x.dtype)")
        precondition(x.requiresGrad, "gradient check input \(x.name) does not require a gradient")
        x.zeroGrad()
    }
    let loss = f()
    precondition(loss.value.count == 1, "gradient check needs a scalar loss, shape is \(loss.shape)")
    loss.backward()
    let analytic = inputs.map { $0.grad ?? Tensor(zeros: $0.shape, dtype: .float64) }

    var result = GradientCheckResult()
    var rng = SplitMix64(seed: seed)
    for (n, x) in inputs.enumerated() {
        var indices = Array(0..<x.value.count)
        if let k = samplesPerInput, k < indices.count {
            indices.shuffle(using: &rng)
            indices = Array(indices.prefix(k))
        }
        for i in indices {
            let saved = x.value[flat: i]
            x.value[flat: i] = saved + epsilon
            let plus = f().value.item
            x.value[flat: i] = saved - epsilon
            let minus = f().value.item
            x.value[flat: i] = saved
            let numeric = (plus - minus) / (2 * epsilon)
            let a = analytic[n][flat: i]
            let error = abs(a - numeric) / max(1, abs(numeric))
            result.checked += 1
            if !(error <= tolerance) {
                result.mismatchCount += 1
                if result.mismatches.count < 10 {
                    let name = x.name.isEmpty ? "input \(n)" : x.name
                    result.mismatches.append(.init(input: name, index: i, analytic: a, numeric: numeric))
                }
            }
            result.maxError = max(result.maxError, error.isNaN ? .infinity : error)
        }
    }
    for x in inputs { x.zeroGrad() }
    return result
}
