import RNNEngine

/// A stretch of the validation series forecast window by window: for n
/// consecutive validation windows (in time order, one step apart), the value
/// the task asks for, the model's forecast of it and the last-value
/// (persistence) forecast, all in the data's own units. Read left to right it
/// is the series' true continuation beside what the model made of it.
public struct ForecastTrace: Sendable, Equatable {
    /// n targets: the value `horizon` steps after each window.
    public var truth: [Double]
    /// n forecasts of the model.
    public var forecast: [Double]
    /// n last values of the windows (persistence), or empty when the inputs are
    /// not the series itself.
    public var persistence: [Double]

    public init(truth: [Double], forecast: [Double], persistence: [Double] = []) {
        self.truth = truth
        self.forecast = forecast
        self.persistence = persistence
    }

    /// The windows traced at most (more than the sunspot and CO2 validation splits hold).
    public static let windowLimit = 1000

    /// The trace of the first `limit` windows of `batches`, from the model's (B, 1)
    /// outputs per batch; values are mapped back to the data's units with
    /// `value · scale + shift`. Persistence is the last input step's first
    /// feature when the inputs have one feature (the series itself). Nil when the
    /// outputs are not one number per window.
    public static func tracing(outputs: [Tensor], batches: [SequenceBatch], scale: Double, shift: Double,
                               limit: Int = windowLimit) -> ForecastTrace? {
        var trace = ForecastTrace(truth: [], forecast: [])
        for (out, batch) in zip(outputs, batches) {
            guard let targets = batch.targetValues, out.shape == [batch.batchSize, 1], targets.shape == [batch.batchSize, 1] else { return nil }
            let (y, t) = (out.doubles, targets.doubles)
            let persistence = batch.inputSize == 1 ? batch.inputs.doubles : nil
            for b in 0..<batch.batchSize where trace.truth.count < limit {
                trace.truth.append(t[b] * scale + shift)
                trace.forecast.append(y[b] * scale + shift)
                if let p = persistence { trace.persistence.append(p[b * batch.steps + batch.lengths[b] - 1] * scale + shift) }
            }
        }
        return trace.truth.isEmpty ? nil : trace
    }

    /// The probe form: a grid of 2 or 3 rows × n windows, in the order truth,
    /// forecast, persistence (a third row only when there is one).
    public var grid: Grid {
        let rows = [truth, forecast] + (persistence.count == truth.count ? [persistence] : [])
        return Grid(rows: rows.count, columns: truth.count, values: rows.flatMap { $0 })
    }

    /// The trace of a probe grid (`grid`'s inverse); nil for a grid of another shape.
    public init?(_ grid: Grid) {
        guard grid.rows == 2 || grid.rows == 3, grid.columns > 0, grid.values.count == grid.rows * grid.columns else { return nil }
        let n = grid.columns
        let row = { (r: Int) in Array(grid.values[(r * n)..<((r + 1) * n)]) }
        self.init(truth: row(0), forecast: row(1), persistence: grid.rows == 3 ? row(2) : [])
    }
}
