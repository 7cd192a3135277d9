import Testing
import RNNEngine
@testable import RNNLab

/// `connectivity` as a probe grid of an experiment.
@Suite struct ConnectivityMeasurementTests {
    @Test func gridIsCausalAndOnlyWhenAsked() throws {
        let e = try Experiment(task: "echo", settings: ["T": .number(9), "k": .number(2), "cell": .choice("lstm"), "hidden": .number(6)],
                               dataDirectory: ExperimentTests.data)
        #expect(e.evaluate().probes.isEmpty)
        e.measurements = ["connectivity"]
        let grid = try #require(e.evaluate().probes[.connectivity]?.grid)
        #expect(grid.rows == 9 && grid.columns == 9)
        for t in 0..<9 {
            for s in 0..<9 {
                let v = grid.values[t * 9 + s]
                if s > t { #expect(v == 0) } else { #expect(v > 0) }
            }
        }
        #expect(ProbeMeasurement.all.first { $0.id == .connectivity }?.unavailable(.seq2seq) != nil)
    }
}
