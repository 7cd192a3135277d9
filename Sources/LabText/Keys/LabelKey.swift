/// Metric labels: what a metric is called beside its value, in plots, panels and `rnnlab run`.
public enum LabelKey: String, CaseIterable, Sendable {
    case accuracy
    case crossEntropy
    case bitsPerChar
    case exactMatch
    case mse
    case rmse
    case mae
    case solved
    case loss
    case validationLoss
    case gradientNorm
    case gradientFirst
    case gradientLast
    case gradientRatio
    case diverged
    case clippedSteps
    case step
    case parameters
    case recurrentParameters
    case rtrlDifference
    case rtrlGrowth
    case bpttGrowth
    case rtrlMilliseconds
    case bpttMilliseconds
    case inputGateGap
    case updateGateCarrying
    case updateGateAtMarker
    case attentionOnMirror
    case attentionNearMirror
    case attentionAfterMirror
    case reached
    case reachedAt
    case runs
    /// A task metric's best baseline.
    case baselineOf
    /// A metric's greatest minus least value over the seeds of a multi-seed check.
    case spreadOf
    /// The difference between the two arms' means of a metric, without its sign.
    case gapOf
    case bpttMultiplyAdds
    case rtrlMultiplyAdds
    case rtrlMultiplyAddGrowth
    case bpttMultiplyAddGrowth
    case rtrlMultiplyAddsAt
    case bpttMultiplyAddsAt
    case memoryReadout
    case inputGateGapTop
    case accuracyShort
    case winnerShare, winnerShareUniform
    case accuracyLong
    case accuracyGap
    case recurrentSteps
    case forwardMultiplyAdds
    case dictionaryWords
    case lineUnitCorrelation
    case beamExactMatch, beamGain
    case attentionOnMonth, monthUniform
    case accuracyBeyond, beyondDrop

    public var placeholders: Set<String> {
        switch self {
        case .accuracy, .crossEntropy, .bitsPerChar, .exactMatch, .mse, .rmse, .mae, .solved, .loss, .validationLoss, .gradientNorm, .gradientFirst, .gradientLast, .gradientRatio, .diverged, .clippedSteps, .step, .parameters, .recurrentParameters, .rtrlDifference, .rtrlGrowth, .bpttGrowth, .inputGateGap, .updateGateCarrying, .updateGateAtMarker, .attentionOnMirror, .attentionNearMirror, .attentionAfterMirror, .reached, .reachedAt, .runs, .bpttMultiplyAdds, .rtrlMultiplyAdds, .rtrlMultiplyAddGrowth, .bpttMultiplyAddGrowth,
             .inputGateGapTop, .accuracyShort, .accuracyLong, .accuracyGap, .winnerShare, .winnerShareUniform, .recurrentSteps, .forwardMultiplyAdds, .lineUnitCorrelation,
             .beamExactMatch, .beamGain, .attentionOnMonth, .monthUniform, .accuracyBeyond, .beyondDrop: return []
        case .dictionaryWords: return ["temperature"]
        case .rtrlMilliseconds, .bpttMilliseconds, .rtrlMultiplyAddsAt, .bpttMultiplyAddsAt: return ["hidden"]
        case .baselineOf, .spreadOf, .gapOf: return ["label"]
        case .memoryReadout: return ["lag"]
        }
    }
}
