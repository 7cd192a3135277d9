/// The memory behind a tensor: one 64-byte aligned block (a whole AVX-512 line),
/// shared between copies of a `Tensor` until one of them writes (copy on write).
final class TensorStorage: @unchecked Sendable {
    let dtype: DType
    let count: Int
    let raw: UnsafeMutableRawPointer

    init(dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = count
        raw = UnsafeMutableRawPointer.allocate(byteCount: max(count * dtype.size, 1), alignment: 64)
    }

    /// A zero-filled block.
    convenience init(zeros dtype: DType, count: Int) {
        self.init(dtype: dtype, count: count)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: count * dtype.size)
    }

    func copy() -> TensorStorage {
        let other = TensorStorage(dtype: dtype, count: count)
        other.raw.copyMemory(from: raw, byteCount: count * dtype.size)
        return other
    }

    deinit { raw.deallocate() }
}
