import Foundation

/// The metrics of every step of a headless run, written as CSV or JSON with
/// ``SafeFile``. In JSON a NaN or infinite number is `null`, so every numeric
/// field holds a number or null, never a string; in CSV it is `nan`, `inf` or `-inf`.
public struct MetricsLog: Sendable {
    public struct Row: Sendable, Equatable, Encodable {
        public var step: Int
        public var loss: Double
        public var validationLoss: Double?
        public var gradientNorm: Double
        /// ‖∂L/∂h_t‖ per time step, when probes were recorded on that step.
        public var timeStepGradientNorms: [Double]?

        public init(step: Int, loss: Double, validationLoss: Double? = nil, gradientNorm: Double,
                    timeStepGradientNorms: [Double]? = nil) {
            self.step = step
            self.loss = loss
            self.validationLoss = validationLoss
            self.gradientNorm = gradientNorm
            self.timeStepGradientNorms = timeStepGradientNorms
        }

        enum CodingKeys: String, CodingKey { case step, loss, validationLoss, gradientNorm, timeStepGradientNorms }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(step, forKey: .step)
            try c.encode(Finite(loss), forKey: .loss)
            if let validationLoss { try c.encode(Finite(validationLoss), forKey: .validationLoss) }
            try c.encode(Finite(gradientNorm), forKey: .gradientNorm)
            if let norms = timeStepGradientNorms { try c.encode(norms.map(Finite.init), forKey: .timeStepGradientNorms) }
        }
    }

    /// A number, or null when it is NaN or infinite.
    struct Finite: Encodable {
        var value: Double
        init(_ value: Double) { self.value = value }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if value.isFinite { try c.encode(value) } else { try c.encodeNil() }
        }
    }

    public private(set) var rows: [Row] = []

    public init() {}

    public mutating func append(_ r: StepReport) {
        rows.append(Row(step: r.step, loss: r.loss, validationLoss: r.evaluation?.loss, gradientNorm: r.gradientNorm,
                        timeStepGradientNorms: r.probes?.gradientNorms))
    }

    public mutating func append(_ row: Row) { rows.append(row) }

    /// Whether `path` names a file this log can write (.csv or .json).
    public static func acceptsExtension(of path: String) -> Bool { path.hasSuffix(".csv") || path.hasSuffix(".json") }

    /// The file's bytes: JSON for a `.json` path, CSV otherwise.
    public func encoded(asJSON: Bool) throws -> Data {
        if asJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted]
            return try encoder.encode(rows)
        }
        var text = "step,loss,validation_loss,gradient_norm,time_step_gradient_norms\n"
        for r in rows {
            let norms = r.timeStepGradientNorms.map { $0.map { String($0) }.joined(separator: ";") } ?? ""
            text += "\(r.step),\(r.loss),\(r.validationLoss.map { String($0) } ?? ""),\(r.gradientNorm),\(norms)\n"
        }
        return Data(text.utf8)
    }

    public func write(to url: URL) throws {
        try SafeFile.write(try encoded(asJSON: url.pathExtension == "json"), to: url)
    }
}
