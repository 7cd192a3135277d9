/// A pointwise function and its derivative, side by side.
///
/// The derivative is written in terms of the input `x` and the output `y`, so the
/// backward pass can use whichever is cheaper (tanh' = 1 − y², σ' = y(1 − y)).
public protocol PointwiseFunction: Sendable {
    func value<T: EngineScalar>(_ x: T) -> T
    func derivative<T: EngineScalar>(x: T, y: T) -> T
    /// Replaces `count` values at `p` by f of them; vectorised where it pays.
    func valuesInPlace<T: EngineScalar>(_ p: UnsafeMutablePointer<T>, _ count: Int)
}

extension PointwiseFunction {
    @inline(__always)
    public func valuesInPlace<T: EngineScalar>(_ p: UnsafeMutablePointer<T>, _ count: Int) {
        for i in 0..<count { p[i] = value(p[i]) }
    }
}

public struct Tanh: PointwiseFunction {
    public init() {}
    @inline(__always) public func value<T: EngineScalar>(_ x: T) -> T { T.tanh(x) }
    @inline(__always) public func derivative<T: EngineScalar>(x: T, y: T) -> T { 1 - y * y }
    @inline(__always) public func valuesInPlace<T: EngineScalar>(_ p: UnsafeMutablePointer<T>, _ count: Int) {
        T.tanhInPlace(p, count)
    }
}

/// The logistic function 1 / (1 + e^−x), computed without overflow for large |x|.
public struct Sigmoid: PointwiseFunction {
    public init() {}
    @inline(__always) public func value<T: EngineScalar>(_ x: T) -> T {
        if x >= 0 { return 1 / (1 + T.exp(-x)) }
        let e = T.exp(x)
        return e / (1 + e)
    }
    @inline(__always) public func derivative<T: EngineScalar>(x: T, y: T) -> T { y * (1 - y) }
    @inline(__always) public func valuesInPlace<T: EngineScalar>(_ p: UnsafeMutablePointer<T>, _ count: Int) {
        T.sigmoidInPlace(p, count)
    }
}

/// The piecewise-linear sigmoid clamp(slope·x + ½, 0, 1). PyTorch's `Hardsigmoid`
/// and Keras 3 use slope 1/6; Keras 2's `hard_sigmoid` used 0.2.
public struct HardSigmoid: PointwiseFunction {
    public var slope: Double
    public init(slope: Double = 1.0 / 6.0) { self.slope = slope }
    @inline(__always) public func value<T: EngineScalar>(_ x: T) -> T {
        min(1, max(0, T(slope) * x + T(0.5)))
    }
    /// Zero on the flat parts; at the corners PyTorch also takes 0.
    @inline(__always) public func derivative<T: EngineScalar>(x: T, y: T) -> T {
        let u = T(slope) * x + T(0.5)
        return u > 0 && u < 1 ? T(slope) : 0
    }
}

public struct ReLU: PointwiseFunction {
    public init() {}
    @inline(__always) public func value<T: EngineScalar>(_ x: T) -> T { x > 0 ? x : 0 }
    @inline(__always) public func derivative<T: EngineScalar>(x: T, y: T) -> T { x > 0 ? 1 : 0 }
}

public struct Exp: PointwiseFunction {
    public init() {}
    @inline(__always) public func value<T: EngineScalar>(_ x: T) -> T { T.exp(x) }
    @inline(__always) public func derivative<T: EngineScalar>(x: T, y: T) -> T { y }
    @inline(__always) public func valuesInPlace<T: EngineScalar>(_ p: UnsafeMutablePointer<T>, _ count: Int) {
        T.expInPlace(p, count)
    }
}

public struct Log: PointwiseFunction {
    public init() {}
    @inline(__always) public func value<T: EngineScalar>(_ x: T) -> T { T.log(x) }
    @inline(__always) public func derivative<T: EngineScalar>(x: T, y: T) -> T { 1 / x }
}

extension Tensor {
    /// f applied to every element.
    public func map<F: PointwiseFunction>(_ f: F) -> Tensor {
        switch dtype {
        case .float32: return map(f, Float.self)
        case .float64: return map(f, Double.self)
        }
    }

    private func map<F: PointwiseFunction, T: EngineScalar>(_ f: F, _: T.Type) -> Tensor {
        var out = Tensor(shape: shape, storage: storage.copy())
        out.withUnsafeMutableBufferPointer(as: T.self) { y in
            if let base = y.baseAddress { f.valuesInPlace(base, y.count) }
        }
        return out
    }

    /// The gradient through f: `dy ⊙ f′(x)`, where `self` is the input x and `y = f(x)`.
    public func mapBackward<F: PointwiseFunction>(_ f: F, output y: Tensor, gradient dy: Tensor) -> Tensor {
        precondition(shape == y.shape && shape == dy.shape, "mapBackward shapes \(shape) \(y.shape) \(dy.shape)")
        switch dtype {
        case .float32: return mapBackward(f, y, dy, Float.self)
        case .float64: return mapBackward(f, y, dy, Double.self)
        }
    }

    private func mapBackward<F: PointwiseFunction, T: EngineScalar>(
        _ f: F, _ y: Tensor, _ dy: Tensor, _: T.Type
    ) -> Tensor {
        var out = Tensor(zeros: shape, dtype: dtype)
        withUnsafeBufferPointer(as: T.self) { x in
            y.withUnsafeBufferPointer(as: T.self) { y in
                dy.withUnsafeBufferPointer(as: T.self) { dy in
                    out.withUnsafeMutableBufferPointer(as: T.self) { dx in
                        for i in 0..<x.count { dx[i] = dy[i] * f.derivative(x: x[i], y: y[i]) }
                    }
                }
            }
        }
        return out
    }
}
