/// The numbers a check's condition may name, from the reports of a run.
///
/// `loss` (the last training loss), `validation_loss`, the task's metrics with
/// spaces as underscores and lower case (`mse`, `solved`, `accuracy`,
/// `cross-entropy`, `exact_match`, …), `grad_norm` (global, before clipping),
/// `grad_first` and `grad_last` (‖∂L/∂h_t‖ at the first and last step),
/// `grad_ratio` (first over last; from the last probe whose norms were all
/// finite), `diverged` (1 once a step was NaN or infinite), `clipped_fraction`,
/// `step`, `parameters` and `recurrent_parameters` (the model's and its recurrent
/// layer's), each baseline as `baseline_<metric>` (the best over the task's
/// baselines), and the measurements the experiment was asked for (`Measurement`).
public struct RunMetrics: Sendable {
    public private(set) var values: [String: Double] = ["diverged": 0]
    private var clippedSteps = 0
    private var steps = 0

    public init(baselines: [Baseline] = []) {
        for b in baselines {
            for m in b.metrics {
                let key = "baseline_" + RunMetrics.key(m.name)
                let old = values[key]
                values[key] = old.map { m.lowerIsBetter ? min($0, m.value) : max($0, m.value) } ?? m.value
            }
        }
    }

    /// The model's size, known before the first step.
    public mutating func setModel(parameters: Int, recurrentParameters: Int) {
        values["parameters"] = Double(parameters)
        values["recurrent_parameters"] = Double(recurrentParameters)
    }

    public static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "/", with: "_per_")
    }

    public mutating func record(_ r: StepReport) {
        steps += 1
        if r.clipped { clippedSteps += 1 }
        values["step"] = Double(r.step)
        values["loss"] = r.loss
        values["grad_norm"] = r.gradientNorm
        values["clipped_fraction"] = Double(clippedSteps) / Double(steps)
        if r.divergence != nil { values["diverged"] = 1 }
        if let p = r.probes, let first = p.gradientNorms.first, let last = p.gradientNorms.last,
           p.gradientNorms.allSatisfy(\.isFinite) {
            values["grad_first"] = first
            values["grad_last"] = last
            values["grad_ratio"] = last > 0 ? first / last : (first > 0 ? .infinity : 0)
        }
        if let e = r.evaluation {
            values["validation_loss"] = e.loss
            for m in e.metrics + e.measurements { values[RunMetrics.key(m.name)] = m.value }
        }
    }
}
