import LabText
import RNNLab
import TerminalUI

/// Training loss against validation loss at each evaluation, on one linear
/// scale: the training loss as the mean of the steps since the previous
/// evaluation (one step's batch is too noisy to compare with), so the space
/// between the two lines is the generalisation gap. The latest gap is written
/// out, validation minus train and validation ÷ train, for the run and for
/// its `compare` run (dropout's effect on the gap, in lesson 12). It stands
/// in for the loss plot at the top, knob changes marked the same way.
struct LossGapPanel: DashboardPanel {
    let id = PanelKind.lossGap
    let placement = PanelPlacement.main

    func title(_ context: PanelContext) -> String { context.text(.gapTitle) }

    /// The heading, the gap lines, and a plot with its legend and axes.
    func rows(_ context: PanelContext) -> PanelRows { PanelRows(minimum: 8) }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let gap = LossGap(context.run)
        guard let latest = gap.points.last else {
            return drawPlaceholder(title(context), context.text(.shownAtFirstEvaluation), in: area, buffer: &buffer)
        }
        let unicode = buffer.capabilities.unicode
        drawHeading(title(context), in: area, buffer: &buffer)
        // Each line in its longest form that fits the panel (at 80×24 the short ones).
        let now: [String: TextArgument] = ["step": .integer(Int(latest.step)), "difference": .text(signed(latest.difference)),
                                           "ratio": .text(PanelNumbers.value(latest.ratio))]
        buffer.write(fittingTitle([context.text(.gapNow, now), context.text(.gapNowShort, now)], width: area.width, unicode: unicode),
                     in: area.row(1), alignment: .left, style: Style(foreground: LabTheme.validationColor))
        var top = 2
        if let other = context.companion, let compare = context.lesson.compare, let theirs = LossGap(other).points.last {
            let name = compare.keys.sorted().map {
                context.text(.compareArmSetting, ["name": .text($0), "value": .text(other.settings[$0]?.description ?? "?")])
            }.joined(separator: " ")
            let gap: [String: TextArgument] = ["difference": .text(signed(theirs.difference)), "ratio": .text(PanelNumbers.value(theirs.ratio))]
            let forms = [context.text(.gapArm, gap.merging(["run": .text(name)]) { a, _ in a }), context.text(.gapArmShort, gap)]
            buffer.write(fittingTitle(forms, width: area.width, unicode: unicode),
                         in: area.row(2), alignment: .left, style: Style(foreground: .yellow))
            top = 3
        }
        let steps = gap.points.map(\.step)
        var train = PlotSeries(name: context.text(.gapTrain), steps: steps, values: gap.points.map(\.train), color: LabTheme.trainColor)
        train.shortName = context.text(.gapTrainShort)
        let series = [train,
                      PlotSeries(name: context.text(.gapValidation), steps: steps, values: gap.points.map(\.validation),
                                 color: LabTheme.validationColor)]
        let events = context.run.events.map {
            PlotEvent(step: Double($0.step), label: context.language.render($0.label),
                      style: $0.isRebuild ? LabTheme.rebuildStyle : LabTheme.eventStyle)
        }
        buffer.render(LinePlot(series: series, events: events, xRange: 0...max(1, Double(context.run.step)), language: context.language),
                      in: area.inset(top: top))
    }

    /// "+0.012", "-0.3": the sign always written.
    private func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + PanelNumbers.value(v) }
}

/// The gap between validation and training loss at each evaluation of a run.
struct LossGap: Equatable {
    struct Point: Equatable {
        var step: Double
        /// The mean training loss over the steps after the previous evaluation, up to this one.
        var train: Double
        var validation: Double
        var difference: Double { validation - train }
        /// validation ÷ train (∞ when the training loss is 0).
        var ratio: Double { validation / train }
    }

    var points: [Point]

    init(_ run: RunState) {
        self.init(trainSteps: run.trainLoss.steps, train: run.trainLoss.values,
                  evaluationSteps: run.validationLoss.steps, validation: run.validationLoss.values)
    }

    /// Pairs each evaluation with the mean of the finite training losses recorded
    /// after the previous evaluation and up to it; an evaluation with none is left out.
    init(trainSteps: [Double], train: [Double], evaluationSteps: [Double], validation: [Double]) {
        points = []
        var i = 0, previous = -Double.infinity
        for (step, value) in zip(evaluationSteps, validation) {
            var sum = 0.0, count = 0
            while i < min(trainSteps.count, train.count), trainSteps[i] <= step {
                if trainSteps[i] > previous, train[i].isFinite { sum += train[i]; count += 1 }
                i += 1
            }
            previous = step
            if count > 0, value.isFinite { points.append(Point(step: step, train: sum / Double(count), validation: value)) }
        }
    }
}
