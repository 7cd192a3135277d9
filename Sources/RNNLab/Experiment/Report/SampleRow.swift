import LabText
/// One item of a sample: a symbol of the task's vocabulary or class names (data,
/// not prose), or a number in the data's own units.
public enum SampleItem: Sendable, Equatable {
    case symbol(String)
    /// A class name in the lab's own words ("even", "female"), or data kept verbatim.
    case word(Phrase)
    case number(Double)
}

/// A validation example, predicted against target, with each predicted item
/// judged by the task's own rule: the same class or token, or for regression an
/// error under the task's solved threshold.
public struct SampleRow: Sendable, Equatable {
    public var predicted: [SampleItem]
    public var target: [SampleItem]
    /// One per predicted item; nil where the task has no rule (regression without a threshold).
    public var correct: [Bool?]
    /// Seq2seq: the source the target was made from (its real steps); empty for other tasks.
    public var source: [SampleItem]

    public init(predicted: [SampleItem], target: [SampleItem], correct: [Bool?], source: [SampleItem] = []) {
        self.predicted = predicted
        self.target = target
        self.correct = correct
        self.source = source
    }
}
