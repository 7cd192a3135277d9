import Foundation
import LabText
import Synchronization

/// Many checks run headlessly at once (`rnnlab verify`): their runs are
/// trained on several threads, a run that two checks (or two arms, or two
/// seeds of a `--seeds` sweep) need identically is trained once, and the
/// results come back in the order the checks were given.
///
/// Two runs are the same run when they train on the same task with the same
/// settings once every default is filled in, seed included
/// (``ExperimentConfiguration/values``): the experiment is then the same
/// computation, whatever check asked for it (``CheckRunner/train``). Each run
/// is trained on one thread with the engine's own thread count (verify keeps
/// it at 1), so a result is the same bits whatever the number of jobs.
public final class CheckSchedule: @unchecked Sendable {
    /// One check to judge, at a seed (nil: the lesson's).
    public struct Item: Sendable {
        public var lesson: Lesson
        public var check: LessonCheck
        public var seed: Int?
        public init(lesson: Lesson, check: LessonCheck, seed: Int? = nil) {
            self.lesson = lesson
            self.check = check
            self.seed = seed
        }
    }

    /// A distinct training run and the (item, run of its plan) pairs it serves.
    struct SharedRun: Sendable {
        var task: String
        var settings: [String: SettingValue]
        var users: [(item: Int, slot: Int)]
    }

    public let items: [Item]
    let plans: [CheckPlan]
    let shared: [SharedRun]
    private let dataDirectory: DataDirectory

    private struct State {
        var next = 0
        var slots: [[Result<CheckRun.Outcome, Reason>?]]
        var seconds: [Double]
        var missing: [Int]
    }
    private let state: Mutex<State>
    private let changed = NSCondition()

    public init(_ items: [Item], dataDirectory: DataDirectory) {
        self.items = items
        self.dataDirectory = dataDirectory
        plans = items.map { CheckPlan($0.check, of: $0.lesson, seed: $0.seed) }
        var index: [String: Int] = [:]
        var shared: [SharedRun] = []
        for (i, plan) in plans.enumerated() {
            for (j, settings) in plan.runs.enumerated() {
                let key = CheckSchedule.key(task: plan.task, settings: settings)
                if let k = index[key] {
                    shared[k].users.append((i, j))
                } else {
                    index[key] = shared.count
                    shared.append(SharedRun(task: plan.task, settings: settings, users: [(i, j)]))
                }
            }
        }
        self.shared = shared
        state = Mutex(State(slots: plans.map { Array(repeating: nil, count: $0.runs.count) },
                            seconds: plans.map { _ in 0 }, missing: plans.map(\.runs.count)))
    }

    /// Training runs the items need in all, and how many of them are distinct.
    public var runCounts: (needed: Int, distinct: Int) { (plans.reduce(0) { $0 + $1.runs.count }, shared.count) }

    /// A run's identity: its task and every setting with defaults filled in;
    /// settings that do not decode keep their own (the run fails to build anyway).
    static func key(task: String, settings: [String: SettingValue]) -> String {
        let values = (try? ExperimentConfiguration(task: task, settings: settings).values) ?? settings
        return task + "\u{1}" + values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: "\u{1}")
    }

    /// Trains every run on `jobs` threads and calls `report` with each item's
    /// result, in item order, on the calling thread, as soon as that item and
    /// every item before it are decided.
    public func run(jobs: Int, report: (Int, CheckResult) -> Void) {
        for _ in 0..<max(1, min(jobs, shared.count)) {
            let thread = Thread { [self] in work() }
            thread.stackSize = 16 << 20
            thread.start()
        }
        for i in items.indices {
            changed.lock()
            while state.withLock({ $0.missing[i] > 0 }) { changed.wait() }
            changed.unlock()
            let (slots, seconds) = state.withLock { ($0.slots[i], $0.seconds[i]) }
            // Up to the first run that could not be made, as a check run alone stops there.
            var outcomes: [Result<CheckRun.Outcome, Reason>] = []
            for case let s? in slots {
                outcomes.append(s)
                if case .failure = s { break }
            }
            report(i, plans[i].result(outcomes, seconds: seconds))
        }
    }

    /// One worker: takes the next distinct run until none is left.
    private func work() {
        let clock = ContinuousClock()
        while true {
            guard let k = state.withLock({ s -> Int? in
                guard s.next < shared.count else { return nil }
                s.next += 1
                return s.next - 1
            }) else { return }
            let run = shared[k]
            let checks = run.users.map { plans[$0.item].check }
            let start = clock.now
            let result = CheckRunner.train(task: run.task, settings: run.settings, checks: checks, dataDirectory: dataDirectory)
            let d = clock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            changed.lock()
            state.withLock { s in
                for (u, user) in run.users.enumerated() {
                    switch result {
                    case .success(let outcomes): s.slots[user.item][user.slot] = .success(outcomes[u])
                    case .failure(let reason): s.slots[user.item][user.slot] = .failure(reason)
                    }
                    s.seconds[user.item] += seconds
                    s.missing[user.item] -= 1
                }
            }
            changed.broadcast()
            changed.unlock()
        }
    }
}
