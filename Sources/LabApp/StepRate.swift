/// Steps per second, measured over the last few seconds of ticks.
public struct StepRate: Sendable, Equatable {
    /// (time, step) samples, oldest first, within ``window`` seconds.
    private var samples: [(time: Double, step: Int)] = []
    public var window = 3.0

    public init() {}

    /// Records that `step` was reached by time `seconds`.
    public mutating func record(step: Int, at seconds: Double) {
        if let last = samples.last, step < last.step { samples.removeAll() }  // reset or roll-back
        samples.append((seconds, step))
        while let first = samples.first, seconds - first.time > window, samples.count > 2 { samples.removeFirst() }
    }

    /// Steps per second over the window, or nil with too few samples.
    public var perSecond: Double? {
        guard let first = samples.first, let last = samples.last, last.time - first.time >= 0.5 else { return nil }
        return Double(last.step - first.step) / (last.time - first.time)
    }

    public mutating func reset() { samples.removeAll() }

    public static func == (a: StepRate, b: StepRate) -> Bool {
        a.samples.map(\.step) == b.samples.map(\.step) && a.samples.map(\.time) == b.samples.map(\.time)
    }
}
