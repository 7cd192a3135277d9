import LabText
import RNNLab
import TerminalUI

/// Forecasting: the true values of consecutive validation windows (the
/// series' continuation, in time order) with the model's forecast of each and
/// the last-value forecast beside them, in the data's units (the first
/// windows, about two per column), and the mean squared error of both over
/// every window traced (the whole validation split of the shipped series). Read from the `forecast`
/// probe (``ForecastTrace``), taken at each evaluation.
struct ForecastPanel: DashboardPanel {
    let id = PanelKind.forecast
    let placement = PanelPlacement.row
    let measurements: Set<String> = [ProbeID.forecast.rawValue]

    func title(_ context: PanelContext) -> String {
        let horizon = context.run.settings["horizon"]?.number.map { Int($0) } ?? 1
        return context.text(.forecastTitle, ["horizon": .integer(horizon)])
    }

    func titles(_ context: PanelContext) -> [String] {
        let horizon = context.run.settings["horizon"]?.number.map { Int($0) } ?? 1
        return [title(context), context.text(.forecastTitleShort, ["horizon": .integer(horizon)])]
    }

    /// The heading, the errors, and a plot with its legend and axes.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 6, preferred: 12) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let whole = context.run.probes?[.forecast]?.grid.flatMap(ForecastTrace.init) else {
            // After an evaluation without one, the task has no forecast to show.
            let note = context.run.validationLoss.isEmpty ? context.text(.shownAtFirstEvaluation) : context.text(.forecastNone)
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), note, in: area, buffer: &buffer)
        }
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        // About two windows per column (a braille cell is two dots wide), so each turn of the series stays visible.
        let trace = whole.prefix(max(8, 2 * (area.width - 6)))
        let model = meanSquaredError(whole.forecast, whole.truth)
        // The errors line whole: "last value" becomes "last", then the last value's error leaves (the legend names its line).
        let alone = context.text(.forecastErrorsAlone, ["forecast": .text(PanelNumbers.value(model))])
        let both: [PanelKey] = [.forecastErrors, .forecastErrorsShort]
        let errors = whole.persistence.isEmpty ? [alone] : both.map {
            context.text($0, ["forecast": .text(PanelNumbers.value(model)),
                              "persistence": .text(PanelNumbers.value(meanSquaredError(whole.persistence, whole.truth)))])
        } + [alone]
        buffer.write(fittingTitle(errors, width: area.width, unicode: buffer.capabilities.unicode), in: area.row(1),
                     alignment: .left, style: LabTheme.dim)
        var forecastLine = PlotSeries(name: context.text(.forecastModel), values: trace.forecast, color: LabTheme.validationColor)
        forecastLine.shortName = context.text(.forecastModelShort)
        var series = [PlotSeries(name: context.text(.forecastTruth), values: trace.truth, color: .cyan), forecastLine]
        if !trace.persistence.isEmpty {
            // Narrow, the legend lets the last-value line go first: the errors line above names it.
            var persistence = PlotSeries(name: context.text(.forecastPersistence), values: trace.persistence, color: LabTheme.referenceColor)
            persistence.legendRank = 1
            series.append(persistence)
        }
        buffer.render(LinePlot(series: series, xRange: 0...Double(max(1, trace.truth.count - 1)), language: context.language),
                      in: area.inset(top: 2))
    }
}

extension ForecastTrace {
    /// The first `n` windows.
    func prefix(_ n: Int) -> ForecastTrace {
        ForecastTrace(truth: Array(truth.prefix(n)), forecast: Array(forecast.prefix(n)), persistence: Array(persistence.prefix(n)))
    }
}

/// The mean of (a_i − b_i)² over the pairs (0 for none).
func meanSquaredError(_ a: [Double], _ b: [Double]) -> Double {
    let n = min(a.count, b.count)
    guard n > 0 else { return 0 }
    return (0..<n).reduce(0) { $0 + (a[$1] - b[$1]) * (a[$1] - b[$1]) } / Double(n)
}
