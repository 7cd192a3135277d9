/// Whole-tensor arithmetic used by the tape and the optimisers.
extension Tensor {
    public static func + (a: Tensor, b: Tensor) -> Tensor { elementwise(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { elementwise(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) -> Tensor { elementwise(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { elementwise(.divide, a, b) }
    public static prefix func - (a: Tensor) -> Tensor { a.scaled(by: -1) }

    /// self += other (same shape), in place: how gradients accumulate.
    public static func += (a: inout Tensor, b: Tensor) { a.addScaled(b, by: 1) }

    /// self += alpha · other, in place (same shape).
    public mutating func addScaled(_ other: Tensor, by alpha: Double) {
        precondition(shape == other.shape && dtype == other.dtype,
                     "in-place add of \(other.shape) \(other.dtype) into \(shape) \(dtype)")
        switch dtype {
        case .float32: addScaled(other, alpha, Float.self)
        case .float64: addScaled(other, alpha, Double.self)
        }
    }

    private mutating func addScaled<T: EngineScalar>(_ other: Tensor, _ alpha: Double, _: T.Type) {
        let a = T(alpha)
        other.withUnsafeBufferPointer(as: T.self) { src in
            withUnsafeMutableBufferPointer(as: T.self) { dst in
                for i in 0..<dst.count { dst[i] += a * src[i] }
            }
        }
    }

    /// Every element times `factor`.
    public func scaled(by factor: Double) -> Tensor {
        var out = self
        out.scale(by: factor)
        return out
    }

    /// Multiplies every element by `factor`, in place.
    public mutating func scale(by factor: Double) {
        switch dtype {
        case .float32:
            let f = Float(factor)
            withUnsafeMutableBufferPointer(as: Float.self) { for i in 0..<$0.count { $0[i] *= f } }
        case .float64:
            withUnsafeMutableBufferPointer(as: Double.self) { for i in 0..<$0.count { $0[i] *= factor } }
        }
    }

    /// Sets each element to `f(element)`, in place; for optimiser updates and clipping.
    public mutating func apply(_ f: (Double) -> Double) {
        for i in 0..<count { self[flat: i] = f(self[flat: i]) }
    }
}
