import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// Metric ids apart from labels, the operator enum, and NaN that is never success.
@Suite struct MetricTests {
    @Test func idsAreStableAndLabelsAreForDisplay() throws {
        let task = try TaskCatalog.make("echo", knobs: ["T": 6, "k": 1])
        #expect(task.metricKinds.map(\.id) == [.accuracy, .crossEntropy, .exactMatch])
        #expect(task.metricKinds.map(\.label) == ["accuracy", "cross-entropy", "exact match"])
        let adding = try TaskCatalog.make("adding", knobs: ["T": 6])
        #expect(adding.metricKinds.map(\.id.rawValue) == ["mse", "rmse", "mae", "solved"])
        // Seq2seq decodings are one-hot rows: no cross-entropy is reported for them.
        let reverse = try TaskCatalog.make("reverse", knobs: ["length": 4, "K": 3])
        #expect(reverse.metricKinds.map(\.id) == [.accuracy, .exactMatch])
        // Baselines are keyed by id in RunMetrics.
        let metrics = RunMetrics(baselines: adding.baselines(on: .validation))
        #expect(metrics.values["baseline_mse"] != nil && metrics.values["baseline_solved"] != nil)
        #expect(metrics.values.keys.allSatisfy { MetricID(rawValue: $0) != nil })
        #expect(MetricID(rawValue: "cross-entropy") == nil && MetricID(rawValue: "Accuracy") == nil)
    }

    @Test func everyKnownIdIsUniqueAndSnakeCase() {
        let ids = MetricKind.all.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy(MetricID.isValid))
    }

    @Test func measurementsAreFoundByTheMetricsTheyDeclare() {
        #expect(Measurement.producing(MetricID("attention_next"))?.name == "attention_mirror")
        #expect(Measurement.producing(MetricID("bptt_ms_32"))?.name == "rtrl_growth")
        #expect(Measurement.producing(MetricID("update_gate_at_marker"))?.name == "update_gate_carrying")
        #expect(Measurement.producing(MetricID("rtrl_ms_8")) == nil)  // not a timed size
        #expect(Measurement.producing(.accuracy) == nil)
    }

    @Test func operatorsAreParsedOnceWithNoFallback() throws {
        let c = try CheckCondition.parse("cross_entropy <= 1 and exact_match == 1 and loss < 2 * baseline_mse").get()
        #expect(c.clauses.map(\.op) == [.lessOrEqual, .equal, .less])
        for bad in ["accuracy = 1", "accuracy => 1", "accuracy ≥ 1", "cross-entropy < 1", "accuracy > 0x1"] {
            if case .success = CheckCondition.parse(bad) { Issue.record("\(bad) was accepted") }
        }
        #expect(c.description == "cross_entropy <= 1 and exact_match == 1 and loss < 2 * baseline_mse")
    }

    /// "Five points above the baseline" is `accuracy > baseline_accuracy + 0.05`; an
    /// offset also follows a factor, and reads back as written.
    @Test func anOperandMayAddOrSubtractANumber() throws {
        let points = try CheckCondition.parse("accuracy > baseline_accuracy + 0.05").get()
        #expect(points.clauses[0].rhs == .metric("baseline_accuracy", factor: 1, offset: 0.05))
        #expect(try points.evaluate(["accuracy": 0.86, "baseline_accuracy": 0.8]).get() == true)
        #expect(try points.evaluate(["accuracy": 0.84, "baseline_accuracy": 0.8]).get() == false)
        let both = try CheckCondition.parse("mse < 0.5 * baseline_mse - 0.01").get()
        #expect(both.clauses[0].threshold(["baseline_mse": 0.2]) == 0.5 * 0.2 - 0.01)
        #expect(both.description == "mse < 0.5 * baseline_mse - 0.01")
        #expect(points.description == "accuracy > baseline_accuracy + 0.05")
        for bad in ["accuracy > baseline_accuracy +", "accuracy > baseline_accuracy + x", "accuracy > 0.05 + baseline_accuracy",
                    "accuracy > baseline_accuracy + -0.05", "accuracy > baseline_accuracy * 2", "accuracy > 1 + 2"] {
            if case .success = CheckCondition.parse(bad) { Issue.record("\(bad) was accepted") }
        }
    }

    /// Reliability review D3: NaN is never success, whatever the operator.
    @Test func nanNeverHolds() throws {
        for op in CheckCondition.Op.allCases {
            #expect(!op.holds(.nan, 1) && !op.holds(1, .nan) && !op.holds(.nan, .nan), "\(op)")
        }
        let c = try CheckCondition.parse("solved > 0.9").get()
        #expect(try c.evaluate(["solved": .nan]).get() == false)
        let below = try CheckCondition.parse("accuracy < 0.6").get()
        #expect(try below.evaluate(["accuracy": .nan]).get() == false)
        let relative = try CheckCondition.parse("mse > 0.9 * baseline_mse").get()
        #expect(try relative.evaluate(["mse": 1, "baseline_mse": .nan]).get() == false)
        #expect(try relative.evaluate(["mse": 1, "baseline_mse": 0.5]).get() == true)
    }

    /// Reliability review D3's reproduction: a regression output of NaN is not solved.
    @Test func aNaNOutputIsNeverScoredAsRight() throws {
        let adding = try TaskCatalog.make("adding", knobs: ["T": 6])
        let batches = adding.evaluationBatches(.validation, batchSize: 64)
        let nan = adding.score(batches.map { Tensor(shape: [$0.batchSize, 1], repeating: .nan) }, on: batches)
        #expect(nan.map(\.id) == [.mse, .rmse, .mae, .solved])
        #expect(nan.allSatisfy { $0.value.isNaN })
        #expect(try CheckCondition.parse("solved > 0.9").get().evaluate(["solved": nan[.solved]!]).get() == false)
        // One infinite output among finite ones is enough.
        let mixed = adding.score(batches.enumerated().map { i, b in
            Tensor(shape: [b.batchSize, 1], scalars: (0..<b.batchSize).map { i == 0 && $0 == 0 ? Float.infinity : 1 })
        }, on: batches)
        #expect(mixed.allSatisfy { $0.value.isNaN })
        // Finite outputs score finitely (the control).
        let one = adding.score(batches.map { Tensor(shape: [$0.batchSize, 1], repeating: 1) }, on: batches)
        #expect(one.allSatisfy { $0.value.isFinite } && one[.mse]! > 0.1)

        let echo = try TaskCatalog.make("echo", knobs: ["T": 6, "k": 1])
        let eb = echo.evaluationBatches(.validation, batchSize: 64)
        // NaN logits used to pick class 0 and count as right whenever the target was 0.
        let logits = echo.score(eb.map { b in Tensor(shape: [b.targetClasses!.count, echo.outputSize], repeating: .nan) }, on: eb)
        #expect(logits.allSatisfy { $0.value.isNaN })
    }
}
