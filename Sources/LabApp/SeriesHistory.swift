/// Points (step, value) of one curve, kept under a cap however long the run.
///
/// Each kept point is the mean of `bucket` consecutive raw points. When the
/// cap is reached, neighbouring pairs are merged and the bucket doubles, so
/// the whole curve always has one resolution and is thinned only
/// log₂(steps / capacity) times. A bucket holding a NaN or infinity keeps
/// that value, so a divergence stays visible on the plot.
public struct SeriesHistory: Sendable, Equatable {
    private var keptSteps: [Double] = []
    private var keptValues: [Double] = []
    /// Raw points per kept point.
    public private(set) var bucket = 1
    /// The bucket being filled: sums, count, and a non-finite value if one came.
    private var pendingStep = 0.0, pendingValue = 0.0, pendingCount = 0
    private var pendingBad: Double?
    /// The newest raw point.
    public private(set) var last: (step: Double, value: Double)?
    /// Most points kept.
    public let capacity: Int

    public init(capacity: Int = 2_000) { self.capacity = max(4, capacity) }

    /// x of each point, the bucket being filled last.
    public var steps: [Double] { pendingCount > 0 ? keptSteps + [pendingStep / Double(pendingCount)] : keptSteps }
    /// y of each point.
    public var values: [Double] {
        pendingCount > 0 ? keptValues + [pendingBad ?? pendingValue / Double(pendingCount)] : keptValues
    }
    public var count: Int { keptSteps.count + (pendingCount > 0 ? 1 : 0) }
    public var isEmpty: Bool { count == 0 }

    public static func == (a: SeriesHistory, b: SeriesHistory) -> Bool {
        a.steps == b.steps && a.values.elementsEqual(b.values) { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    /// Adds a raw point.
    public mutating func append(step: Double, value: Double) {
        last = (step, value)
        pendingStep += step
        pendingCount += 1
        if value.isFinite { pendingValue += value } else if pendingBad == nil { pendingBad = value }
        guard pendingCount >= bucket else { return }
        keptSteps.append(pendingStep / Double(pendingCount))
        keptValues.append(pendingBad ?? pendingValue / Double(pendingCount))
        clearPending()
        if keptSteps.count >= capacity { thin() }
    }

    /// Drops every point after `step` (after a roll-back).
    public mutating func truncate(after step: Double) {
        clearPending()
        let keep = keptSteps.firstIndex { $0 > step } ?? keptSteps.count
        keptSteps.removeSubrange(keep...)
        keptValues.removeSubrange(keep...)
        last = keptSteps.last.map { ($0, keptValues[keptValues.count - 1]) }
    }

    public mutating func removeAll() {
        self = SeriesHistory(capacity: capacity)
    }

    private mutating func clearPending() {
        pendingStep = 0
        pendingValue = 0
        pendingCount = 0
        pendingBad = nil
    }

    /// Merges neighbouring pairs and doubles the bucket.
    private mutating func thin() {
        var s: [Double] = [], v: [Double] = []
        s.reserveCapacity(capacity)
        v.reserveCapacity(capacity)
        var i = 0
        while i + 1 < keptSteps.count {
            s.append((keptSteps[i] + keptSteps[i + 1]) / 2)
            let a = keptValues[i], b = keptValues[i + 1]
            v.append(a.isFinite && b.isFinite ? (a + b) / 2 : (a.isFinite ? b : a))
            i += 2
        }
        if i < keptSteps.count {
            s.append(keptSteps[i])
            v.append(keptValues[i])
        }
        keptSteps = s
        keptValues = v
        bucket *= 2
    }
}
