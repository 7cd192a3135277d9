import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// A confusion matrix of the echo fixture's four symbols at `step`: mostly
/// right, C often taken for D (more so early on).
func fakeConfusion(step: Int) -> ConfusionMatrix {
    let early = max(0, 10 - step / 20)
    return ConfusionMatrix(classes: ["A", "B", "C", "D"].map(Phrase.verbatim),
                           counts: [61, 2, 0, 1,
                                    3, 58, 1, 0,
                                    0, 0, 40, 19 + early,
                                    0, 1, 4, 63])
}

/// 120 consecutive validation windows of a made-up cycle: the truth, a forecast
/// that lags it a little, and the last value of each window (6 steps behind).
func fakeForecast(step: Int) -> ForecastTrace {
    let value = { (i: Int) in 80 + 60 * sin(Double(i) / 11) }
    let n = 120
    return ForecastTrace(truth: (0..<n).map(value),
                         forecast: (0..<n).map { 0.8 * value($0 - 2) + 16 + Double(step % 7) },
                         persistence: (0..<n).map { value($0 - 6) })
}

/// The fixture lesson with `panels`, a compare run with 2 hidden units and a
/// check over five seeds, trained 120 fake steps; its evaluations carry the
/// confusion and forecast probes, the validation loss drifts above the
/// training loss, and with `verified` the five-seed check has a verdict.
func practiceState(panels: String, width: Int = 80, height: Int = 24, verified: Bool = true) -> AppState {
    let text = fixtureLessonText
        .replacingOccurrences(of: "knobs:\n", with: "compare: {hidden: 2}\nknobs:\n")
        .replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]", with: "panels: \(panels)")
        .replacingOccurrences(of: "checks:\n", with: """
            checks:
              - id: seeds
                title: Over five seeds 8 units echo better than 2
                versus: {hidden: 2}
                seeds: [1, 2, 3, 4, 5]
                steps: 400
                when: end
                expect: accuracy > versus_accuracy
                hint: Press v.

            """)
    var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: width, height: height)
    send(&state, keys(.enter))
    let lesson = state.lesson!.lesson
    send(&state, [.trainer(readyEvent(lesson)), .companion(readyEvent(lesson, overrides: ["hidden": .number(2)])),
                  .trainer(.running(true)), .companion(.running(true)), .tick(seconds: 0)])
    for step in 1...120 {
        var report = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
        if report.evaluation != nil {
            report.evaluation!.loss = report.loss * 1.1 + Double(step) / 400
            report.evaluation!.probes = [.confusion: .confusion(fakeConfusion(step: step)), .forecast: .grid(fakeForecast(step: step).grid)]
        }
        var other = fakeReport(step: step, evaluate: step % 25 == 0, accuracy: 0.5, loss: 0.9 + 0.1 * sin(Double(step)))
        other.evaluation?.loss = 0.95
        send(&state, [.trainer(.report(report)), .companion(.report(other)), .tick(seconds: Double(step) / 40)])
    }
    if verified {
        let runs: [[String: Double]] = [0.97, 0.91, 0.99, 0.94, 0.96].map { ["accuracy": $0, "baseline_accuracy": 0.25] }
        let versus: [[String: Double]] = [0.52, 0.49, 0.55, 0.47, 0.53].map { ["accuracy": $0, "baseline_accuracy": 0.25] }
        let verdict = CheckVerdict(passed: true, clauses: [], values: ["accuracy": 0.954, "versus_accuracy": 0.512],
                                   runValues: runs, versusRunValues: versus)
        state.lesson!.verdicts["seeds"] = CheckResult(lesson: lesson.id, check: "seeds", title: "", passed: true, detail: .verbatim(""),
                                                      steps: 4000, seconds: 30, verdict: verdict)
    }
    return state
}

