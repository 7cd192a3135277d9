/// The teaching parts of a lesson: the predict-then-run question and the
/// "common misconception" box, on the lesson screen, and the problems
/// `rnnlab lint` reports in their front-matter blocks.
public enum TeachKey: String, CaseIterable, Sendable {
    // The question, in its window on the lesson screen.
    case questionTitle
    /// Above the choices, before the learner has answered.
    case questionAsk
    /// A choice, numbered: "1. about 35%".
    case questionChoice
    /// Beside the choice the learner picked.
    case questionYours
    /// Once the linked check is judged.
    case questionMeasured
    case questionLessonAnswer
    case questionRight
    case questionWrong
    /// Before the linked check is judged.
    case questionWaiting
    /// The window's key hints.
    case questionHintChoose
    case questionHintAnswer
    case questionHintLater
    case questionHintClose
    /// In the check's detail, beside its measured result.
    case predictionBeside
    /// Status line after an answer.
    case answerSaved
    /// Status line when the lesson has no question.
    case noQuestion
    /// The key bar's name for the question key.
    case hintPredict
    // The misconception box, after the first prose page.
    case misconceptionTitle
    case misconceptionClaim
    case misconceptionTruth
    case misconceptionCheck
    // Problems in the front-matter blocks.
    case tooFewChoices
    case badAnswer
    case unknownCheck
    case badQuestionId
    /// A `references:` entry with `n` whose value is not a fraction.
    case referenceNotFraction
    /// A `references:` entry whose `n` is not a whole number of at least 1.
    case referenceBadCount
    /// The dot plot's key for a quoted result: "seed 001 GRUCell 0.992 ± 0.008 (n = 128)".
    case referenceWithError
    case referenceValue
}

extension TeachKey {
    public var placeholders: Set<String> {
        switch self {
        case .questionChoice: return ["number", "choice"]
        case .questionMeasured: return ["detail"]
        case .questionLessonAnswer: return ["choice"]
        case .predictionBeside: return ["choice", "answer"]
        case .answerSaved: return ["choice"]
        case .misconceptionClaim: return ["claim"]
        case .misconceptionTruth: return ["truth"]
        case .misconceptionCheck: return ["check"]
        case .tooFewChoices: return ["count", "least", "most"]
        case .badAnswer: return ["value", "count"]
        case .unknownCheck: return ["id", "checks"]
        case .badQuestionId: return ["id", "character"]
        case .referenceNotFraction: return ["value"]
        case .referenceBadCount: return ["value"]
        case .referenceWithError: return ["label", "value", "error", "n"]
        case .referenceValue: return ["label", "value"]
        default: return []
        }
    }
}
