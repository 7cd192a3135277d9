@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// The fixture lesson with `panels`, 120×36, after 100 fake steps with clip_norm
/// 0.5: the norm crosses it on every third step; evaluations carry RTRL's numbers.
func clippedState(panels: String = "[loss, gradient_history, metric]") -> AppState {
    let text = fixtureLessonText.replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]", with: "panels: " + panels)
    var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: 120, height: 36)
    send(&state, keys(.enter))
    send(&state, [.trainer(readyEvent(state.lesson!.lesson, overrides: ["clip_norm": .number(0.5)])), .trainer(.running(true))])
    for step in 1...100 {
        var r = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
        r.gradientNorm = step % 3 == 0 ? 2.0 : 0.2
        r.clipped = step % 3 == 0
        if var e = r.evaluation {
            e.measurements = [Metric(MetricKind.known("rtrl_ms_16")!, 0.03), Metric(MetricKind.known("rtrl_ms_32")!, 0.21),
                              Metric(MetricKind.known("rtrl_ms_64")!, 2.0), Metric(MetricKind.known("rtrl_growth")!, 3.03),
                              Metric(MetricKind.known("bptt_ms_16")!, 0.002), Metric(MetricKind.known("bptt_ms_32")!, 0.004),
                              Metric(MetricKind.known("bptt_ms_64")!, 0.009), Metric(MetricKind.known("bptt_growth")!, 0.9)]
            e.gradientComparison = GradientComparison(rows: [.init(name: "weight_hh_l0", bptt: 0.5, rtrl: 0.5000001, difference: 2e-7)],
                                                      difference: 2e-7)
            r.evaluation = e
        }
        send(&state, [.trainer(.report(r))])
    }
    return state
}

/// The fixture lesson with a compare run of 2 hidden units, 120×36: the lesson's
/// run passes 0.95 at step 75; the small one stays at 0.5 and stops at step 80.
func compareState() -> AppState {
    let text = fixtureLessonText
        .replacingOccurrences(of: "knobs:\n", with: "compare: {hidden: 2}\nknobs:\n")
        .replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]", with: "panels: [loss, gradient_norms, compare]")
    var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: 120, height: 36)
    send(&state, keys(.enter))
    let lesson = state.lesson!.lesson
    var small = readyEvent(lesson, overrides: ["hidden": .number(2)])
    if case .ready(var info) = small { info.parameterCount = 40; small = .ready(info) }
    send(&state, [.trainer(readyEvent(lesson)), .companion(small), .trainer(.running(true)), .companion(.running(true))])
    for step in 1...100 {
        send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0, accuracy: min(0.99, 0.35 * Double(step / 25)))))])
        if step <= 80 {
            send(&state, [.companion(.report(fakeReport(step: step, evaluate: step % 25 == 0, accuracy: 0.5)))])
        }
    }
    return state
}

/// The panels lessons 2, 3 and 5 add: gradient norm by training step with clip
/// marks, the checked metric with its thresholds, BPTT against RTRL, and the
/// compare run.
@Suite struct TrainingPanelTests {
    @Test func panelsDrawTheirReferenceLinesAndMarks() {
        let state = clippedState()
        #expect(state.lesson!.run.clippedSteps.count == 33)
        let buffer = frame(state)
        assertSnapshot(buffer, named: "training-panels-120x36")
        let text = (0..<36).map { y in String((0..<120).map { buffer[$0, y].symbol }) }.joined(separator: "\n")
        #expect(text.contains("clip_norm 0.5"))
        #expect(text.contains("━━ > 0.95"))           // the echo-3 threshold on the accuracy plot
        #expect(text.contains("━━ threshold") && text.contains("━━ clipp"))
    }

    @Test func rtrlPanelShowsBothGradientsAndTheCost() {
        let buffer = frame(clippedState(panels: "[loss, rtrl]"))
        assertSnapshot(buffer, named: "rtrl-panel-120x36")
        let text = (0..<36).map { y in String((0..<120).map { buffer[$0, y].symbol }) }.joined(separator: "\n")
        #expect(text.contains("weight_hh_l0"))
        #expect(text.contains("all: rel. diff 2"))
        #expect(text.contains("~H^3 ") && text.contains("~H^0.9"))
    }

    @Test func comparePanelShowsBothRunsAndWhenEachMetTheThreshold() {
        let state = compareState()
        let buffer = frame(state)
        assertSnapshot(buffer, named: "compare-panel-120x36")
        let lines = (0..<36).map { y in String((0..<120).map { buffer[$0, y].symbol }) }
        // The settings are named once (title, header); the rows give their values (review: lesson 13's names were cut).
        #expect(lines.contains { $0.contains("hidden 8 vs 2, side by side") })
        #expect(lines.contains { $0.range(of: #"hidden +params +step"#, options: .regularExpression) != nil })
        #expect(lines.contains { $0.range(of: #"  8 +\d+ +100 +99% +75"#, options: .regularExpression) != nil })
        #expect(lines.contains { $0.range(of: #"  2 +40 +80 +50% +–"#, options: .regularExpression) != nil })
        #expect(firstStep(state.lesson!.run.metricHistory["accuracy"], meeting: (.greater, 0.95)) == 75)
        #expect(firstStep(state.lesson!.companion!.metricHistory["accuracy"], meeting: (.less, 0.6)) == 25)
    }
}
