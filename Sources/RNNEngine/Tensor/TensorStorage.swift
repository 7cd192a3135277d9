import Foundation
import Synchronization

/// The memory behind a tensor: one 64-byte aligned block (a whole AVX-512 line),
/// shared between copies of a `Tensor` until one of them writes (copy on write).
final class TensorStorage: @unchecked Sendable {
    let dtype: DType
    let count: Int
    let raw: UnsafeMutableRawPointer
    /// The live-bytes counter of the `Allocator.countingLiveTensorBytes` scope this
    /// block was allocated in, if any: its bytes are given back when the block goes.
    private let counter: LiveTensorBytes?

    init(dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = count
        raw = UnsafeMutableRawPointer.allocate(byteCount: max(count * dtype.size, 1), alignment: 64)
        // One relaxed load when no scope is open anywhere: the usual case costs nothing more.
        counter = LiveTensorBytes.openScopes.load(ordering: .relaxed) > 0 ? LiveTensorBytes.scope : nil
        counter?.bytes.add(count * dtype.size, ordering: .relaxed)
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

    deinit {
        counter?.bytes.subtract(count * dtype.size, ordering: .relaxed)
        raw.deallocate()
    }
}

/// Bytes of tensor memory allocated inside one `Allocator.countingLiveTensorBytes`
/// scope (on its task or thread) and not yet freed, wherever they are freed.
///
/// This is what "no allocation growth" means for the engine: a training step that
/// kept a tensor alive past its end (a tape node, a cache, a history that grows)
/// shows as bytes that stay counted. Unlike the resident set, it does not move with
/// what other threads allocate, nor with glibc placing blocks at new addresses.
/// Blocks allocated on the worker pool's threads are not counted (none outlive the
/// op that made them).
public final class LiveTensorBytes: Sendable {
    let bytes = Atomic<Int>(0)

    /// Bytes counted and not yet freed.
    public var current: Int { bytes.load(ordering: .relaxed) }

    /// Scopes open in the process; while 0, allocation does not look up the scope.
    static let openScopes = Atomic<Int>(0)
    /// The counter of the innermost open scope on this task or thread.
    @TaskLocal static var scope: LiveTensorBytes?
}

extension Allocator {
    /// Runs `body` with a fresh counter of the tensor bytes allocated inside it (on
    /// this task or thread) that are still alive; `body` may read it at any point.
    public static func countingLiveTensorBytes<R>(_ body: (LiveTensorBytes) throws -> R) rethrows -> R {
        let counter = LiveTensorBytes()
        LiveTensorBytes.openScopes.add(1, ordering: .relaxed)
        defer { LiveTensorBytes.openScopes.subtract(1, ordering: .relaxed) }
        return try LiveTensorBytes.$scope.withValue(counter) { try body(counter) }
    }
}
