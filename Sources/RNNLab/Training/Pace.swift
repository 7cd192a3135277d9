/// How fast the trainer steps: as fast as it can, or at most a number of
/// steps per second, so a learner can watch a curve that would otherwise be
/// finished before the first frame. The pace changes when steps happen, never
/// what they compute: a run at 2 steps/s and one at full speed are the same run.
public struct Pace: Sendable, Equatable {
    /// The limit in steps per second; nil runs at full speed.
    public var stepsPerSecond: Double?

    public init(stepsPerSecond: Double? = nil) {
        precondition(stepsPerSecond.map { $0 > 0 } ?? true, "a pace limit is a positive rate")
        self.stepsPerSecond = stepsPerSecond
    }

    public static let full = Pace()

    /// The paces `+` and `-` move between, slowest first; full speed last.
    public static let ladder: [Pace] = [1, 2, 5, 10, 20, 50, 100, 200, 500].map { Pace(stepsPerSecond: $0) } + [.full]

    /// Seconds to wait before the next step when `elapsed` seconds have passed
    /// since the last one began: zero at full speed or when it is already due.
    public func delay(afterElapsed elapsed: Double) -> Double {
        guard let rate = stepsPerSecond else { return 0 }
        return max(0, 1 / rate - elapsed)
    }

    /// The next pace up the ladder (`by: 1`) or down it (`by: -1`), stopping
    /// at either end. A pace not on the ladder moves to the nearest rung in that direction.
    public func moved(by direction: Int) -> Pace {
        let ladder = Pace.ladder
        let rank: (Pace) -> Double = { $0.stepsPerSecond ?? .infinity }
        let here = rank(self)
        if direction > 0 {
            return ladder.first { rank($0) > here } ?? .full
        } else {
            return ladder.last { rank($0) < here } ?? ladder[0]
        }
    }
}
