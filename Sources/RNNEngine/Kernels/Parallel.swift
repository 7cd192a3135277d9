import Foundation
import Synchronization

/// How many threads the engine's kernels may use, and a helper that splits work.
///
/// The default is every core the machine has (2 here). `rnnlab bench` sets it to
/// 1 and 2 to compare. Results do not depend on it: work is split so that each
/// output element is computed by exactly one thread in a fixed order.
public enum Parallel {
    private static let limit = Atomic<Int>(0)

    /// Cores available to the process (read once: on Linux each query reads /proc).
    public static var coreCount: Int { cores }
    private static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// The thread limit used by kernels (at least 1).
    public static var maxThreads: Int {
        get { let n = limit.load(ordering: .relaxed); return n > 0 ? n : coreCount }
        set { limit.store(max(1, newValue), ordering: .relaxed) }
    }

    /// Runs `body(i)` for `i` in `0..<count`, on up to `threads` threads (the caller's
    /// and pool workers). Each index runs exactly once; which thread runs it is not fixed.
    public static func forEach(_ count: Int, threads: Int = maxThreads, _ body: (Int) -> Void) {
        if count <= 1 || threads <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var start = 0
            while start < count {
                let slice = min(count - start, WorkerPool.maxJob)
                let offset = start
                WorkerPool.shared.run(slice, threads: threads) { body(offset + $0) }
                start += slice
            }
        }
    }
}

/// A pool of `coreCount − 1` worker threads for `Parallel.forEach`.
///
/// Dispatch's `concurrentPerform` took 20–70 µs on this machine to get its second
/// thread going, as long as a whole 128³ product. Here a worker spins for a while
/// (`spinTime`, 100 µs) after each job before it sleeps, so back-to-back kernels (a
/// training step) hand out work in under a microsecond. One job runs at a time: a
/// nested or concurrent `forEach` runs on its own thread, serially.
///
/// A job is published as one atomic ticket: generation (32 bits), count (16 bits)
/// and next unclaimed index (16 bits). Threads claim indices by compare-and-swap
/// on the ticket, so a worker that wakes late for an old job cannot claim an index
/// of the next one.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()
    static let maxJob = 0xFFFF
    private static let spinTime = Duration.microseconds(100)

    private let ticket = Atomic<UInt64>(0)
    private let done = Atomic<Int>(0)
    private let seats = Atomic<Int>(0)
    private let busy = Atomic<Bool>(false)
    /// The job's body; written by the owner of `busy` before the ticket is published.
    private var body: ((Int) -> Void)?
    /// Guards `generation` and `sleepers`, and wakes sleeping workers.
    private let wake = NSCondition()
    private var generation: UInt64 = 0
    private var sleepers = 0
    private var started = 0

    /// Runs `body(i)` for i in 0..<count (at most `maxJob`) on the caller and up to
    /// `threads − 1` workers; returns when all are done.
    func run(_ count: Int, threads: Int, _ body: @escaping (Int) -> Void) {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for i in 0..<count { body(i) }
            return
        }
        let helpers = min(threads, Parallel.coreCount, count) - 1
        while started < helpers {
            started += 1
            let thread = Thread { [self] in workerLoop() }
            thread.name = "RNNEngine worker \(started)"
            thread.start()
        }
        self.body = body
        done.store(0, ordering: .relaxed)
        seats.store(helpers, ordering: .relaxed)
        wake.lock()
        generation += 1
        let job = generation
        ticket.store(job << 32 | UInt64(count) << 16, ordering: .releasing)
        if sleepers > 0 { wake.broadcast() }
        wake.unlock()

        claim(job)
        // Wait for workers still running their part; yield the core if that takes
        // long (a worker preempted on a busy machine).
        var spins = 0
        while done.load(ordering: .acquiring) < count {
            spins &+= 1
            if spins > 2000 { sched_yield() }
        }
        self.body = nil
        busy.store(false, ordering: .releasing)
    }

    /// Claims and runs indices of job `job` until none are left.
    private func claim(_ job: UInt64) {
        while true {
            let t = ticket.load(ordering: .acquiring)
            let next = Int(t & 0xFFFF), count = Int(t >> 16 & 0xFFFF)
            guard t >> 32 == job, next < count else { return }
            if ticket.compareExchange(expected: t, desired: t + 1, ordering: .acquiringAndReleasing).exchanged {
                invoke(next)
                done.add(1, ordering: .releasing)
            }
        }
    }

    /// Calls the body out of line, so our reference to it is gone before `done` counts it.
    @inline(never)
    private func invoke(_ i: Int) { body!(i) }

    private func workerLoop() {
        var seen: UInt64 = 0
        let clock = ContinuousClock()
        while true {
            var deadline = clock.now + Self.spinTime
            var spins = 0
            while ticket.load(ordering: .acquiring) >> 32 == seen {
                spins &+= 1
                if spins & 255 == 0, clock.now > deadline {
                    wake.lock()
                    sleepers += 1
                    while generation == seen { wake.wait() }
                    sleepers -= 1
                    wake.unlock()
                    deadline = clock.now + Self.spinTime
                }
            }
            seen = ticket.load(ordering: .acquiring) >> 32
            if seats.subtract(1, ordering: .relaxed).newValue >= 0 { claim(seen) }
        }
    }
}

/// Hands a value to other threads when the caller guarantees they do not race:
/// each parallel chunk writes its own part of the output.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
