/// A check's condition: clauses `metric op operand`, joined by `and`, where the
/// operand is a number, a metric, or a number times a metric:
/// "validation_loss < 0.01 and solved > 0.9", "mse > 0.9 * baseline_mse",
/// "reached_at < versus_reached_at".
public struct CheckCondition: Sendable, CustomStringConvertible {
    public enum Operand: Sendable, Equatable {
        case number(Double)
        /// factor × metric
        case metric(String, factor: Double)
    }
    public struct Clause: Sendable {
        public var metric: String
        public var op: String
        public var rhs: Operand

        /// The number on the right for these metrics, nil when its metric is missing.
        public func threshold(_ metrics: [String: Double]) -> Double? {
            switch rhs {
            case .number(let v): return v
            case let .metric(name, factor): return metrics[name].map { factor * $0 }
            }
        }

        /// The operand as written.
        public var rhsDescription: String {
            switch rhs {
            case .number(let v): return SettingValue.format(v)
            case let .metric(name, factor): return factor == 1 ? name : "\(SettingValue.format(factor)) * \(name)"
            }
        }
    }
    public var clauses: [Clause]

    public static let operators = ["<=", ">=", "<", ">", "=="]

    /// Every metric the condition names, on either side.
    public var metricNames: [String] {
        clauses.flatMap { c -> [String] in
            if case .metric(let m, _) = c.rhs { return [c.metric, m] }
            return [c.metric]
        }
    }

    /// Parses the condition; a reason when it is malformed.
    public static func parse(_ text: String) -> Result<CheckCondition, Reason> {
        var clauses: [Clause] = []
        for part in text.components(separatedBy: " and ") {
            let words = part.split(separator: " ").map(String.init)
            guard words.count == 3 || (words.count == 5 && words[3] == "*"), operators.contains(words[1]), isName(words[0]) else {
                return .failure(Reason(syntax(part)))
            }
            let rhs: Operand
            if words.count == 5 {
                guard let factor = Double(words[2]), isName(words[4]) else { return .failure(Reason(syntax(part))) }
                rhs = .metric(words[4], factor: factor)
            } else if let v = Double(words[2]) {
                rhs = .number(v)
            } else if isName(words[2]) {
                rhs = .metric(words[2], factor: 1)
            } else {
                return .failure(Reason(syntax(part)))
            }
            clauses.append(Clause(metric: words[0], op: words[1], rhs: rhs))
        }
        return clauses.isEmpty ? .failure(Reason("empty condition")) : .success(CheckCondition(clauses: clauses))
    }

    private static func isName(_ w: String) -> Bool {
        guard let first = w.first, first.isLetter else { return false }
        return w.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private static func syntax(_ part: String) -> String {
        "a condition is `metric op number`, `metric op metric` or `metric op number * metric` (op: \(operators.joined(separator: " "))), joined by `and`; got \"\(part)\""
    }

    /// Whether every clause holds for `metrics`; a missing metric is reported by name.
    public func evaluate(_ metrics: [String: Double]) -> Result<Bool, Reason> {
        for c in clauses {
            guard let v = metrics[c.metric], let t = c.threshold(metrics) else {
                let name = CheckCondition(clauses: [c]).metricNames.first { metrics[$0] == nil } ?? c.metric
                return .failure(Reason("no metric \(name) (available: \(metrics.keys.sorted().joined(separator: ", ")))"))
            }
            if !Self.compare(v, c.op, t) { return .success(false) }
        }
        return .success(true)
    }

    /// `value op threshold` for one of `operators`.
    public static func compare(_ value: Double, _ op: String, _ threshold: Double) -> Bool {
        switch op {
        case "<": return value < threshold
        case "<=": return value <= threshold
        case ">": return value > threshold
        case ">=": return value >= threshold
        default: return value == threshold
        }
    }

    public var description: String {
        clauses.map { "\($0.metric) \($0.op) \($0.rhsDescription)" }.joined(separator: " and ")
    }
}
