import Testing
import RNNEngine
@testable import RNNLab

/// `bptt_macs` and `rtrl_macs` as measurements: the formula's numbers for the run's sizes.
@Suite struct MacCountMeasurementTests {
    static func echo(_ cell: String) throws -> Experiment {
        try Experiment(task: "echo", settings: ["T": .number(12), "k": .number(2), "cell": .choice(cell), "hidden": .number(8),
                                                "batch": .number(4)], dataDirectory: ExperimentTests.data)
    }

    @Test func countsForTheRunsSizes() throws {
        let e = try Self.echo("rnn_tanh")
        e.measurements = ["rtrl_macs"]
        let m = e.evaluate().measurements
        let count = MultiplyAddCount(batch: 4, input: e.task.inputSize, hidden: 8, steps: 12)
        #expect(m[MetricID("bptt_macs")] == count.bpttPerStep())
        #expect(m[MetricID("rtrl_macs")] == count.rtrlPerStep)
        #expect(count.rtrlPerStep > 10 * count.bpttPerStep())
        #expect(Measurement.producing(MetricID("rtrl_macs"))?.name == "bptt_macs")
        // Live batch changes reach the count.
        try e.apply("batch", .number(8))
        #expect(e.evaluate().measurements[MetricID("bptt_macs")] == 2 * count.bpttPerStep())
    }

    @Test func onlyForOneSimpleRNN() throws {
        let e = try Self.echo("lstm")
        e.measurements = ["bptt_macs"]
        #expect(e.evaluate().measurements.isEmpty)
        let m = try #require(Measurement.producing(MetricID("bptt_macs")))
        #expect(m.unavailable(["cell": .choice("lstm")], .perStepClassification, false) != nil)
        #expect(m.unavailable(["cell": .choice("rnn_tanh"), "layers": .number(2)], .perStepClassification, false) != nil)
        #expect(m.unavailable(["cell": .choice("rnn_relu")], .perStepClassification, false) == nil)
    }
}
