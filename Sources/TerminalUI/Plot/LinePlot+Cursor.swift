extension LinePlot {
    /// The cells the plot's dots fill inside `area`, as ``render(in:buffer:)``
    /// lays them out (below the legend, right of the y labels, above the x
    /// axis); nil when there is no room for a dot.
    public func plotArea(in area: Rect) -> Rect? {
        let plot = geometry(in: area, yRange: fittedRanges().y).plot
        return plot.isEmpty ? nil : plot
    }

    /// The x value (a step) that column `column` of ``plotArea(in:)`` stands
    /// for: the middle of the dots it holds, as the x axis places them
    /// (`braille`: two dots a cell, as on a Unicode terminal; else one).
    public func step(atColumn column: Int, in area: Rect, braille: Bool = true) -> Double? {
        guard let plot = plotArea(in: area), (0..<plot.width).contains(column) else { return nil }
        let (lo, hi) = fittedRanges().x
        let sub = braille ? 2 : 1
        let dots = plot.width * sub
        guard dots > 1, hi > lo else { return lo }
        let middle = Double(column * sub) + Double(sub - 1) / 2
        return lo + middle / Double(dots - 1) * (hi - lo)
    }

    /// For each series, its point nearest to x = `step` (by x), or nil for a
    /// series with no point: what a cursor at that step reads.
    public func nearestPoints(to step: Double) -> [(name: String, step: Double, value: Double)?] {
        series.map { s in
            guard s.count > 0 else { return nil }
            var best = 0
            for i in 1..<max(1, s.count) where abs(s.step(i) - step) < abs(s.step(best) - step) { best = i }
            return (s.name, s.step(best), s.values[best])
        }
    }
}
