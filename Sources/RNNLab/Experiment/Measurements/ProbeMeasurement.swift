import LabText
import RNNEngine

extension ProbeID {
    /// ‖∂h_t/∂x_s‖ of the recurrent layer's states (last layer) with respect to the
    /// inputs, averaged over up to 4 full-length validation sequences: a grid, T output
    /// steps (rows) × T input steps (columns) (`Connectivity`).
    public static let connectivity = ProbeID(rawValue: "connectivity")
    /// Held-out R² of x_{t−j} read linearly from h_t, for j = 0…`Measurement.memoryLags`: a series.
    public static let memoryCurve = ProbeID(rawValue: "memory_curve")
    /// Validation token accuracy by source length: a grid, one row per length
    /// (labelled with it), columns accuracy and target tokens counted (`LengthBucket`).
    public static let accuracyByLength = ProbeID(rawValue: "accuracy_by_length")
    /// Classification: validation examples by true × predicted class (`ConfusionMatrix`).
    public static let confusion = ProbeID(rawValue: "confusion")
    /// One-number regression: truth, forecast and persistence over consecutive
    /// validation windows, a grid of 2–3 rows × n windows (`ForecastTrace`).
    public static let forecast = ProbeID(rawValue: "forecast")
}

/// A grid or series that only some lessons need, computed at an evaluation only
/// when the open lesson's panels or checks name its id in `Experiment.measurements`
/// (so other lessons pay nothing), and carried by `Evaluation.probes`.
public struct ProbeMeasurement: Sendable {
    public let id: ProbeID
    /// Why it does not apply to a task of this kind, or nil when it does.
    public let unavailable: @Sendable (_ task: TaskKind) -> Phrase?
    let compute: @Sendable (Experiment) -> Probe?

    /// Every probe measurement, in the order they are computed.
    public static let all: [ProbeMeasurement] = [connectivity, memoryCurve, accuracyByLength, confusion, forecast,
                                                 textSamples, lineUnitStrip, rowReading, accuracyByDepth]

    static let connectivity = ProbeMeasurement(
        id: .connectivity,
        unavailable: { $0 == .seq2seq ? Phrase(.check(.needsDirectInputs)) : nil },
        compute: { $0.connectivityGrid() })

    static let memoryCurve = ProbeMeasurement(
        id: .memoryCurve,
        unavailable: { $0 == .seq2seq ? Phrase(.check(.needsDirectInputs)) : nil },
        compute: { e in e.memoryCurve().map { .series($0) } })

    static let accuracyByLength = ProbeMeasurement(
        id: .accuracyByLength,
        unavailable: { $0 == .regression ? Phrase(.check(.needsAccuracy)) : nil },
        compute: { e in .grid(LengthBucket.grid(e.accuracyByLength())) })

    static let confusion = ProbeMeasurement(
        id: .confusion,
        unavailable: { $0 == .classification ? nil : Phrase(.check(.needsClassification)) },
        compute: { e in e.confusionMatrix().map { .confusion($0) } })

    static let forecast = ProbeMeasurement(
        id: .forecast,
        unavailable: { $0 == .regression ? nil : Phrase(.check(.needsRegression)) },
        compute: { e in e.forecastTrace().map { .grid($0.grid) } })
}

extension Experiment {
    /// The requested probe measurements on the current weights; those that do not apply are left out.
    func measureProbes() -> [ProbeID: Probe] {
        var out: [ProbeID: Probe] = [:]
        for m in ProbeMeasurement.all where measurements.contains(m.id.rawValue) && m.unavailable(task.kind) == nil {
            if let p = m.compute(self) { out[m.id] = p }
        }
        return out
    }

    /// The connectivity map of the recurrent layer on up to 4 full-length validation rows.
    func connectivityGrid() -> Probe? {
        guard let model = model as? SequenceModel, model.embedding == nil, let batch = validation.first else { return nil }
        let rows = (0..<batch.batchSize).filter { batch.lengths[$0] == batch.steps }.prefix(4)
        guard !rows.isEmpty else { return nil }
        let x = Tensor.concat(rows.map { batch.inputs.slice(axis: 0, $0..<($0 + 1)) }, axis: 0)
        let map = Connectivity.map(x, rowLimit: 512) { model.recurrent($0).output }
        for p in model.parameters { p.grad = nil }   // the map's backward passes leave gradients behind
        return .grid(Grid(rows: map.shape[0], columns: map.shape[1], values: map.doubles))
    }

    /// Token accuracy by source length on the validation split, decoded as the evaluation decodes.
    func accuracyByLength() -> [LengthBucket] {
        let outputs = validation.map { model.evaluate($0, task: task, recordAttention: false).outputs }
        return LengthBucket.buckets(outputs: outputs, batches: validation)
    }

    /// The validation split counted by true × predicted class, with the task's class names.
    func confusionMatrix() -> ConfusionMatrix? {
        let c = task.outputSize
        guard c > 0 else { return nil }
        let classes = task.classNames ?? (0..<c).map { Phrase.verbatim(String($0)) }
        let outputs = withNoGrad { validation.map { model.evaluate($0, task: task, recordAttention: false).outputs } }
        return ConfusionMatrix.counting(outputs: outputs, batches: validation, classes: classes)
    }

    /// The model's forecasts over the first validation windows, in the data's units.
    func forecastTrace() -> ForecastTrace? {
        var outputs: [Tensor] = [], batches: [SequenceBatch] = [], windows = 0
        for batch in validation where windows < ForecastTrace.windowLimit {
            outputs.append(withNoGrad { model.evaluate(batch, task: task, recordAttention: false).outputs })
            batches.append(batch)
            windows += batch.batchSize
        }
        return ForecastTrace.tracing(outputs: outputs, batches: batches, scale: task.targetScale, shift: task.targetShift)
    }
}
