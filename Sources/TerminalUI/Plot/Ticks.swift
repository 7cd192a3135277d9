/// Where to put tick marks on an axis.
enum Ticks {
    /// "Nice" values (1, 2 or 5 times a power of ten apart) between `lo` and
    /// `hi`, at most about `maxCount` of them.
    static func linear(_ lo: Double, _ hi: Double, maxCount: Int) -> [Double] {
        guard lo.isFinite, hi.isFinite, hi > lo, maxCount >= 1 else { return lo.isFinite ? [lo] : [] }
        let raw = (hi - lo) / Double(max(1, maxCount))
        guard raw > 0, raw.isFinite else { return [lo] }
        let e = Math.decimalExponent(raw)
        let magnitude = Math.pow10(e)
        let norm = raw / magnitude * (1 - 1e-9)  // 2.0000000000000004 counts as 2
        let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude
        var ticks: [Double] = []
        var k = (lo / step).rounded(.up)
        let eps = step * 1e-9
        while k * step <= hi + eps && ticks.count < 1000 {
            let v = k * step
            ticks.append(Swift.abs(v) < eps ? 0 : v)
            k += 1
        }
        // A step just too coarse can leave one tick; try a finer one.
        if ticks.count < 2 && maxCount < 64 { return linear(lo, hi, maxCount: maxCount * 2) }
        return ticks
    }

    /// Powers of ten between `lo` and `hi` (both > 0), thinned to at most
    /// `maxCount`; falls back to linear ticks when fewer than two decades fit.
    static func logarithmic(_ lo: Double, _ hi: Double, maxCount: Int) -> [Double] {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return lo > 0 && lo.isFinite ? [lo] : [] }
        let first = Math.decimalExponent(lo) + (Math.pow10(Math.decimalExponent(lo)) < lo ? 1 : 0)
        let last = Math.decimalExponent(hi)
        if last - first + 1 < 2 { return linear(lo, hi, maxCount: maxCount) }
        let count = last - first + 1
        let stride = max(1, (count + max(1, maxCount) - 1) / max(1, maxCount))
        return Swift.stride(from: first, through: last, by: stride).map { Math.pow10($0) }
    }
}

/// Maps data values to dot positions along one axis.
struct AxisMap {
    /// Transformed ends of the axis (log10 of the values for a log axis).
    let lo: Double
    let hi: Double
    let log: Bool
    /// Number of dot positions along the axis.
    let dots: Int

    init(lo: Double, hi: Double, log: Bool, dots: Int) {
        self.log = log
        self.lo = log ? Math.log10(lo) : lo
        self.hi = log ? Math.log10(hi) : hi
        self.dots = dots
    }

    /// Whether `v` can be placed on this axis at all.
    @inline(__always) func accepts(_ v: Double) -> Bool { v.isFinite && (!log || v > 0) }

    /// Dot index counted from the low end, clamped to the axis.
    @inline(__always) func position(_ v: Double) -> Int {
        let t = log ? Math.log10(v) : v
        let span = hi - lo
        guard span > 0, dots > 1 else { return dots / 2 }
        let f = (t - lo) / span * Double(dots - 1)
        if !(f > 0) { return 0 }
        if f >= Double(dots - 1) { return dots - 1 }
        return Int(f.rounded())
    }

    /// Whether `v` lies within the axis ends.
    func contains(_ v: Double) -> Bool {
        let t = log ? Math.log10(v) : v
        let eps = Swift.abs(hi - lo) * 1e-12
        return t >= lo - eps && t <= hi + eps
    }
}
