import LabText

extension LinePlot {
    /// The entries of a one-row legend `width` columns wide, in series order,
    /// each with the name it shows. Every entry with its full name when they
    /// all fit; else with short names (``PlotSeries/shortName``) where given;
    /// else ranked entries (``PlotSeries/legendRank``) leave, highest rank
    /// first (the later series of equal rank first), until the rest fit. What
    /// still does not fit is cut at the edge when drawn.
    /// Without `unicode` names are measured as the buffer writes them (spelled out).
    func fittedLegend(width: Int, skipped: [Int], unicode: Bool = true) -> [(index: Int, name: String)] {
        let measure = { (name: String) -> Int in (unicode ? name : ASCIIFallback.text(for: name)).displayWidth }
        let full = series.indices.map { (index: $0, name: series[$0].name) }
        if legendWidth(full, skipped: skipped, measure: measure) <= width { return full }
        var short = series.indices.map { i -> (index: Int, name: String) in
            let s = series[i]
            guard let shortName = s.shortName, measure(shortName) < measure(s.name) else { return (i, s.name) }
            return (i, shortName)
        }
        let leaving = series.indices.filter { series[$0].legendRank != nil }
            .sorted { (series[$0].legendRank!, $0) > (series[$1].legendRank!, $1) }
        for i in leaving where legendWidth(short, skipped: skipped, measure: measure) > width {
            short.removeAll { $0.index == i }
        }
        return short
    }

    /// Columns a one-row legend of these entries takes: "━━ name" and the
    /// skipped count of each, two columns between entries.
    func legendWidth(_ entries: [(index: Int, name: String)], skipped: [Int], measure: (String) -> Int) -> Int {
        let skipText = { (i: Int) -> Int in
            i < skipped.count && skipped[i] > 0 ? language(.common(.plotSkipped), ["count": .integer(skipped[i])]).displayWidth : 0
        }
        return entries.reduce(0) { $0 + 3 + measure($1.name) + skipText($1.index) } + 2 * max(0, entries.count - 1)
    }
}
