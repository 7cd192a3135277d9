import Foundation
import Synchronization

/// One check run headlessly on its own thread, for the lab: the same runs as
/// `rnnlab verify` (`CheckRunner`), polled for progress and the verdict, and
/// cancellable between two training steps.
public final class BackgroundCheck: @unchecked Sendable {
    /// The check's id.
    public let check: String
    /// The most steps it can take: steps × seeds × arms.
    public let stepBudget: Int
    private let state = Mutex<(steps: Int, result: CheckResult?)>((0, nil))
    private let cancelled = Atomic<Bool>(false)

    public init(_ check: LessonCheck, of lesson: Lesson, dataDirectory: DataDirectory) {
        self.check = check.id
        stepBudget = check.stepBudget
        let thread = Thread { [self] in
            let result = CheckRunner.run(check, of: lesson, dataDirectory: dataDirectory,
                                         progress: { _ in self.state.withLock { $0.steps += 1 } },
                                         isCancelled: { self.cancelled.load(ordering: .relaxed) })
            self.state.withLock { $0.result = result }
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Steps taken so far over all runs, and the verdict once there is one.
    public func poll() -> (steps: Int, result: CheckResult?) { state.withLock { $0 } }

    /// Asks the runs to stop at the next step; the verdict then says "cancelled".
    public func cancel() { cancelled.store(true, ordering: .relaxed) }
}
