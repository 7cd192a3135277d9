import LabText

/// One score of a model or baseline on a split: what it is (`kind`: its id,
/// label and direction) and its value.
public struct Metric: Sendable, Equatable, CustomStringConvertible {
    public var kind: MetricKind
    public var value: Double

    public init(_ kind: MetricKind, _ value: Double) {
        self.kind = kind
        self.value = value
    }

    /// The stable key: what checks, `RunMetrics` and comparisons use.
    public var id: MetricID { kind.id }
    /// For display only: "MSE", "cross-entropy", "exact match", …
    public var label: String { kind.label }
    public var lowerIsBetter: Bool { kind.lowerIsBetter }
    /// A share of examples, shown in percent and plotted on 0…1.
    public var isFraction: Bool { kind.isFraction }

    @available(*, deprecated, renamed: "label", message: "compare metrics by `id`; `label` is for display")
    public var name: String { label }

    /// "accuracy 95.0%", "mse 0.0123": the label and the value, as a message.
    public var phrase: Phrase {
        isFraction ? Phrase(.run(.metricPercent), ["label": .phrase(kind.labelPhrase), "value": .text(Metric.format(value * 100, digits: 1))])
            : Phrase(.run(.metric), ["label": .phrase(kind.labelPhrase), "value": .text(Metric.format(value, digits: 4))])
    }

    public var description: String { Language.english.render(phrase) }

    /// `v` rounded to `digits` decimals by the lab's one formatter, written with
    /// all of them (`0.9500`) so a column of metrics lines up.
    public static func format(_ v: Double, digits: Int) -> String {
        var s = NumberFormat.fixed(v, decimals: digits)
        guard v.isFinite, digits > 0, !s.contains("e") else { return s }
        if !s.contains(".") { s += "." }
        let decimals = s.count - 1 - s.distance(from: s.startIndex, to: s.firstIndex(of: ".")!)
        return s + String(repeating: "0", count: max(0, digits - decimals))
    }
}

extension Array where Element == Metric {
    /// The value of the metric with that id, if present.
    public subscript(id: MetricID) -> Double? { first { $0.id == id }?.value }
}

/// A simple predictor's score on a split, shown beside the model's: the level
/// a recurrent network has to beat to have learnt anything.
public struct Baseline: Sendable, CustomStringConvertible {
    /// "last value", "majority class", … (a `BaselineKey` text).
    public var name: Phrase
    public var split: Split
    public var metrics: [Metric]

    public init(name: Phrase, split: Split, metrics: [Metric]) {
        self.name = name
        self.split = split
        self.metrics = metrics
    }

    /// "last value (validation): mse 0.0123, mae 0.0871", as a message.
    public var phrase: Phrase {
        Phrase(.run(.baseline), ["name": .phrase(name), "split": .text(split.rawValue), "metrics": .list(metrics.map(\.phrase))])
    }

    public var description: String { Language.english.render(phrase) }
}
