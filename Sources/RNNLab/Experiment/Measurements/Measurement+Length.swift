import LabText
import RNNEngine

extension Measurement {
    /// How many of the shortest and of the longest source lengths `accuracy_short`
    /// and `accuracy_long` pool (at `length` 20, sources of 10–12 and 18–20 steps).
    public static let lengthSpan = 3

    /// `accuracy_short`, `accuracy_long`: token accuracy on the validation rows whose
    /// source is among the `lengthSpan` shortest lengths, and among the longest
    /// (`LengthBucket.split`); `accuracy_gap`: the first minus the second. Decoded as
    /// the evaluation decodes, so the three agree with `accuracy_by_length`.
    static let accuracyByLengthSplit: Measurement = Measurement(
        yields: [MetricKind(MetricID("accuracy_short"), label: .accuracyShort, lowerIsBetter: false, range: 0...1, isFraction: true),
                 MetricKind(MetricID("accuracy_long"), label: .accuracyLong, lowerIsBetter: false, range: 0...1, isFraction: true),
                 MetricKind(MetricID("accuracy_gap"), label: .accuracyGap, lowerIsBetter: true, range: -1...1, isFraction: true)],
        unavailable: { _, task, _ in task == .regression ? Phrase(.check(.needsAccuracy)) : nil },
        compute: { e in
            guard let split = LengthBucket.split(e.accuracyByLength(), span: lengthSpan) else { return ([], nil) }
            let k = accuracyByLengthSplit.yields
            return ([Metric(k[0], split.short), Metric(k[1], split.long), Metric(k[2], split.short - split.long)], nil)
        })
}

extension LengthBucket {
    /// Token accuracy pooled over the buckets of the `span` shortest lengths that
    /// occur, and over those of the `span` longest (weighted by tokens counted); nil
    /// when fewer than 2·`span` lengths have tokens, so that the two never overlap.
    public static func split(_ buckets: [LengthBucket], span: Int) -> (short: Double, long: Double)? {
        let filled = buckets.filter { $0.counted > 0 }.sorted { $0.length < $1.length }
        guard span > 0, filled.count >= 2 * span else { return nil }
        func pooled(_ b: ArraySlice<LengthBucket>) -> Double {
            Double(b.reduce(0) { $0 + $1.correct }) / Double(b.reduce(0) { $0 + $1.counted })
        }
        return (pooled(filled.prefix(span)), pooled(filled.suffix(span)))
    }
}
