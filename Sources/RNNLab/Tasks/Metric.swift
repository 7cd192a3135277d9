/// One score of a model or baseline on a split.
public struct Metric: Sendable, Equatable, CustomStringConvertible {
    /// "MSE", "MAE", "RMSE", "solved", "accuracy", "cross-entropy", "bits/char", "exact match".
    public var name: String
    public var value: Double
    public var lowerIsBetter: Bool

    public init(_ name: String, _ value: Double, lowerIsBetter: Bool) {
        self.name = name
        self.value = value
        self.lowerIsBetter = lowerIsBetter
    }

    public var description: String {
        return isFraction ? "\(name) \(Metric.format(value * 100, digits: 1))%" : "\(name) \(Metric.format(value, digits: 4))"
    }

    /// A share of examples, shown in percent and plotted on 0…1.
    public var isFraction: Bool { ["accuracy", "solved", "exact match", "token accuracy"].contains(name) }

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
    /// The metric of that name, if present.
    public subscript(name: String) -> Double? { first { $0.name == name }?.value }
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
