import LabText
import RNNEngine
import Testing
@testable import RNNLab

/// The confusion matrix and forecast trace probes, and the per-run values a
/// multi-seed verdict keeps for the dot plot.
@Suite struct ConfusionAndForecastTests {
    let classes: [Phrase] = ["a", "b", "c"].map(Phrase.verbatim)

    /// Logits (B, 3) of a hand-made batch of classification targets; `mask` leaves rows out.
    func batch(_ targets: [Int], mask: [Bool]? = nil) -> SequenceBatch {
        SequenceBatch(kind: .classification, inputs: Tensor(shape: [targets.count, 1, 1], repeating: 0), lengths: targets.map { _ in 1 },
                      mask: targets.map { _ in true }, targetClasses: targets, targetMask: mask ?? targets.map { _ in true })
    }

    @Test func countsTrueClassByPredictedClassOverBatches() {
        // Batch 1: true a→a, a→c, b→b, c→b; batch 2: true c→c, b→b (the tie 0.5 / 0.5 goes to the lower class, b),
        // and a row of class a masked out that would count as a→b.
        let first = Tensor(shape: [4, 3], doubles: [2, 0, 1,  0, 1, 3,  -1, 4, 0,  0, 2, 1])
        let second = Tensor(shape: [3, 3], doubles: [0, 0, 5,  0, 0.5, 0.5,  0, 9, 0])
        let m = ConfusionMatrix.counting(outputs: [first, second], batches: [batch([0, 0, 1, 2]), batch([2, 1, 0], mask: [true, true, false])],
                                         classes: classes)
        #expect(m.counts == [1, 0, 1,
                             0, 2, 0,
                             0, 1, 1])
        #expect(m.total == 6 && m.rowTotal(0) == 2 && m.count(truth: 2, predicted: 1) == 1)
        #expect(m.accuracy == 4.0 / 6.0)
    }

    @Test func outputsOfTheWrongShapeAreNotCounted() {
        let perStep = Tensor(shape: [1, 2, 3], doubles: [1, 0, 0, 0, 1, 0])
        let m = ConfusionMatrix.counting(outputs: [perStep], batches: [batch([0])], classes: classes)
        #expect(m.total == 0)
    }

    /// On a digits run the probe's diagonal over its total is the evaluation's accuracy.
    @Test func theProbeAgreesWithTheAccuracyMetric() throws {
        let e = try Experiment(task: "digits", settings: ["hidden": .number(16), "seed": .number(3)], dataDirectory: DataFixture.datasets)
        for _ in 0..<30 { _ = e.trainStep() }
        e.measurements = ["confusion"]
        let evaluation = e.evaluate()
        let m = try #require(evaluation.probes[.confusion]?.confusion)
        #expect(m.size == 10 && m.classes[7] == .verbatim("7"))
        #expect(m.total == e.validation.reduce(0) { $0 + $1.batchSize })
        let accuracy = try #require(evaluation.metrics[.accuracy])
        #expect(abs(m.accuracy - accuracy) < 1e-12)
        // Not asked for: not measured.
        e.measurements = []
        #expect(e.evaluate().probes[.confusion] == nil)
    }

    @Test func aTraceMapsBackToTheDataUnitsAndReadsTheLastRealStep() throws {
        // Two windows of T = 3 (the second only 2 long), targets 1 and −1 in standard units; scale 10, shift 100.
        let inputs = Tensor(shape: [2, 3, 1], doubles: [0.1, 0.2, 0.3,  0.5, 0.7, 0])
        let b = SequenceBatch(kind: .regression, inputs: inputs, lengths: [3, 2], mask: [true, true, true, true, true, false],
                              targetValues: Tensor(shape: [2, 1], doubles: [1, -1]), targetMask: [true, true])
        let out = Tensor(shape: [2, 1], doubles: [0.5, -2])
        let trace = try #require(ForecastTrace.tracing(outputs: [out], batches: [b], scale: 10, shift: 100))
        #expect(trace.truth == [110, 90])
        #expect(trace.forecast == [105, 80])
        #expect(zip(trace.persistence, [103.0, 107.0]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(ForecastTrace(trace.grid) == trace)
        // The limit keeps the first windows.
        #expect(ForecastTrace.tracing(outputs: [out], batches: [b], scale: 1, shift: 0, limit: 1)?.truth == [1])
        // Outputs of more than one number per window are no forecast.
        #expect(ForecastTrace.tracing(outputs: [Tensor(shape: [2, 2], repeating: 0)], batches: [b], scale: 1, shift: 0) == nil)
    }

    /// On sunspots (322 validation windows, all traced: fewer than the limit) the trace's errors are the
    /// evaluation's MSE and the last-value baseline's.
    @Test func theSunspotTraceAgreesWithTheMetricAndTheBaseline() throws {
        let e = try Experiment(task: "sunspots", settings: ["T": .number(150), "horizon": .number(6), "hidden": .number(8), "seed": .number(2)],
                               dataDirectory: DataFixture.datasets)
        for _ in 0..<5 { _ = e.trainStep() }
        e.measurements = ["forecast"]
        let evaluation = e.evaluate()
        let trace = try #require(evaluation.probes[.forecast]?.grid.flatMap(ForecastTrace.init))
        #expect(trace.truth.count == 322 && trace.persistence.count == 322)
        func mse(_ a: [Double]) -> Double { zip(a, trace.truth).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(a.count) }
        let modelMSE = try #require(evaluation.metrics[.mse])
        #expect(abs(mse(trace.forecast) / modelMSE - 1) < 1e-4)
        let lastValue = try #require(e.baselines.first { $0.name == Phrase(.baseline(.lastValue)) }?.metrics[.mse])
        #expect(abs(mse(trace.persistence) / lastValue - 1) < 1e-4)
        // Consecutive windows: the truth of window i + 1 is the value after the truth of window i,
        // so the last value of window i + 6 is the truth of window i.
        #expect(zip(trace.truth.prefix(100), trace.persistence.dropFirst(6)).allSatisfy { abs($0 - $1) < 1e-3 })
    }

    @Test func aVerdictKeepsEachRunsValues() {
        let check = LessonCheck(id: "c", title: "", set: [:], steps: 10, expect: try! CheckCondition.parse("accuracy > versus_accuracy").get(),
                                when: .end, hint: "", line: 1, seeds: [1, 2], versus: ["cell": .choice("gru")])
        let runs = [CheckRun.Outcome(values: ["accuracy": 0.9], steps: 10, end: .budget),
                    CheckRun.Outcome(values: ["accuracy": 0.8], steps: 10, end: .budget)]
        let versus = [CheckRun.Outcome(values: ["accuracy": 0.7], steps: 10, end: .budget),
                      CheckRun.Outcome(values: ["accuracy": 0.75], steps: 10, end: .budget)]
        let verdict = CheckVerdict.judge(check, runs: runs, versusRuns: versus)
        #expect(verdict.runValues.map { $0["accuracy"] } == [0.9, 0.8])
        #expect(verdict.versusRunValues.map { $0["accuracy"] } == [0.7, 0.75])
        #expect(abs(verdict.values["accuracy"]! - 0.85) < 1e-12 && verdict.passed)
    }
}
