import Foundation
import RNNEngine

/// A run as a file (`rnnlab run --record`, the lab's `W`): the lesson, the
/// settings it started from, every change made while it trained with the step
/// after which it was made, and a fingerprint of where it ended. `rnnlab replay`
/// trains it again and compares the fingerprint, so "the same run" is checked,
/// not assumed. Bit-for-bit on the same machine with the same thread count
/// (kernels split work across threads without changing sums, but a different CPU
/// may round differently).
public struct RunRecord: Equatable, Sendable {
    /// What happened between two steps.
    public enum Event: Equatable, Sendable {
        /// A setting changed (a live knob, or one that rebuilt the model from the seed).
        case set(name: String, value: SettingValue)
        /// The model went back to its last good evaluation (after a divergence).
        case rollBack
        /// The same, with the learning rate divided by 10.
        case rollBackLowerRate
    }

    /// An event and the number of steps taken before it.
    public struct Change: Equatable, Sendable {
        public var afterStep: Int
        public var event: Event
        public init(afterStep: Int, event: Event) { self.afterStep = afterStep; self.event = event }
    }

    /// Where a run ended: its step, last loss and a hash of every parameter's bits.
    public struct Ending: Equatable, Sendable {
        public var step: Int
        public var loss: Double
        public var parameters: UInt64
        public init(step: Int, loss: Double, parameters: UInt64) { self.step = step; self.loss = loss; self.parameters = parameters }
    }

    public static let format = "rnnlab-run-1"

    public var lesson: String
    public var task: String
    /// Every setting at the start, with its value.
    public var settings: [String: SettingValue]
    public var changes: [Change]
    /// Training steps taken in all (a rebuild restarts the step counter, not this).
    public var steps: Int
    /// The kernels' thread count when it was recorded.
    public var threads: Int
    public var ending: Ending?

    public init(lesson: String, task: String, settings: [String: SettingValue], changes: [Change] = [],
                steps: Int = 0, threads: Int = Parallel.maxThreads, ending: Ending? = nil) {
        self.lesson = lesson
        self.task = task
        self.settings = settings
        self.changes = changes
        self.steps = steps
        self.threads = threads
        self.ending = ending
    }

    /// FNV-1a over the parameters' names and the bits of their values, in the model's order.
    public static func fingerprint(_ experiment: Experiment) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for (name, parameter) in experiment.model.namedParameters {
            for b in name.utf8 { mix(b) }
            for v in parameter.value.scalars { var bits = v.bitPattern; for _ in 0..<4 { mix(UInt8(bits & 0xff)); bits >>= 8 } }
        }
        return hash
    }

    /// The `rnnlab run` command that starts this run (its changes aside), with the
    /// settings that differ from the lesson's.
    public func command(lessonSettings: [String: SettingValue]) -> String {
        let differing = settings.keys.sorted().filter { settings[$0] != lessonSettings[$0] }
        return (["rnnlab run \(lesson) --steps \(max(steps, 1))"] + differing.map { "--set \($0)=\(settings[$0]!)" })
            .joined(separator: " ")
    }
}