@Suite struct PracticePanelsTests {
    func draw(_ id: PanelKind, _ context: PanelContext, width: Int = 48, height: Int = 12) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        registered(id).draw(context, in: buffer.bounds, buffer: &buffer)
        return buffer
    }

    func lines(_ buffer: Buffer) -> [String] { (0..<buffer.height).map { text(of: buffer, in: buffer.bounds.row($0)) } }

    // MARK: Lessons' dashboards at 80×24 and 100×30

    @Test(arguments: [(80, 24), (100, 30)])
    func forecastAndGapDashboard(_ size: (Int, Int)) {
        let state = practiceState(panels: "[loss_gap, forecast, compare]", width: size.0, height: size.1)
        assertSnapshot(frame(state, capabilities: .monochrome), named: "forecast-gap-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func confusionAndSeedsDashboard(_ size: (Int, Int)) {
        let state = practiceState(panels: "[loss, confusion, compare, seed_dots]", width: size.0, height: size.1)
        assertSnapshot(frame(state, capabilities: .monochrome), named: "confusion-seeds-\(size.0)x\(size.1)")
    }

    // MARK: Forecast

    @Test func theForecastPanelPlotsTruthForecastAndLastValueWithTheirErrors() {
        let buffer = draw(.forecast, panelContext(practiceState(panels: "[loss, forecast, compare]")), width: 60, height: 12)
        assertSnapshot(buffer, named: "panel-forecast-60x12")
        let rows = lines(buffer)
        #expect(rows[0].hasPrefix("forecast 1 ahead vs truth"))
        // The errors over all 120 windows, though 60 columns draw the first 108 (two per column).
        let trace = fakeForecast(step: 100)
        let expected = "MSE \(PanelNumbers.value(meanSquaredError(trace.forecast, trace.truth))) · "
            + "last value \(PanelNumbers.value(meanSquaredError(trace.persistence, trace.truth)))"
        #expect(rows[1].hasPrefix(expected))
        #expect(rows.contains { $0.contains("truth") && $0.contains("forecast") && $0.contains("last value") })
    }

    @Test func withoutAForecastTheEvaluatedRunSaysWhy() {
        let buffer = draw(.forecast, panelContext(trainedState()))
        #expect(lines(buffer)[1].hasPrefix("no forecast"))
        var opened = fixtureState()
        send(&opened, keys(.enter))
        #expect(lines(draw(.forecast, panelContext(opened)))[1].hasPrefix("shown at the first evaluation"))
    }

    @Test func meanSquaredErrorOfPairs() {
        #expect(meanSquaredError([1, 2, 3], [1, 4, 0]) == 13.0 / 3)
        #expect(meanSquaredError([], [1]) == 0)
    }

    // MARK: Train/validation gap

    @Test func theGapPairsEachEvaluationWithTheMeanTrainingLossSinceThePreviousOne() {
        let gap = LossGap(trainSteps: [1, 2, 3, 4, 5, 6], train: [4, 2, .nan, 1, 3, 5], evaluationSteps: [2, 4, 5, 7], validation: [3.5, 2.5, 4, 6])
        // Up to step 2: mean(4, 2); steps 3–4: the NaN left out; step 5: 3; up to 7: 5.
        #expect(gap.points.map(\.train) == [3, 1, 3, 5])
        #expect(gap.points.map(\.difference) == [0.5, 1.5, 1, 1])
        #expect(gap.points[1].ratio == 2.5)
        // An evaluation with no training step since the previous one is left out.
        #expect(LossGap(trainSteps: [1], train: [2], evaluationSteps: [1, 1], validation: [3, 4]).points.count == 1)
    }

    @Test func theGapPanelWritesTheLatestGapOfBothRuns() {
        let state = practiceState(panels: "[loss, loss_gap, compare]")
        let buffer = draw(.lossGap, panelContext(state), width: 60, height: 12)
        assertSnapshot(buffer, named: "panel-loss_gap-60x12")
        let point = LossGap(state.lesson!.run).points.last!
        #expect(point.step == 100)
        let rows = lines(buffer)
        #expect(rows[1].hasPrefix("gap at step 100: +\(PanelNumbers.value(point.difference)) (validation ÷ train \(PanelNumbers.value(point.ratio)))"))
        #expect(rows[2].hasPrefix("hidden 2: "))
    }

    // MARK: Confusion

    @Test func theConfusionGridHasAClassPerRowAndColumnWithTheDiagonalGreen() {
        let buffer = draw(.confusion, panelContext(practiceState(panels: "[loss, confusion, compare]")), width: 40, height: 8)
        assertSnapshot(buffer, named: "panel-confusion-40x8", styles: true)
        let rows = lines(buffer)
        #expect(rows[1].hasPrefix("true") && rows[1].contains("A") && rows[1].contains("D"))
        // The row of C: no A, no B, 40 right, 24 taken for D.
        #expect(rows[4].hasPrefix("C     ·  · 40 24"))
        // C predicted as C (the diagonal) is green; C as D, a quarter of its row, red; B as C, few, yellow.
        let c = rows[4]
        let forty = c.range(of: "40")!.lowerBound
        #expect(buffer[c.distance(from: c.startIndex, to: forty), 4].style == LabTheme.goodDim)
        let twentyFour = c.range(of: "24")!.lowerBound
        #expect(buffer[c.distance(from: c.startIndex, to: twentyFour), 4].style == LabTheme.error)
    }

    @Test func aShortConfusionPanelListsTheCommonestConfusions() {
        let buffer = draw(.confusion, panelContext(practiceState(panels: "[loss, confusion, compare]")), width: 40, height: 4)
        let rows = lines(buffer)
        #expect(rows[1].hasPrefix("most often confused"))
        // C → D (24 at step 100) first, then D → C (4), then B → A (3).
        #expect(rows[2].hasPrefix("C → D: 24  D → C: 4  B → A: 3"))
    }

    @Test func confusionLayoutFitsOrRefuses() {
        let m = fakeConfusion(step: 0)
        let wide = ConfusionLayout(names: ["A", "B", "C", "D"], corner: "true", matrix: m, width: 40)
        #expect(wide?.labelWidth == 5 && wide?.cellWidth == 3)
        #expect(ConfusionLayout(names: ["A", "B", "C", "D"], corner: "true", matrix: m, width: 16) == nil)
    }

    // MARK: Seeds

    @Test func theDotPlotPutsEachSeedOnItsArmsLine() {
        let state = practiceState(panels: "[loss, seed_dots, compare]")
        let buffer = draw(.seedDots, panelContext(state), width: 60, height: 8)
        assertSnapshot(buffer, named: "panel-seed_dots-60x8")
        let rows = lines(buffer)
        #expect(rows[0].hasPrefix("accuracy of each run, check seeds (10 runs)"))
        // Spread within an arm: 99 − 91 = 8 points; the means 95.4% and 51.2% are 44.2 apart.
        #expect(rows[1].hasPrefix("spread within an arm up to 8%; between the means 44.2%"))
        #expect(rows[2].hasPrefix("hidden 8") && rows[3].hasPrefix("hidden 2"))
        // Five dots on each arm's line (two seeds may share a column and show as "2").
        #expect(rows[2].filter { $0 == "●" }.count + rows[2].dropFirst(9).compactMap { Int(String($0)) }.reduce(0, +) == 5)
        #expect(rows[3].filter { $0 == "●" }.count + rows[3].dropFirst(9).compactMap { Int(String($0)) }.reduce(0, +) == 5)
        // The baseline (25%) is the lowest value: its dotted column comes before every dot.
        for row in rows[2...3] {
            let track = row.dropFirst(9)
            #expect(track.firstIndex(of: "┆")! < track.firstIndex { $0 == "●" || $0 == "2" }!)
        }
        #expect(rows[5].contains("baseline 25%"))
        // A fraction's axis stays inside 0…100%.
        #expect(rows[4].hasSuffix("100%") || !rows[4].contains("10"))
    }

    @Test func beforeAVerificationTheDotPlotSaysHowToGetOne() {
        let buffer = draw(.seedDots, panelContext(practiceState(panels: "[loss, seed_dots, compare]", verified: false)))
        #expect(lines(buffer)[0].hasPrefix("each run's result, by seed"))
        #expect(lines(buffer)[1].hasPrefix("v on a check with seeds"))
    }

    @Test func dotColumnsSpanTheTrack() throws {
        let plot = try #require(SeedDots(panelContext(practiceState(panels: "[loss, seed_dots, compare]"))))
        #expect(plot.column(plot.range.lowerBound, width: 30) == 0 && plot.column(plot.range.upperBound, width: 30) == 29)
        #expect(plot.column(-5, width: 30) == 0 && plot.column(.nan, width: 30) == 0)
        #expect(plot.arms.map(\.values.count) == [5, 5] && abs(plot.arms[1].mean - 0.512) < 1e-12)
    }
}
