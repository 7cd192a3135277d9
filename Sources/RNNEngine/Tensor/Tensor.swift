/// An n-dimensional array of `Float` (or `Double`, for gradient checks), row-major,
/// with value semantics: copies share memory until one of them is written to.
///
/// Shapes follow PyTorch's layouts and the letters used throughout the engine:
/// B batch, T time, I input, H hidden, V vocabulary. A sequence batch is (B, T, I).
public struct Tensor: Sendable {
    /// The extent of each dimension; the last one varies fastest.
    public internal(set) var shape: [Int]
    var storage: TensorStorage

    public var dtype: DType { storage.dtype }
    /// The number of elements.
    public var count: Int { storage.count }
    public var rank: Int { shape.count }

    /// A tensor of zeros.
    public init(zeros shape: [Int], dtype: DType = .float32) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        self.shape = shape
        storage = TensorStorage(zeros: dtype, count: shape.reduce(1, *))
    }

    /// A tensor filled with one value.
    public init(shape: [Int], repeating value: Double, dtype: DType = .float32) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        self.shape = shape
        let count = shape.reduce(1, *)
        // One pass: a value other than 0 is written straight over the new block.
        storage = value == 0 ? TensorStorage(zeros: dtype, count: count) : TensorStorage(dtype: dtype, count: count)
        if value != 0 { fill(value) }
    }

    /// A `float32` tensor from its elements in row-major order.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.reduce(1, *) == scalars.count,
                     "\(scalars.count) values do not fill shape \(shape)")
        self.init(zeros: shape, dtype: .float32)
        scalars.withUnsafeBufferPointer { src in
            storage.raw.copyMemory(from: src.baseAddress!, byteCount: src.count * 4)
        }
    }

    /// A tensor of the given type from `Double` elements in row-major order.
    public init(shape: [Int], doubles: [Double], dtype: DType = .float64) {
        precondition(shape.reduce(1, *) == doubles.count,
                     "\(doubles.count) values do not fill shape \(shape)")
        self.init(zeros: shape, dtype: dtype)
        switch dtype {
        case .float64:
            doubles.withUnsafeBufferPointer { src in
                storage.raw.copyMemory(from: src.baseAddress!, byteCount: src.count * 8)
            }
        case .float32:
            let p = storage.raw.assumingMemoryBound(to: Float.self)
            for i in doubles.indices { p[i] = Float(doubles[i]) }
        }
    }

    init(shape: [Int], storage: TensorStorage) {
        precondition(shape.reduce(1, *) == storage.count)
        self.shape = shape
        self.storage = storage
    }

    public static func zeros(_ shape: [Int], dtype: DType = .float32) -> Tensor {
        Tensor(zeros: shape, dtype: dtype)
    }

    public static func ones(_ shape: [Int], dtype: DType = .float32) -> Tensor {
        Tensor(shape: shape, repeating: 1, dtype: dtype)
    }

    /// A rank-0 tensor holding one value.
    public static func scalar(_ value: Double, dtype: DType = .float32) -> Tensor {
        Tensor(shape: [], repeating: value, dtype: dtype)
    }
}

// MARK: - Element access

extension Tensor {
    /// The elements as `Float`, in row-major order.
    public var scalars: [Float] {
        switch dtype {
        case .float32: return withUnsafeBufferPointer(as: Float.self) { Array($0) }
        case .float64: return withUnsafeBufferPointer(as: Double.self) { $0.map { Float($0) } }
        }
    }

    /// The elements as `Double`, in row-major order.
    public var doubles: [Double] {
        switch dtype {
        case .float32: return withUnsafeBufferPointer(as: Float.self) { $0.map { Double($0) } }
        case .float64: return withUnsafeBufferPointer(as: Double.self) { Array($0) }
        }
    }

    /// The single value of a one-element tensor.
    public var item: Double {
        precondition(count == 1, "item needs one element, shape is \(shape)")
        return self[flat: 0]
    }

    /// Element by its row-major position.
    public subscript(flat index: Int) -> Double {
        get {
            precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
            switch dtype {
            case .float32: return Double(storage.raw.assumingMemoryBound(to: Float.self)[index])
            case .float64: return storage.raw.assumingMemoryBound(to: Double.self)[index]
            }
        }
        set {
            precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
            makeUnique()
            switch dtype {
            case .float32: storage.raw.assumingMemoryBound(to: Float.self)[index] = Float(newValue)
            case .float64: storage.raw.assumingMemoryBound(to: Double.self)[index] = newValue
            }
        }
    }

    /// Element by its multi-index, e.g. `x[1, 2, 0]`.
    public subscript(_ index: Int...) -> Double {
        get { self[flat: flatIndex(index)] }
        set { self[flat: flatIndex(index)] = newValue }
    }

    func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == rank, "index \(index) does not match shape \(shape)")
        var flat = 0
        for (i, n) in zip(index, shape) {
            precondition(i >= 0 && i < n, "index \(index) out of range for shape \(shape)")
            flat = flat * n + i
        }
        return flat
    }

    /// Reads the elements through a typed pointer; `T` must match `dtype`.
    @inline(__always)
    public func withUnsafeBufferPointer<T: EngineScalar, R>(
        as type: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R
    ) rethrows -> R {
        precondition(T.dtype == dtype, "tensor is \(dtype), read as \(T.dtype)")
        return try body(UnsafeBufferPointer(start: storage.raw.assumingMemoryBound(to: T.self), count: count))
    }

    /// Writes the elements through a typed pointer; `T` must match `dtype`.
    @inline(__always)
    public mutating func withUnsafeMutableBufferPointer<T: EngineScalar, R>(
        as type: T.Type, _ body: (UnsafeMutableBufferPointer<T>) throws -> R
    ) rethrows -> R {
        precondition(T.dtype == dtype, "tensor is \(dtype), written as \(T.dtype)")
        makeUnique()
        return try body(UnsafeMutableBufferPointer(start: storage.raw.assumingMemoryBound(to: T.self), count: count))
    }

    /// Sets every element to `value`.
    public mutating func fill(_ value: Double) {
        switch dtype {
        case .float32: withUnsafeMutableBufferPointer(as: Float.self) { $0.update(repeating: Float(value)) }
        case .float64: withUnsafeMutableBufferPointer(as: Double.self) { $0.update(repeating: value) }
        }
    }

    /// The same values in another element type.
    public func converted(to target: DType) -> Tensor {
        if target == dtype { return self }
        switch target {
        case .float64: return Tensor(shape: shape, doubles: doubles, dtype: .float64)
        case .float32: return Tensor(shape: shape, scalars: scalars)
        }
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// True when both tensors share one block of memory (no copy was made yet).
    public func sharesStorage(with other: Tensor) -> Bool { storage === other.storage }
}

extension Tensor: Equatable {
    /// Same shape, same type and bitwise-equal values (NaN equals NaN).
    public static func == (a: Tensor, b: Tensor) -> Bool {
        a.shape == b.shape && a.dtype == b.dtype
            && (a.storage === b.storage
                || memcmp(a.storage.raw, b.storage.raw, a.count * a.dtype.size) == 0)
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let values = doubles.prefix(8).map { String(format: "%.4g", $0) }.joined(separator: ", ")
        return "Tensor(\(shape), \(dtype)) [\(values)\(count > 8 ? ", …" : "")]"
    }
}

import Foundation
