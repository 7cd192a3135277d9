/// Reshape, transpose, slice and concatenate on the tape: they only move values,
/// so their backward moves the gradient back the same way.
extension Variable {
    public func reshaped(_ shape: [Int]) -> Variable {
        let original = self.shape
        return Variable(value.reshaped(shape), parents: [self]) { g in
            self.accumulate(g.reshaped(original))
        }
    }

    /// The transpose of a matrix.
    public func transposed() -> Variable {
        Variable(value.transposed(), parents: [self]) { g in self.accumulate(g.transposed()) }
    }

    /// Elements `range` along `axis` (0: batch, 1: time for (B, T, I)).
    public func slice(axis: Int, _ range: Range<Int>) -> Variable {
        let extent = shape[axis]
        return Variable(value.slice(axis: axis, range), parents: [self]) { g in
            var parts: [Tensor] = []
            var padShape = g.shape
            if range.lowerBound > 0 {
                padShape[axis] = range.lowerBound
                parts.append(Tensor(zeros: padShape, dtype: g.dtype))
            }
            parts.append(g)
            if range.upperBound < extent {
                padShape[axis] = extent - range.upperBound
                parts.append(Tensor(zeros: padShape, dtype: g.dtype))
            }
            self.accumulate(Tensor.concat(parts, axis: axis))
        }
    }

    /// Joins variables along `axis`.
    public static func concat(_ parts: [Variable], axis: Int) -> Variable {
        let sizes = parts.map { $0.shape[axis] }
        return Variable(Tensor.concat(parts.map(\.value), axis: axis), parents: parts) { g in
            for (p, piece) in zip(parts, g.split(axis: axis, sizes: sizes)) where p.requiresGrad {
                p.accumulate(piece)
            }
        }
    }
}

extension Variable {
    /// One index along `axis`, that axis removed: `h.select(axis: 1, t)` is step t of (B, T, H).
    public func select(axis: Int, _ index: Int) -> Variable {
        var shape = self.shape
        shape.remove(at: axis)
        return slice(axis: axis, index..<(index + 1)).reshaped(shape)
    }

    /// Equal-shaped variables stacked along a new axis.
    public static func stack(_ parts: [Variable], axis: Int) -> Variable {
        var shape = parts[0].shape
        shape.insert(1, at: axis)
        return concat(parts.map { $0.reshaped(shape) }, axis: axis)
    }

    /// The order along `axis` reversed (time, for Keras' `go_backwards` outputs).
    public func reversed(axis: Int) -> Variable {
        let n = shape[axis]
        return Variable.concat((0..<n).reversed().map { slice(axis: axis, $0..<($0 + 1)) }, axis: axis)
    }
}
