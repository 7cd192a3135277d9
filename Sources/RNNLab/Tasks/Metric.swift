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

    public var description: String {
        return isFraction ? "\(label) \(Metric.format(value * 100, digits: 1))%" : "\(label) \(Metric.format(value, digits: 4))"
    }

    static func format(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return "\(v)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(v) * scale).rounded() / scale
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        }
        return (v < 0 && r != 0 ? "-" : "") + s
    }
}

extension Array where Element == Metric {
    /// The value of the metric with that id, if present.
    public subscript(id: MetricID) -> Double? { first { $0.id == id }?.value }
}

/// A simple predictor's score on a split, shown beside the model's: the level
/// a recurrent network has to beat to have learnt anything.
public struct Baseline: Sendable, CustomStringConvertible {
    /// "mean", "last value", "seasonal naive", "majority class", "bag-of-characters logistic regression", …
    public var name: String
    public var split: Split
    public var metrics: [Metric]

    public init(name: String, split: Split, metrics: [Metric]) {
        self.name = name
        self.split = split
        self.metrics = metrics
    }

    public var description: String {
        "\(name) (\(split.rawValue)): " + metrics.map(\.description).joined(separator: ", ")
    }
}
