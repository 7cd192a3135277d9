/// What clipping by norm found and did.
public struct ClipReport: Sendable, Equatable {
    /// The global L2 norm of all gradients before clipping.
    public var norm: Double
    /// False when some gradient holds NaN or ±∞; nothing is scaled then.
    public var isFinite: Bool { norm.isFinite }
    /// True when the gradients were scaled down.
    public var clipped: Bool
}

/// Scales all gradients together so that their global L2 norm is at most
/// `maxNorm`, as `torch.nn.utils.clip_grad_norm_`: the direction is kept, only
/// the length shrinks (Pascanu, Mikolov & Bengio 2013). A non-finite norm is
/// reported and the gradients are left as they are, for the caller to act on.
@discardableResult
public func clipGradientNorm(_ parameters: [Variable], maxNorm: Double) -> ClipReport {
    precondition(maxNorm > 0, "maxNorm must be positive, got \(maxNorm)")
    let norm = parameters.reduce(0.0) { $0 + ($1.grad?.sumOfSquares() ?? 0) }.squareRoot()
    guard norm.isFinite else { return ClipReport(norm: norm, clipped: false) }
    let coefficient = maxNorm / (norm + 1e-6)
    guard coefficient < 1 else { return ClipReport(norm: norm, clipped: false) }
    for p in parameters where p.grad != nil { p.grad!.scale(by: coefficient) }
    return ClipReport(norm: norm, clipped: true)
}

/// Clamps every gradient element into [−clipValue, clipValue], as
/// `torch.nn.utils.clip_grad_value_`. Returns how many elements were clamped.
@discardableResult
public func clipGradientValue(_ parameters: [Variable], clipValue: Double) -> Int {
    precondition(clipValue > 0, "clipValue must be positive, got \(clipValue)")
    var clamped = 0
    for p in parameters {
        guard var g = p.grad else { continue }
        switch g.dtype {
        case .float32: clamped += clamp(&g, Float(clipValue))
        case .float64: clamped += clamp(&g, clipValue)
        }
        p.grad = g
    }
    return clamped
}

private func clamp<T: EngineScalar>(_ g: inout Tensor, _ c: T) -> Int {
    var clamped = 0
    g.withUnsafeMutableBufferPointer(as: T.self) { x in
        for i in 0..<x.count where abs(x[i]) > c {
            x[i] = x[i] > 0 ? c : -c
            clamped += 1
        }
    }
    return clamped
}
