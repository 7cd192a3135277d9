import LabText
import Foundation
import RNNEngine

extension Measurement {
    /// `winner_share`: over the first validation batch of an RCNN, the mean fraction of
    /// a row's real positions that win at least one of the C max-pooled features;
    /// `winner_share_uniform`: the same fraction expected if each feature's winner
    /// were drawn uniformly from the row's L positions, 1 − (1 − 1/L)^C, averaged
    /// over the same rows. The first below the second means the winners concentrate.
    static let maxPoolWinners: Measurement = Measurement(
        yields: [MetricKind(MetricID("winner_share"), label: .winnerShare, lowerIsBetter: true, range: 0...1, isFraction: true),
                 MetricKind(MetricID("winner_share_uniform"), label: .winnerShareUniform, lowerIsBetter: true, range: 0...1, isFraction: true)],
        unavailable: { s, _, _ in s["architecture"]?.choice == ClassifierArchitecture.rcnn.rawValue ? nil : Phrase(.check(.needsRCNN)) },
        compute: { e in
            guard let shares = e.maxPoolWinnerShares() else { return ([], nil) }
            let k = maxPoolWinners.yields
            return ([Metric(k[0], shares.observed), Metric(k[1], shares.uniform)], nil)
        })
}

extension Experiment {
    /// The RCNN's per-position features (T, C) and max-pool winners for each row of
    /// the first validation batch; nil for another model.
    func maxPoolWinnerRows() -> [(length: Int, features: [Double], winners: [Int])]? {
        guard let model = model as? RCNNModel, let batch = validation.first else { return nil }
        let features = withNoGrad { model.positions(batch).value.doubles }
        let (T, C) = (batch.steps, features.count / max(batch.batchSize * batch.steps, 1))
        return (0..<batch.batchSize).map { b in
            let row = Array(features[(b * T * C)..<((b + 1) * T * C)])
            return (batch.lengths[b], row, MaxPoolWinners.winners(row, steps: T, channels: C, length: batch.lengths[b]))
        }
    }

    /// (observed, uniform) as `winner_share` and `winner_share_uniform` define them.
    func maxPoolWinnerShares() -> (observed: Double, uniform: Double)? {
        guard let rows = maxPoolWinnerRows(), !rows.isEmpty else { return nil }
        let n = Double(rows.count)
        let observed = rows.reduce(0) { $0 + MaxPoolWinners.share($1.winners, length: $1.length) } / n
        let uniform = rows.reduce(0) { r, row in
            row.length > 0 ? r + 1 - pow(1 - 1 / Double(row.length), Double(row.winners.count)) : r
        } / n
        return (observed, uniform)
    }
}
