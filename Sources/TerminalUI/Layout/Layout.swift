/// How much of a split one part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only if the whole is too small).
    case fixed(Int)
    /// This percentage of the whole, rounded down.
    case percentage(Int)
    /// At least this many cells; parts of this kind share what is left over.
    case min(Int)
}

/// The direction of a split.
public enum SplitDirection: Hashable, Sendable {
    /// Parts side by side, left to right (splits the width).
    case across
    /// Parts stacked, top to bottom (splits the height).
    case down
}

extension Rect {
    /// Splits the rectangle into one part per constraint.
    ///
    /// Fixed and percentage parts get their size, `min` parts get their
    /// minimum and then share any space left over equally (earlier parts get
    /// the odd cells). When the whole is too small, parts are cut from the
    /// last one backwards, so every part stays inside the rectangle; parts that
    /// get nothing are empty. `spacing` cells are left between parts.
    public func split(_ direction: SplitDirection, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let n = constraints.count
        guard n > 0 else { return [] }
        let total = direction == .across ? width : height
        let gap = Swift.max(0, spacing)
        var sizes = constraints.map { c -> Int in
            switch c {
            case .fixed(let v): return Swift.max(0, v)
            case .percentage(let p): return Swift.max(0, total * Swift.min(100, Swift.max(0, p)) / 100)
            case .min(let v): return Swift.max(0, v)
            }
        }
        let gaps = gap * (n - 1)
        var spare = total - gaps - sizes.reduce(0, +)
        let flexible = constraints.indices.filter { if case .min = constraints[$0] { return true } else { return false } }
        if spare > 0 && !flexible.isEmpty {
            let share = spare / flexible.count
            var extra = spare % flexible.count
            for i in flexible {
                sizes[i] += share + (extra > 0 ? 1 : 0)
                if extra > 0 { extra -= 1 }
            }
            spare = 0
        }
        // Too little room: shrink from the end.
        var excess = sizes.reduce(0, +) + gaps - total
        var i = n - 1
        while excess > 0 && i >= 0 {
            let cut = Swift.min(sizes[i], excess)
            sizes[i] -= cut
            excess -= cut
            i -= 1
        }
        var parts: [Rect] = []
        var offset = 0
        for size in sizes {
            let start = Swift.min(offset, total)
            let length = Swift.max(0, Swift.min(size, total - start))
            switch direction {
            case .across: parts.append(Rect(x: x + start, y: y, width: length, height: height))
            case .down: parts.append(Rect(x: x, y: y + start, width: width, height: length))
            }
            offset = start + length + gap
        }
        return parts
    }
}
