/// A predict-then-run question: asked before the learner first runs the lesson,
/// answered by one of the lesson's checks. Front matter:
///
/// ```yaml
/// question:
///   id: hidden-one
///   prompt: With hidden = 1, what accuracy will the echo reach?
///   choices:
///     - about 25% (chance)
///     - about 35%
///     - about 60%
///   answer: 2              # the number of the choice the measurement supports
///   check: no-memory-no-echo
/// ```
public struct LessonQuestion: Sendable, Equatable {
    /// Names the question in the learner's progress; a new id asks afresh.
    public var id: String
    public var prompt: String
    /// Two to six short answers.
    public var choices: [String]
    /// Index (0-based) into ``choices`` of the answer the linked check measures.
    public var answer: Int
    /// The id of the check whose judged result answers the question.
    public var check: String
    /// The line of the block's first key in the file.
    public var line: Int

    /// The number of choices a question may have.
    public static let choiceCount = 2...6
}

/// A "common misconception" box: a belief the lesson refutes, what is true
/// instead, and the check that shows it (optional). Front matter:
///
/// ```yaml
/// misconception:
///   claim: LSTMs cannot explode.
///   truth: Only the cell-to-cell path is bounded by f ≤ 1; the gate paths carry W.
///   check: lstm-explodes   # optional
/// ```
public struct LessonMisconception: Sendable, Equatable {
    public var claim: String
    public var truth: String
    /// The id of a check of the lesson that refutes the claim, if any.
    public var check: String?
    /// The line of the block's first key in the file.
    public var line: Int
}

/// A published result the lesson quotes beside its own runs: one number from
/// elsewhere, with the size of the sample it was measured on, so the multi-seed
/// dot plot can draw it with its standard error. Front matter:
///
/// ```yaml
/// references:
///   - label: seed 001 GRUCell
///     metric: accuracy
///     value: 0.992
///     n: 128                 # optional: the number of examples it was scored on
/// ```
public struct LessonReference: Sendable, Equatable {
    /// A short name, shown as written (a source and a model name, not prose).
    public var label: String
    /// The metric id it is a value of (`accuracy`).
    public var metric: String
    public var value: Double
    /// The number of examples scored, when the value is a fraction of them.
    public var n: Int?
    /// The line of the entry in the file.
    public var line: Int

    /// The binomial standard error √(p(1 − p)/n) of a fraction p measured on n
    /// examples; nil without n.
    public var standardError: Double? {
        guard let n, n > 0 else { return nil }
        return (value * (1 - value) / Double(n)).squareRoot()
    }
}
