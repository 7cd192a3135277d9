import LabText
import Foundation
@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// How trainer events fold into a run: one fold for the lesson's run and the
/// compare run, a fresh ``RunData`` on every build, probes kept by id.
@Suite struct RunFoldTests {
    let lesson = fixtureLesson()

    /// The same events make the same run, whether they reach the lesson's run or its compare run.
    @Test func lessonAndCompareRunsFoldAlike() {
        let events: [TrainerEvent] = [readyEvent(lesson), .running(true)]
            + (1...30).map { .report(fakeReport(step: $0, evaluate: $0 % 25 == 0, probes: $0 % 5 == 0)) }
            + [.changed(name: "learning_rate", value: .number(0.02), effect: .live, step: 30),
               .diverged(.gradient(.infinity), step: 31), .running(false)]
        var state = fixtureState()
        send(&state, keys(.enter))
        for e in events { send(&state, [.trainer(e)]) }
        var companion = RunState(settings: lesson.settings)
        for e in events { applyCompanionEvent(&companion, e) }
        let run = state.lesson!.run
        #expect(run.step == companion.step && run.trainLoss == companion.trainLoss && run.events == companion.events)
        #expect(run.settings == companion.settings && run.probes == companion.probes && run.samples == companion.samples)
        #expect(run.divergence.map(Language.english.render) == "at step 31 the gradient norm became inf" && companion.divergence == run.divergence)
        // Playing again takes the banner down, for both.
        send(&state, [.trainer(.running(true))])
        applyCompanionEvent(&companion, .running(true))
        #expect(state.lesson!.run.divergence == nil && companion.divergence == nil)
    }

    /// A rebuild replaces everything the old build produced.
    @Test func readyStartsFreshData() {
        var run = RunState(settings: lesson.settings)
        fold(readyEvent(lesson), into: &run)
        for step in 1...50 { fold(.report(fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)), into: &run) }
        fold(.diverged(.weights, step: 51), into: &run)
        #expect(run.step == 50 && run.probes != nil && !run.samples.isEmpty && !run.metricHistory.isEmpty)
        fold(.changed(name: "hidden", value: .number(16), effect: .rebuild, step: 51), into: &run)
        fold(readyEvent(lesson, overrides: ["hidden": .number(16)]), into: &run)
        #expect(run.step == 0 && run.probes == nil && run.samples.isEmpty && run.metricHistory.isEmpty)
        #expect(run.trainLoss.isEmpty && run.divergence == nil && run.passedChecks.isEmpty)
        #expect(run.events.map(\.english) == ["hidden 8→16 rebuilt"] && run.events.map(\.step) == [0])
        #expect(run.settings["hidden"] == .number(16))
    }

    /// Probes are kept by id: a newer set replaces what it has and keeps what it lacks.
    @Test func probesMergeById() {
        var run = RunState(settings: lesson.settings)
        fold(readyEvent(lesson), into: &run)
        var first = fakeReport(step: 5, probes: true)
        first.probes![.attention] = .grid(Grid(rows: 1, columns: 2, values: [0.25, 0.75], rowLabels: ["a"], columnLabels: ["x", "y"]))
        fold(.report(first), into: &run)
        var second = fakeReport(step: 10, probes: true)
        second.probes![.spectralRadii] = .series([1.5])
        fold(.report(second), into: &run)
        #expect(run.probes?.step == 10 && run.probes?.spectralRadii == [1.5])
        #expect(run.probes?.attention.values == [0.25, 0.75] && run.probes?.attentionColumns == ["x", "y"])
    }

    /// Predictions are coloured by the trainer's verdict, not by comparing text:
    /// a regression forecast a hair off its target but within tolerance is green.
    @Test func predictionsAreColouredByTheirVerdict() {
        var run = RunState(settings: lesson.settings)
        run.samples = [SampleRow(predicted: [.number(0.512)], target: [.number(0.513)], correct: [true]),
                       SampleRow(predicted: [.number(0.9)], target: [.number(0.1)], correct: [false]),
                       SampleRow(predicted: [.number(0.3)], target: [.number(0.3)], correct: [nil])]
        var buffer = Buffer(width: 40, height: 5)
        PredictionsPanel().draw(PanelContext(lesson: lesson, run: run, language: .english), in: Rect(width: 40, height: 5), buffer: &buffer)
        func row(_ y: Int) -> String { String((0..<40).map { buffer[$0, y].symbol }).trimmingCharacters(in: .whitespaces) }
        #expect(row(1) == "pred 0.512  target 0.513" && row(2) == "pred 0.9  target 0.1" && row(3) == "pred 0.3  target 0.3")
        #expect(buffer[5, 1].style == LabTheme.goodDim && buffer[5, 2].style == LabTheme.error && buffer[5, 3].style == .plain)
    }
}
