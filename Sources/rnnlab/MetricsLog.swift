import Foundation
import RNNEngine
import RNNLab

/// The metrics of every step of a headless run, written as CSV or JSON.
struct MetricsLog {
    struct Row: Codable {
        var step: Int
        var loss: Double
        var validationLoss: Double?
        var gradientNorm: Double
        /// ‖∂L/∂h_t‖ per time step, when probes were recorded on that step.
        var timeStepGradientNorms: [Double]?
    }
    var rows: [Row] = []

    mutating func append(_ r: StepReport) {
        rows.append(Row(step: r.step, loss: r.loss, validationLoss: r.evaluation?.loss, gradientNorm: r.gradientNorm,
                        timeStepGradientNorms: r.probes?.gradientNorms))
    }

    func write(to url: URL) throws {
        let data: Data
        if url.pathExtension == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            data = try encoder.encode(rows)
        } else {
            var text = "step,loss,validation_loss,gradient_norm,time_step_gradient_norms\n"
            for r in rows {
                let norms = r.timeStepGradientNorms.map { $0.map { String($0) }.joined(separator: ";") } ?? ""
                text += "\(r.step),\(r.loss),\(r.validationLoss.map { String($0) } ?? ""),\(r.gradientNorm),\(norms)\n"
            }
            data = Data(text.utf8)
        }
        try AtomicFile.write(data, to: url)
    }
}
