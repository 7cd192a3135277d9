import LabText

/// A check's condition: clauses `metric op operand`, joined by `and`, where the
/// operand is a number, a metric, a number times a metric, or either of the last
/// two plus or minus a number: "validation_loss < 0.01 and solved > 0.9",
/// "mse > 0.9 * baseline_mse", "reached_at < versus_reached_at",
/// "accuracy > baseline_accuracy + 0.05" (five points above the baseline). Metrics are named by id (`MetricID`).
///
/// NaN is never success: a clause whose value or threshold is NaN does not hold,
/// whatever its operator.
public struct CheckCondition: Sendable, CustomStringConvertible {
    /// A comparison, parsed once from its symbol.
    public enum Op: String, Sendable, CaseIterable, CustomStringConvertible {
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case equal = "=="

        public var description: String { rawValue }

        /// `value op threshold`; false when either is NaN.
        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            guard !value.isNaN, !threshold.isNaN else { return false }
            switch self {
            case .less: return value < threshold
            case .lessOrEqual: return value <= threshold
            case .greater: return value > threshold
            case .greaterOrEqual: return value >= threshold
            case .equal: return value == threshold
            }
        }
    }

    public enum Operand: Sendable, Equatable {
        case number(Double)
        /// factor × metric + offset
        case metric(String, factor: Double, offset: Double = 0)
    }
    public struct Clause: Sendable {
        public var metric: String
        public var op: Op
        public var rhs: Operand

        public init(metric: String, op: Op, rhs: Operand) {
            self.metric = metric
            self.op = op
            self.rhs = rhs
        }

        /// The number on the right for these metrics, nil when its metric is missing.
        public func threshold(_ metrics: [String: Double]) -> Double? {
            switch rhs {
            case .number(let v): return v
            case let .metric(name, factor, offset): return metrics[name].map { factor * $0 + offset }
            }
        }

        /// The operand as written.
        public var rhsDescription: String {
            switch rhs {
            case .number(let v): return SettingValue.format(v)
            case let .metric(name, factor, offset):
                let scaled = factor == 1 ? name : "\(SettingValue.format(factor)) * \(name)"
                if offset == 0 { return scaled }
                return "\(scaled) \(offset < 0 ? "-" : "+") \(SettingValue.format(abs(offset)))"
            }
        }
    }
    public var clauses: [Clause]

    public init(clauses: [Clause]) { self.clauses = clauses }

    /// The operator symbols, longest first as the parser tries them.
    public static let operators = Op.allCases.map(\.rawValue)

    /// Every metric the condition names, on either side.
    public var metricNames: [String] {
        clauses.flatMap { c -> [String] in
            if case .metric(let m, _, _) = c.rhs { return [c.metric, m] }
            return [c.metric]
        }
    }

    /// Parses the condition; a reason when it is malformed.
    public static func parse(_ text: String) -> Result<CheckCondition, Reason> {
        var clauses: [Clause] = []
        for part in text.components(separatedBy: " and ") {
            let words = part.split(separator: " ").map(String.init)
            guard words.count >= 3, let op = Op(rawValue: words[1]), isName(words[0]),
                  let rhs = operand(Array(words[2...])) else {
                return .failure(syntax(part))
            }
            clauses.append(Clause(metric: words[0], op: op, rhs: rhs))
        }
        return clauses.isEmpty ? .failure(Reason(.check(.emptyCondition))) : .success(CheckCondition(clauses: clauses))
    }

    /// The right-hand side: `N`, `M`, `F * M`, `M ± N` or `F * M ± N`; nil otherwise.
    private static func operand(_ words: [String]) -> Operand? {
        if words.count == 1, let v = number(words[0]) { return .number(v) }
        var rest = words[...]
        var factor = 1.0
        if rest.count >= 3, rest[rest.startIndex + 1] == "*" {
            guard let f = number(rest[rest.startIndex]) else { return nil }
            factor = f
            rest = rest.dropFirst(2)
        }
        guard let name = rest.first, isName(name) else { return nil }
        rest = rest.dropFirst()
        if rest.isEmpty { return .metric(name, factor: factor) }
        guard rest.count == 2, let sign = ["+": 1.0, "-": -1.0][rest[rest.startIndex]],
              let n = number(rest[rest.startIndex + 1]), n >= 0 else { return nil }
        return .metric(name, factor: factor, offset: sign * n)
    }

    /// A decimal number as Swift reads it, but not hex (`0x10`) and not the words
    /// `true`/`on`; `nan` and `inf` parse so that lint can name them.
    private static func number(_ w: String) -> Double? {
        guard !w.lowercased().contains("x") else { return nil }
        return Double(w)
    }

    /// A metric name: a letter, then letters, digits and `_`. A name with any other
    /// character (`cross-entropy`) is refused here with the syntax message; the
    /// vocabulary (`CheckVocabulary`) says which names exist.
    private static func isName(_ w: String) -> Bool {
        guard let first = w.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return w.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    private static func syntax(_ part: String) -> Reason {
        Reason(.check(.conditionSyntax), ["operators": .text(operators.joined(separator: " ")), "condition": .text(part)])
    }

    /// Whether every clause holds for `metrics`; a missing metric is reported by name.
    /// A NaN value or threshold makes its clause fail.
    public func evaluate(_ metrics: [String: Double]) -> Result<Bool, Reason> {
        for c in clauses {
            guard let v = metrics[c.metric], let t = c.threshold(metrics) else {
                let name = CheckCondition(clauses: [c]).metricNames.first { metrics[$0] == nil } ?? c.metric
                return .failure(Reason(.check(.noMetric), ["name": .text(name), "metrics": .list(metrics.keys.sorted())]))
            }
            if !c.op.holds(v, t) { return .success(false) }
        }
        return .success(true)
    }

    /// `value op threshold`; false when either is NaN.
    public static func compare(_ value: Double, _ op: Op, _ threshold: Double) -> Bool { op.holds(value, threshold) }

    public var description: String {
        clauses.map { "\($0.metric) \($0.op) \($0.rhsDescription)" }.joined(separator: " and ")
    }
}
