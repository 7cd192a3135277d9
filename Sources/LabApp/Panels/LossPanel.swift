import LabText
import RNNLab
import TerminalUI

/// Training and validation loss by step on a log scale, with the best
/// baseline as a reference line and knob changes as markers; a pinned run
/// (`c`) as one more curve, its validation loss, named by the settings that differ.
struct LossPanel: DashboardPanel {
    let id = PanelKind.loss
    let placement = PanelPlacement.main

    func title(_ context: PanelContext) -> String { context.text(.lossTitle) }

    /// Six rows: the plot, its axis and its legend stay readable.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 6) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(plot(context, width: area.width), in: area)
    }

    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        Inspection.plot(title(context), plot(context, width: area.width), in: area, context, x: stepPhrase)
    }

    /// The plot the panel draws `width` columns wide (the width sets how close two marks may be).
    func plot(_ context: PanelContext, width: Int) -> LinePlot {
        let run = context.run
        var series = [
            PlotSeries(name: context.text(.trainLoss), steps: run.trainLoss.steps, values: run.trainLoss.values, color: LabTheme.trainColor),
            PlotSeries(name: context.text(.validationLoss), steps: run.validationLoss.steps, values: run.validationLoss.values,
                       color: LabTheme.validationColor),
        ]
        var lastStep = max(1, Double(run.step), run.trainLoss.steps.last ?? 0)
        if let pin = context.pinned, !pin.lossCurve.isEmpty {
            // The reference run, whole: the live run races it from step 0 after a rebuild or r.
            // Its entry gets a legend row of its own when the first is full (at 80–100 columns it is).
            series.append(PlotSeries(name: context.pinnedName(pin, width: width - legendIndent), steps: pin.lossCurve.steps, values: pin.lossCurve.values,
                                     color: LabTheme.pinnedColor))
            lastStep = max(lastStep, pin.lossCurve.steps.last ?? 0)
        }
        if let reference = run.lossBaseline, reference.value.isFinite, reference.value > 0 {
            var line = PlotSeries(name: referenceName(reference.name, context), steps: [0, lastStep], values: [reference.value, reference.value],
                                  color: LabTheme.referenceColor)
            // "bigram (previous character)" reads "baseline" where the whole name would be cut.
            line.shortName = context.text(.baseline)
            series.append(line)
        }
        // Changes closer than a label's width (about 14 columns of the plot) become one chain.
        let gap = lastStep / Double(max(1, width - 6)) * 14
        let events = LossPanel.chained(run.events, within: gap).map {
            PlotEvent(step: Double($0.step), label: context.language.render($0.label),
                      style: $0.isRebuild ? LabTheme.rebuildStyle : LabTheme.eventStyle)
        }
        let positive = run.trainLoss.values.contains { $0.isFinite && $0 > 0 }
        var plot = LinePlot(series: series, events: events, yScale: positive ? .log : .linear, xRange: 0...lastStep, language: context.language)
        if context.pinned != nil { plot.legendRowLimit = 2 }
        return plot
    }

    /// Marks to draw: a run of changes to one knob, each within `gap` steps of
    /// the one before and taking up where it left off, becomes one mark at the
    /// first, "lr 0.01→0.02→0.04→0.08" (past five values, the middle ones are
    /// shown as …). Other events are kept as they are.
    static func chained(_ events: [RunEvent], within gap: Double) -> [RunEvent] {
        var out: [RunEvent] = []
        var values: [String] = []
        for event in events {
            if let change = event.change, let last = out.last, let previous = last.change,
               previous.setting == change.setting, previous.value == change.old, Double(event.step - last.step) <= gap {
                values.append(change.value)
                out[out.count - 1].change?.value = change.value
            } else {
                values = event.change.map { [$0.old, $0.value] } ?? []
                out.append(event)
            }
            if let change = out[out.count - 1].change, values.count > 2 {
                let shown = values.count > 5 ? [values[0], "…"] + values.suffix(3) : values
                out[out.count - 1].label = Phrase(.dashboard(.eventChanged), [
                    "setting": .phrase(shortName(change.setting)), "old": .text(shown.dropLast().joined(separator: "→")),
                    "value": .text(shown.last!)])
            }
        }
        return out
    }

    /// "chance" for a baseline that ignores the input (short, so a narrow legend
    /// keeps it; the lesson's prose says which guess it is), else its name.
    func referenceName(_ name: Phrase, _ context: PanelContext) -> String {
        guard case .baseline(let kind)? = name.key, kind.isChance else { return context.language.render(name) }
        return context.text(.chanceLine)
    }
}
