import Dispatch
import Synchronization

/// How many threads the engine's kernels may use, and a helper that splits work.
///
/// The default is every core the machine has (2 here). `rnnlab bench` sets it to
/// 1 and 2 to compare. Results do not depend on it: work is split so that each
/// output element is computed by exactly one thread in a fixed order.
public enum Parallel {
    private static let limit = Atomic<Int>(0)

    /// Cores available to the process.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The thread limit used by kernels (at least 1).
    public static var maxThreads: Int {
        get { let n = limit.load(ordering: .relaxed); return n > 0 ? n : coreCount }
        set { limit.store(max(1, newValue), ordering: .relaxed) }
    }

    /// Runs `body(i)` for `i` in `0..<count`, on up to `threads` threads.
    @inline(__always)
    public static func forEach(_ count: Int, threads: Int = maxThreads, _ body: (Int) -> Void) {
        if count <= 1 || threads <= 1 {
            for i in 0..<count { body(i) }
        } else {
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
            }
        }
    }
}

/// Hands a value to other threads when the caller guarantees they do not race:
/// each parallel chunk writes its own part of the output.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

import Foundation
