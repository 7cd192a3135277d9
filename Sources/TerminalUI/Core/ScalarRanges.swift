/// Membership in a sorted table of Unicode scalar ranges, the form the width
/// tables (``DisplayWidth``, ``AmbiguousWidth``) keep their data in.
enum ScalarRanges {
    /// Whether `v` lies in one of `ranges`: sorted, non-overlapping, inclusive
    /// (first, last) pairs. A binary search, O(log n).
    static func contains(_ v: UInt32, in ranges: [(UInt32, UInt32)]) -> Bool {
        var lo = 0
        var hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
        }
        return false
    }
}
