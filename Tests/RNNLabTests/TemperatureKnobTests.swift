import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// The `temperature` knob of the char-LM lesson: a fourth sample at the learner's
/// τ, changed live, that leaves the three fixed samples and their metrics alone.
@Suite struct TemperatureKnobTests {
    func shakespeare() throws -> Experiment {
        let e = try Experiment(task: "shakespeare", settings: ["T": .number(32), "cell": .choice("lstm"), "hidden": .number(16),
                                                              "token_embedding": .number(8), "eval_every": .number(1000)],
                               dataDirectory: ExperimentTests.data)
        e.measurements = ["text_samples", "known_words_05", "known_words_10", "known_words_15"]
        return e
    }

    @Test func theKnobAddsAFourthSampleLiveAndLeavesTheFixedOnes() throws {
        let plain = try shakespeare()
        let before = TemperatureSample.samples(plain.evaluate().probes[.textSamples]?.grid)
        #expect(before.map(\.temperature) == [0.5, 1.0, 1.5])

        let e = try shakespeare()
        let effect = try e.apply("temperature", .number(0.25))
        #expect(effect != .rebuild)
        let evaluation = e.evaluate()
        let after = TemperatureSample.samples(evaluation.probes[.textSamples]?.grid)
        #expect(after.map(\.temperature) == [0.5, 1.0, 1.5, 0.25])
        #expect(Array(after.prefix(3)) == before)
        #expect(after[3].text.count == Measurement.sampleLength && after[3].text != before[0].text)
        #expect(evaluation.measurements.filter { $0.id.rawValue.hasPrefix("known_words") }.count == 3)

        // A τ the panel already draws adds nothing; changing it within one step is not served stale.
        _ = try e.apply("temperature", .number(1.5))
        #expect(TemperatureSample.samples(e.evaluate().probes[.textSamples]?.grid).map(\.temperature) == [0.5, 1.0, 1.5])
        _ = try e.apply("temperature", .number(2.5))
        #expect(TemperatureSample.samples(e.evaluate().probes[.textSamples]?.grid).map(\.temperature) == [0.5, 1.0, 1.5, 2.5])
    }

    @Test func theKnobRefusesAτOutsideItsRange() throws {
        let e = try shakespeare()
        #expect(throws: Reason.self) { try e.apply("temperature", .number(0)) }
        #expect(throws: Reason.self) { try e.apply("temperature", .number(6)) }
    }
}
