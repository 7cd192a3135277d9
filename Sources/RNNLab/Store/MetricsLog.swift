import Foundation

/// The metrics of every step of a headless run, written as CSV or JSON with
/// ``SafeFile``. Both formats use the same snake_case keys: `step`, `loss`,
/// `gradient_norm`, `validation_loss`, then every metric the evaluation measured
/// under its id (`accuracy`, `mse`, `solved`, …, the names checks use), then
/// `time_step_gradient_norms`. In JSON a NaN or infinite number is `null`, so
/// every numeric field holds a number or null, never a string, and a key is
/// absent on a step that did not measure it; in CSV such a cell is empty and a
/// non-finite number is `nan`, `inf` or `-inf`.
public struct MetricsLog: Sendable {
    public struct Row: Sendable, Equatable {
        public var step: Int
        public var loss: Double
        public var validationLoss: Double?
        public var gradientNorm: Double
        /// The evaluation's metrics and measurements, by id, in the order measured.
        public var metrics: [Value]
        /// ‖∂L/∂h_t‖ per time step, when probes were recorded on that step.
        public var timeStepGradientNorms: [Double]?

        public init(step: Int, loss: Double, validationLoss: Double? = nil, gradientNorm: Double,
                    metrics: [Value] = [], timeStepGradientNorms: [Double]? = nil) {
            self.step = step
            self.loss = loss
            self.validationLoss = validationLoss
            self.gradientNorm = gradientNorm
            self.metrics = metrics
            self.timeStepGradientNorms = timeStepGradientNorms
        }
    }

    /// One metric's value on one step, under the id checks use.
    public struct Value: Sendable, Equatable {
        public var id: String
        public var value: Double
        public init(_ id: String, _ value: Double) { self.id = id; self.value = value }
    }

    /// The keys every row has, before and after the metrics.
    static let leadingKeys = ["step", "loss", "gradient_norm", "validation_loss"]
    static let trailingKeys = ["time_step_gradient_norms"]

    public private(set) var rows: [Row] = []

    public init() {}

    public mutating func append(_ r: StepReport) {
        var metrics: [Value] = []
        if let e = r.evaluation {
            let fixed = Set(Self.leadingKeys + Self.trailingKeys)
            for m in e.metrics + e.measurements where !fixed.contains(m.id.rawValue) && !metrics.contains(where: { $0.id == m.id.rawValue }) {
                metrics.append(Value(m.id.rawValue, m.value))
            }
        }
        rows.append(Row(step: r.step, loss: r.loss, validationLoss: r.evaluation?.loss, gradientNorm: r.gradientNorm,
                        metrics: metrics, timeStepGradientNorms: r.probes?.gradientNorms))
    }

    public mutating func append(_ row: Row) { rows.append(row) }

    /// Whether `path` names a file this log can write (.csv or .json).
    public static func acceptsExtension(of path: String) -> Bool { path.hasSuffix(".csv") || path.hasSuffix(".json") }

    /// The keys of every row, in the order of the file: the fixed ones, then each
    /// metric id in the order it first appears.
    public var keys: [String] {
        var ids: [String] = []
        for r in rows { for m in r.metrics where !ids.contains(m.id) { ids.append(m.id) } }
        return Self.leadingKeys + ids + Self.trailingKeys
    }

    /// The file's bytes: JSON for a `.json` path, CSV otherwise.
    public func encoded(asJSON: Bool) throws -> Data {
        asJSON ? Data(json.utf8) : Data(csv.utf8)
    }

    /// One object per step, keys in the order of ``keys``.
    private var json: String {
        func number(_ v: Double) -> String { v.isFinite ? String(v) : "null" }
        let objects = rows.map { r -> String in
            var fields = ["\"step\": \(r.step)", "\"loss\": \(number(r.loss))", "\"gradient_norm\": \(number(r.gradientNorm))"]
            if let v = r.validationLoss { fields.append("\"validation_loss\": \(number(v))") }
            for m in r.metrics { fields.append("\(quoted(m.id)): \(number(m.value))") }
            if let norms = r.timeStepGradientNorms {
                fields.append("\"time_step_gradient_norms\": [\(norms.map(number).joined(separator: ", "))]")
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return rows.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A header of ``keys`` and one line per step; unmeasured cells are empty.
    private var csv: String {
        let keys = keys
        var text = keys.joined(separator: ",") + "\n"
        for r in rows {
            var cells = [String(r.step), String(r.loss), String(r.gradientNorm), r.validationLoss.map { String($0) } ?? ""]
            for key in keys.dropFirst(Self.leadingKeys.count).dropLast(Self.trailingKeys.count) { cells.append(r.metrics.first { $0.id == key }.map { String($0.value) } ?? "") }
            cells.append(r.timeStepGradientNorms.map { $0.map { String($0) }.joined(separator: ";") } ?? "")
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    public func write(to url: URL) throws {
        try SafeFile.write(try encoded(asJSON: url.pathExtension == "json"), to: url)
    }
}

/// `text` as a JSON string literal.
private func quoted(_ text: String) -> String {
    let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
}
