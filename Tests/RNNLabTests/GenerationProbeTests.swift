import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// The char-LM panels' probes: the samples at three temperatures and the strip
/// of the unit that tracks the line, as the trainer reports them at an evaluation.
@Suite struct GenerationProbeTests {
    func shakespeare(seed: Int = 1) throws -> Experiment {
        let e = try Experiment(task: "shakespeare", settings: ["T": .number(32), "cell": .choice("lstm"), "hidden": .number(16),
                                                              "token_embedding": .number(8), "eval_every": .number(1000),
                                                              "seed": .number(Double(seed))],
                               dataDirectory: ExperimentTests.data)
        e.measurements = ["text_samples", "line_unit_strip", "known_words_05", "known_words_10", "known_words_15"]
        return e
    }

    @Test func gridsRoundTripAndRefuseOtherGrids() {
        let samples = [TemperatureSample(temperature: 0.5, text: "a\nb"), TemperatureSample(temperature: 1.5, text: "c")]
        #expect(TemperatureSample.samples(TemperatureSample.grid(samples)) == samples)
        #expect(TemperatureSample.samples(Grid(rows: 2, columns: 2, values: [1, 2, 3, 4])).isEmpty)
        #expect(TemperatureSample.samples(nil).isEmpty)
        let strip = ActivationStrip(unit: 3, correlation: -0.25, characters: ["a", "\n"], values: [0.5, -0.125])
        #expect(ActivationStrip.strip(strip.grid) == strip)
        #expect(ActivationStrip.strip(Grid(rows: 1, columns: 2, values: [1, 2], rowLabels: ["x"], columnLabels: ["a", "b"])) == nil)
        #expect(ActivationStrip.strip(.empty) == nil)
    }

    /// The samples are the draws the known-words metrics counted (one draw per
    /// evaluation), 400 characters at 0.5, 1 and 1.5; the same seed gives the same
    /// text in another experiment (live and headless agree), another seed another.
    @Test func samplesAreTheDrawsTheMetricsCount() throws {
        let e = try shakespeare()
        let evaluation = e.evaluate()
        let samples = TemperatureSample.samples(evaluation.probes[.textSamples]?.grid)
        #expect(samples.map(\.temperature) == [0.5, 1.0, 1.5])
        #expect(samples.allSatisfy { $0.text.count == Measurement.sampleLength })
        let info = try #require((e.task as? ExampleTask)?.info)
        for (sample, metric) in zip(samples, evaluation.measurements.filter { $0.id.rawValue.hasPrefix("known_words") }) {
            #expect(metric.value == TextWords.knownFraction(TextWords.words(sample.text), in: info.trainingWords))
        }
        let again = try shakespeare().evaluate().probes[.textSamples]
        #expect(again == evaluation.probes[.textSamples])
        #expect(try shakespeare(seed: 2).evaluate().probes[.textSamples] != evaluation.probes[.textSamples])
    }

    /// The strip is the best line unit's state over the start of the validation
    /// text, with that unit's signed r.
    @Test func stripFollowsTheBestLineUnit() throws {
        let e = try shakespeare()
        _ = e.trainStep()
        let strip = try #require(ActivationStrip.strip(e.evaluate().probes[.lineUnitStrip]?.grid))
        let best = try #require(e.lineUnitCorrelation())
        #expect(strip.unit == best.unit && abs(strip.correlation) == best.correlation)
        #expect(strip.values.count == ProbeMeasurement.stripLength && strip.characters.count == ProbeMeasurement.stripLength)
        let task = try #require(e.task as? ExampleTask)
        let vocabulary = try #require(task.info.inputVocabulary)
        let start = task.examples.validation[0].tokens.prefix(10).map { vocabulary.symbol($0) }
        #expect(Array(strip.characters.prefix(10)) == start)
        #expect(strip.values.allSatisfy { $0.isFinite && abs($0) < 1 })
    }

    /// Tasks that are not char LMs get neither probe.
    @Test func otherTasksGetNoGenerationProbes() throws {
        let e = try Experiment(task: "echo", settings: ["T": .number(8)], dataDirectory: ExperimentTests.data)
        e.measurements = ["text_samples", "line_unit_strip"]
        let probes = e.evaluate().probes
        #expect(probes[.textSamples] == nil && probes[.lineUnitStrip] == nil)
    }
}
