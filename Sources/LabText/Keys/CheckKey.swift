/// Checks: condition syntax, what `rnnlab lint` finds in a check, and what a verdict says.
public enum CheckKey: String, CaseIterable, Sendable {
    case emptyCondition
    case conditionSyntax
    case noMetric
    /// A measurement this check's settings cannot make; `reason` is the measurement's own ("needs cell lstm").
    case measurementUnavailable
    case needsUntil
    case needsVersus
    case needsSeeds
    case untilCannotName
    case unknownMetric
    /// A lint problem of one check.
    case inCheck
    /// A lint problem of one clause of a check's condition.
    case clauseInCheck
    /// A lint problem of a check's `set` or `versus`.
    case keyInCheck
    case hintInCheck
    case neverNaN
    case neverInfinite
    case neverInRange
    case alwaysInfinite
    case alwaysInRange
    case notAKnob
    case knobRefuses
    /// A verification stopped before its verdict.
    case cancelled
    case cannotBuild
    case noFinalEvaluation
    /// A value the run did not record, in a verdict.
    case missingValue
    /// "validation_loss = 0.0042 (want < 0.01)"
    case clauseValue
    /// "reached_at = 410 (want < versus_reached_at = 760)"
    case clauseValueAgainstMetric
    /// A clause over several seeds with its metric's least and greatest value.
    case clauseSpread
    /// The same with the least and greatest value of the metric on the right too.
    case clauseSpreadBoth
    /// Why a measurement does not apply (shown after the metric's name).
    case needsSimpleRNN
    case needsRCNN
    case needsOneLayer
    case needsCell
    case needsMarkers
    case needsSeq2Seq
    case needsAttention
    case needsDirectInputs
    case needsAccuracy
    case needsLanguageModel
    case needsClassification
    case needsRegression

    public var placeholders: Set<String> {
        switch self {
        case .emptyCondition, .needsVersus, .needsSeeds, .neverNaN, .neverInfinite, .alwaysInfinite, .cancelled, .missingValue, .needsSimpleRNN, .needsOneLayer, .needsMarkers, .needsSeq2Seq, .needsAttention, .needsDirectInputs, .needsAccuracy, .needsRCNN, .needsLanguageModel, .needsClassification, .needsRegression: return []
        case .conditionSyntax: return ["condition", "operators"]
        case .noMetric, .unknownMetric: return ["metrics", "name"]
        case .measurementUnavailable: return ["metric", "reason"]
        case .needsUntil: return ["name"]
        case .untilCannotName: return ["name", "names"]
        case .inCheck, .hintInCheck: return ["check", "problem"]
        case .clauseInCheck: return ["check", "clause", "problem"]
        case .keyInCheck: return ["check", "key", "problem"]
        case .neverInRange, .alwaysInRange: return ["metric", "range"]
        case .notAKnob: return ["name", "value"]
        case .knobRefuses: return ["name", "reason"]
        case .cannotBuild: return ["reason"]
        case .noFinalEvaluation: return ["step"]
        case .clauseValue: return ["metric", "op", "operand", "value"]
        case .clauseValueAgainstMetric: return ["metric", "op", "operand", "threshold", "value"]
        case .clauseSpread: return ["clause", "max", "min", "runs"]
        case .clauseSpreadBoth: return ["clause", "max", "min", "operand", "operandMax", "operandMin", "runs"]
        case .needsCell: return ["cell"]
        }
    }
}
