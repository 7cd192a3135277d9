import LabText
/// The stable name of a number a run yields: a task's metric (`accuracy`,
/// `cross_entropy`), a run metric (`validation_loss`, `grad_ratio`) or a
/// measurement (`rtrl_difference`). Checks, `RunMetrics`, baselines
/// (`baseline_<id>`) and every comparison use the id; the label ("cross-entropy",
/// "exact match") is only for display and may change or be translated.
///
/// An id is snake_case: a lower-case letter, then lower-case letters, digits and `_`.
public struct MetricID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil when `rawValue` is not snake_case.
    public init?(rawValue: String) {
        guard MetricID.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// For ids written in the source; `raw` must be snake_case.
    public init(_ raw: String) {
        precondition(MetricID.isValid(raw), "metric id \"\(raw)\" is not snake_case")
        rawValue = raw
    }

    public static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    public var description: String { rawValue }
    public static func < (a: MetricID, b: MetricID) -> Bool { a.rawValue < b.rawValue }

    // The task metrics (`Scoring`).
    public static let accuracy = MetricID("accuracy")
    public static let crossEntropy = MetricID("cross_entropy")
    public static let bitsPerChar = MetricID("bits_per_char")
    public static let exactMatch = MetricID("exact_match")
    public static let mse = MetricID("mse")
    public static let rmse = MetricID("rmse")
    public static let mae = MetricID("mae")
    public static let solved = MetricID("solved")

    /// `baseline_<id>`: the best baseline's value of this metric, in `RunMetrics`.
    public var baseline: String { "baseline_" + rawValue }
}

/// What a metric is, apart from its value: its id, the label shown, which way is
/// better, and the values it can take (a fraction lies in 0…1), so `rnnlab lint`
/// can refuse a threshold it can never cross.
public struct MetricKind: Sendable, Equatable {
    public var id: MetricID
    /// The label shown, in any language.
    public var labelPhrase: Phrase
    /// The label in English.
    public var label: String { Language.english.render(labelPhrase) }
    public var lowerIsBetter: Bool
    /// The values the metric can take (finite ones; NaN is never a value, see `Scoring`).
    public var range: ClosedRange<Double>
    /// A share of examples, shown in percent and plotted on 0…1.
    public var isFraction: Bool

    public init(_ id: MetricID, label: Phrase, lowerIsBetter: Bool, range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                isFraction: Bool = false) {
        self.id = id
        self.labelPhrase = label
        self.lowerIsBetter = lowerIsBetter
        self.range = range
        self.isFraction = isFraction
    }

    /// A label of the catalogue's `LabelKey` group.
    public init(_ id: MetricID, label: LabelKey, lowerIsBetter: Bool, range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                isFraction: Bool = false) {
        self.init(id, label: Phrase(.label(label)), lowerIsBetter: lowerIsBetter, range: range, isFraction: isFraction)
    }

    @available(*, deprecated, message: "give the label a key in LabText (LabelKey)")
    public init(_ id: MetricID, label: String, lowerIsBetter: Bool, range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                isFraction: Bool = false) {
        self.init(id, label: Phrase.verbatim(label), lowerIsBetter: lowerIsBetter, range: range, isFraction: isFraction)
    }

    static let nonNegative = 0...Double.greatestFiniteMagnitude

    public static let accuracy = MetricKind(.accuracy, label: .accuracy, lowerIsBetter: false, range: 0...1, isFraction: true)
    public static let crossEntropy = MetricKind(.crossEntropy, label: .crossEntropy, lowerIsBetter: true, range: nonNegative)
    public static let bitsPerChar = MetricKind(.bitsPerChar, label: .bitsPerChar, lowerIsBetter: true, range: nonNegative)
    public static let exactMatch = MetricKind(.exactMatch, label: .exactMatch, lowerIsBetter: false, range: 0...1, isFraction: true)
    public static let mse = MetricKind(.mse, label: .mse, lowerIsBetter: true, range: nonNegative)
    public static let rmse = MetricKind(.rmse, label: .rmse, lowerIsBetter: true, range: nonNegative)
    public static let mae = MetricKind(.mae, label: .mae, lowerIsBetter: true, range: nonNegative)
    public static let solved = MetricKind(.solved, label: .solved, lowerIsBetter: false, range: 0...1, isFraction: true)

    /// Every metric a task can score.
    public static let taskMetrics: [MetricKind] = [.accuracy, .crossEntropy, .bitsPerChar, .exactMatch, .mse, .rmse, .mae, .solved]
}
