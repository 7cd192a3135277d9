import Foundation

/// One tensor of a safetensors file: a float tensor of the engine (`F32` or
/// `F64`), or a 64-bit integer array (`I64`: step counters, token ids).
public enum SafeTensor: Equatable, Sendable {
    case float(Tensor)
    case int64(shape: [Int], values: [Int64])

    /// The extent of each dimension; `[]` for a scalar.
    public var shape: [Int] {
        switch self {
        case .float(let t): return t.shape
        case .int64(let shape, _): return shape
        }
    }

    /// The element type as written in the header.
    public var dtype: SafetensorsDType {
        switch self {
        case .float(let t): return SafetensorsDType(t.dtype)
        case .int64: return .I64
        }
    }

    /// The float tensor, or nil for an integer tensor.
    public var floatTensor: Tensor? {
        if case .float(let t) = self { return t }
        return nil
    }

    /// The number of data bytes.
    var byteCount: Int {
        switch self {
        case .float(let t): return t.count * t.dtype.size
        case .int64(_, let values): return values.count * 8
        }
    }

    /// Refuses what cannot be written: integer values that do not fill the shape.
    func validateForWriting(name: String) throws(SafetensorsError) {
        if case .int64(let shape, let values) = self {
            guard shape.allSatisfy({ $0 >= 0 }), SafetensorsHeader.elementCount(shape) == values.count else {
                throw .valueCountMismatch(tensor: name, shape: shape, count: values.count)
            }
        }
    }

    /// Calls `body` with the elements as little-endian bytes (no copy on a
    /// little-endian machine).
    func withLittleEndianBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .float(let t) where t.dtype == .float32:
            #if _endian(little)
            return try t.withUnsafeBufferPointer(as: Float.self) { try body(UnsafeRawBufferPointer($0)) }
            #else
            let words = t.withUnsafeBufferPointer(as: Float.self) { $0.map { $0.bitPattern.littleEndian } }
            return try words.withUnsafeBytes(body)
            #endif
        case .float(let t):
            #if _endian(little)
            return try t.withUnsafeBufferPointer(as: Double.self) { try body(UnsafeRawBufferPointer($0)) }
            #else
            let words = t.withUnsafeBufferPointer(as: Double.self) { $0.map { $0.bitPattern.littleEndian } }
            return try words.withUnsafeBytes(body)
            #endif
        case .int64(_, let values):
            #if _endian(little)
            return try values.withUnsafeBytes(body)
            #else
            return try values.map { $0.littleEndian }.withUnsafeBytes(body)
            #endif
        }
    }

    /// Builds a tensor from its little-endian bytes, whose count has already been
    /// checked against the shape. Returns nil for a type the engine does not hold.
    static func fromLittleEndian(
        _ bytes: UnsafeRawBufferPointer, dtype: SafetensorsDType, shape: [Int]
    ) -> SafeTensor? {
        switch dtype {
        case .F32:
            var t = Tensor(zeros: shape, dtype: .float32)
            t.withUnsafeMutableBufferPointer(as: Float.self) {
                copyLittleEndian(bytes, to: UnsafeMutableRawBufferPointer($0), word: UInt32.self)
            }
            return .float(t)
        case .F64:
            var t = Tensor(zeros: shape, dtype: .float64)
            t.withUnsafeMutableBufferPointer(as: Double.self) {
                copyLittleEndian(bytes, to: UnsafeMutableRawBufferPointer($0), word: UInt64.self)
            }
            return .float(t)
        case .I64:
            let values = [Int64](unsafeUninitializedCapacity: bytes.count / 8) { out, initialized in
                copyLittleEndian(bytes, to: UnsafeMutableRawBufferPointer(out), word: UInt64.self)
                initialized = bytes.count / 8
            }
            return .int64(shape: shape, values: values)
        default:
            return nil
        }
    }
}

/// Copies little-endian words of type `W` into native order (a plain copy on a
/// little-endian machine). `source` and `destination` have the same byte count.
private func copyLittleEndian<W: FixedWidthInteger>(
    _ source: UnsafeRawBufferPointer, to destination: UnsafeMutableRawBufferPointer, word: W.Type
) {
    precondition(source.count == destination.count)
    guard !source.isEmpty else { return }
    #if _endian(little)
    destination.copyMemory(from: source)
    #else
    let size = MemoryLayout<W>.size
    for i in 0..<(source.count / size) {
        let w = W(littleEndian: source.loadUnaligned(fromByteOffset: i * size, as: W.self))
        destination.storeBytes(of: w, toByteOffset: i * size, as: W.self)
    }
    #endif
}
