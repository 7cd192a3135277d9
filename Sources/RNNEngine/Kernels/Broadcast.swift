/// NumPy-style broadcasting: shapes are aligned at their last dimension, and a
/// dimension of 1 (or a missing one) stretches to match the other operand.
/// The everyday case is a bias (H) added to every row of a (B, H) batch.
public enum BinaryOperator: String, Sendable {
    case add, subtract, multiply, divide

    @inline(__always) func apply<T: EngineScalar>(_ a: T, _ b: T) -> T {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        }
    }
}

extension Tensor {
    /// The shape of `a ∘ b` under broadcasting, or nil when they do not broadcast.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            out[i] = x == 1 ? y : x
        }
        return out
    }

    /// Element strides of a tensor of `shape` seen through the larger `outShape`:
    /// 0 on every dimension that broadcasting stretches.
    static func broadcastStrides(_ shape: [Int], to outShape: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: outShape.count)
        var step = 1
        for i in (0..<shape.count).reversed() {
            let o = i + outShape.count - shape.count
            strides[o] = shape[i] == 1 ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// `a ∘ b` elementwise with broadcasting.
    public static func elementwise(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.dtype == b.dtype, "\(op) of \(a.dtype) and \(b.dtype)")
        guard let shape = broadcastShape(a.shape, b.shape) else {
            preconditionFailure("shapes \(a.shape) and \(b.shape) do not broadcast")
        }
        switch a.dtype {
        case .float32: return elementwise(op, a, b, shape, Float.self)
        case .float64: return elementwise(op, a, b, shape, Double.self)
        }
    }

    private static func elementwise<T: EngineScalar>(
        _ op: BinaryOperator, _ a: Tensor, _ b: Tensor, _ shape: [Int], _: T.Type
    ) -> Tensor {
        // Unfilled: every path below writes each element of `shape` once.
        var out = Tensor.unfilled(shape, dtype: a.dtype)
        a.withUnsafeBufferPointer(as: T.self) { pa in
            b.withUnsafeBufferPointer(as: T.self) { pb in
                out.withUnsafeMutableBufferPointer(as: T.self) { po in
                    if a.shape == b.shape {
                        for i in 0..<po.count { po[i] = op.apply(pa[i], pb[i]) }
                    } else if b.count == 1 {
                        let y = pb[0]
                        for i in 0..<po.count { po[i] = op.apply(pa[i], y) }
                    } else if a.shape == shape, shape.count >= b.rank,
                              Array(shape.suffix(b.rank)) == b.shape {
                        // b repeats along the leading dimensions: a row-vector bias.
                        let n = b.count
                        for r in 0..<(po.count / n) {
                            for j in 0..<n { po[r * n + j] = op.apply(pa[r * n + j], pb[j]) }
                        }
                    } else {
                        let sa = broadcastStrides(a.shape, to: shape)
                        let sb = broadcastStrides(b.shape, to: shape)
                        forEachIndex(shape, sa, sb) { o, i, j in po[o] = op.apply(pa[i], pb[j]) }
                    }
                }
            }
        }
        return out
    }

    /// The sum of `self` over the dimensions that broadcasting stretched to reach
    /// its shape from `target`: the backward pass of broadcasting.
    public func reduced(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        precondition(Tensor.broadcastShape(target, shape) == shape, "cannot reduce \(shape) to \(target)")
        switch dtype {
        case .float32: return reduced(target, Float.self)
        case .float64: return reduced(target, Double.self)
        }
    }

    private func reduced<T: EngineScalar>(_ target: [Int], _: T.Type) -> Tensor {
        var out = Tensor(zeros: target, dtype: dtype)
        // A row vector stretched over leading dimensions (a bias's gradient): the
        // rows added in order as pointer loops, the odometer's order exactly.
        let kept = Array(target.drop { $0 == 1 })
        if kept.count < shape.count, Array(shape.suffix(kept.count)) == kept {
            let n = kept.reduce(1, *)
            withUnsafeBufferPointer(as: T.self) { src in
                out.withUnsafeMutableBufferPointer(as: T.self) { dst in
                    guard let s0 = src.baseAddress, let d = dst.baseAddress, n > 0 else { return }
                    for r in 0..<(src.count / n) {
                        let s = s0 + r * n
                        for j in 0..<n { d[j] += s[j] }
                    }
                }
            }
            return out
        }
        let st = Tensor.broadcastStrides(target, to: shape)
        let same = [Int](repeating: 0, count: shape.count)
        withUnsafeBufferPointer(as: T.self) { src in
            out.withUnsafeMutableBufferPointer(as: T.self) { dst in
                Tensor.forEachIndex(shape, st, same) { o, t, _ in dst[t] += src[o] }
            }
        }
        return out
    }

    /// Walks every position of `shape` in row-major order, calling
    /// `body(flat, offsetA, offsetB)` with each operand's offset from its strides.
    static func forEachIndex(_ shape: [Int], _ sa: [Int], _ sb: [Int],
                             _ body: (Int, Int, Int) -> Void) {
        let total = shape.reduce(1, *)
        guard total > 0 else { return }
        guard let last = shape.last else { body(0, 0, 0); return }
        let (la, lb) = (sa[shape.count - 1], sb[shape.count - 1])
        var index = [Int](repeating: 0, count: shape.count)
        var (ia, ib) = (0, 0)
        var flat = 0
        while flat < total {
            for k in 0..<last { body(flat + k, ia + k * la, ib + k * lb) }
            flat += last
            // Advance the odometer over the outer dimensions.
            var d = shape.count - 2
            while d >= 0 {
                index[d] += 1
                ia += sa[d]
                ib += sb[d]
                if index[d] < shape[d] { break }
                ia -= sa[d] * shape[d]
                ib -= sb[d] * shape[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}
