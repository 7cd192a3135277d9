/// Sums, means and norms.
extension Tensor {
    /// The sum of all elements (accumulated in Double).
    ///
    /// float64 adds the elements in order. float32 adds them into eight Double
    /// partial sums (element i into sum i mod 8), then the eight in order: eight
    /// independent chains instead of one, which the additions' latency made the
    /// slowest part of a `sum()` loss over a large output. The Double result can
    /// differ from the one-chain sum in its last bits; rounded to Float (as a
    /// float32 `Variable.sum()` is) it is the same unless the Double sum falls that
    /// close to the midpoint between two floats. Gradients never depend on it.
    public func sum() -> Double {
        switch dtype {
        case .float32: return withUnsafeBufferPointer(as: Float.self) { Self.eightChainSum($0) }
        case .float64: return withUnsafeBufferPointer(as: Double.self) { $0.reduce(0.0, +) }
        }
    }

    private static func eightChainSum(_ x: UnsafeBufferPointer<Float>) -> Double {
        guard let p = x.baseAddress else { return 0 }
        var (s0, s1, s2, s3, s4, s5, s6, s7) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        var i = 0
        while i + 8 <= x.count {
            s0 += Double(p[i]); s1 += Double(p[i + 1]); s2 += Double(p[i + 2]); s3 += Double(p[i + 3])
            s4 += Double(p[i + 4]); s5 += Double(p[i + 5]); s6 += Double(p[i + 6]); s7 += Double(p[i + 7])
            i += 8
        }
        var tail = 0.0
        while i < x.count { tail += Double(p[i]); i += 1 }
        return ((((((((s0 + s1) + s2) + s3) + s4) + s5) + s6) + s7) + tail)
    }

    /// The sum of squares of all elements (accumulated in Double).
    public func sumOfSquares() -> Double {
        switch dtype {
        case .float32: return withUnsafeBufferPointer(as: Float.self) { $0.reduce(0.0) { $0 + Double($1) * Double($1) } }
        case .float64: return withUnsafeBufferPointer(as: Double.self) { $0.reduce(0.0) { $0 + $1 * $1 } }
        }
    }

    /// The Euclidean (Frobenius) norm.
    public func norm() -> Double { sumOfSquares().squareRoot() }

    /// The largest |element|, NaN if any element is NaN.
    public func maxAbs() -> Double {
        var m = 0.0
        for v in doubles { if v.isNaN { return .nan }; m = max(m, abs(v)) }
        return m
    }

    /// True when no element is NaN or infinite.
    public var isFinite: Bool { sumOfSquares().isFinite }

    /// Sums over `axis`, removing it: (B, T, H).sum(axis: 1) is (B, H).
    public func sum(axis: Int) -> Tensor {
        let (outer, extent, inner) = around(axis: axis)
        var shape = self.shape
        shape.remove(at: axis)
        var out = Tensor(zeros: shape, dtype: dtype)
        switch dtype {
        case .float32: sumAxis(&out, outer, extent, inner, Float.self)
        case .float64: sumAxis(&out, outer, extent, inner, Double.self)
        }
        return out
    }

    private func sumAxis<T: EngineScalar>(_ out: inout Tensor, _ outer: Int, _ extent: Int, _ inner: Int, _: T.Type) {
        // Rows added in order into each output element (0 + row 0 + row 1 + …), as
        // plain pointer loops over whole rows, which the compiler vectorises.
        withUnsafeBufferPointer(as: T.self) { src in
            out.withUnsafeMutableBufferPointer(as: T.self) { dst in
                guard let s0 = src.baseAddress, let d0 = dst.baseAddress else { return }
                for o in 0..<outer {
                    let d = d0 + o * inner
                    for e in 0..<extent {
                        let s = s0 + (o * extent + e) * inner
                        for i in 0..<inner { d[i] += s[i] }
                    }
                }
            }
        }
    }

    /// Repeats `self` along a new `axis` of the given extent: the reverse of `sum(axis:)`'s shape change.
    public func expanded(axis: Int, extent: Int) -> Tensor {
        var shape = self.shape
        shape.insert(1, at: axis)
        return Tensor.concat(Array(repeating: reshaped(shape), count: extent), axis: axis)
    }
}
