import Foundation
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

    /// The growth exponents are the log–log slopes of the counts at H = 16, 32, 64: RTRL's
    /// between 3 and 4 (it tends to 4), BPTT's between 1 and 2 (it tends to 2), and
    /// an exact doubling of H changes them only through the lower-order terms.
    @Test func growthExponentsFromTheCounts() throws {
        let e = try Self.echo("rnn_tanh")
        e.measurements = ["rtrl_mac_growth"]
        let m = e.evaluate().measurements
        let rtrl = try #require(m[MetricID("rtrl_mac_growth")]), bptt = try #require(m[MetricID("bptt_mac_growth")])
        let at = { (H: Int) in MultiplyAddCount(batch: 4, input: e.task.inputSize, hidden: H, steps: 12) }
        // Three points: the slope of the fit lies between the two one-octave slopes.
        let octaves = [(16, 32), (32, 64)].map { (a, b) in
            (log2(at(b).rtrlPerStep / at(a).rtrlPerStep), log2(at(b).bpttPerStep() / at(a).bpttPerStep()))
        }
        #expect(rtrl > min(octaves[0].0, octaves[1].0) && rtrl < max(octaves[0].0, octaves[1].0))
        #expect(bptt > min(octaves[0].1, octaves[1].1) && bptt < max(octaves[0].1, octaves[1].1))
        #expect(rtrl > 3.5 && rtrl < 4)
        #expect(bptt > 1.5 && bptt < 2)
        #expect(Measurement.producing(MetricID("bptt_mac_growth"))?.name == "rtrl_mac_growth")
    }
}
