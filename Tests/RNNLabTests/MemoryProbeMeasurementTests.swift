import Testing
import RNNEngine
@testable import RNNLab

/// The memory read-out as measurements (`memory_r2_lag_j`) and as a probe (`memory_curve`).
@Suite struct MemoryProbeMeasurementTests {
    static func echo(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["T": .number(16), "k": .number(2), "cell": .choice("gru"), "hidden": .number(12),
                                         "batch": .number(16), "eval_every": .number(5)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "echo", settings: s, dataDirectory: ExperimentTests.data)
    }

    @Test func metricsAndCurveAgreeWithTheProbe() throws {
        let e = try Self.echo()
        e.measurements = ["memory_r2_lag_3", "memory_curve"]
        let evaluation = e.evaluate()
        let metrics = (0...Measurement.memoryLags).map { evaluation.measurements[MetricID("memory_r2_lag_\($0)")] }
        #expect(metrics.allSatisfy { $0 != nil && $0! <= 1 && $0!.isFinite })
        let curve = try #require(evaluation.probes[.memoryCurve]?.series)
        #expect(curve == metrics.compactMap { $0 })
        // The same numbers as the engine's probe on the two halves of the first validation batch.
        let batch = try #require(e.validation.first)
        let half = batch.batchSize / 2
        let model = try #require(e.model as? SequenceModel)
        model.isTraining = false
        let direct = MemoryProbe.r2(of: model.recurrent, fit: batch.inputs.slice(axis: 0, 0..<half),
                                    test: batch.inputs.slice(axis: 0, half..<batch.batchSize),
                                    fitLengths: Array(batch.lengths[0..<half]), testLengths: Array(batch.lengths[half...]),
                                    maxLag: Measurement.memoryLags)
        #expect(direct == curve)
    }

    /// Measuring changes nothing in the run: the same losses step by step, with and
    /// without the probes (their backward passes leave no gradient, draw no random number).
    @Test func measuringLeavesTheRunUnchanged() throws {
        let (a, b) = (try Self.echo(), try Self.echo())
        a.measurements = ["memory_curve", "connectivity", "memory_r2_lag_0"]
        for _ in 0..<12 {
            let (ra, rb) = (a.trainStep(), b.trainStep())
            #expect(ra.loss == rb.loss)
            if let ea = ra.evaluation { #expect(ea.probes[.connectivity] != nil && ea.probes[.memoryCurve] != nil) }
        }
    }
}
