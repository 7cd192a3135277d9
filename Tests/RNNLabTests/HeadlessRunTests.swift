import Foundation
import RNNEngine
import Testing
@testable import RNNLab

/// `rnnlab run`'s training loop and its metrics file (reliability review D16).
@Suite struct HeadlessRunTests {
    static let data = DataDirectory(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets").path)

    /// The review's diverging run: it stops, and the model is rolled back to its
    /// last evaluation, so a checkpoint saved afterwards holds finite parameters.
    @Test func aDivergenceStopsAndRollsBack() throws {
        let e = try Experiment(task: "echo", settings: ["learning_rate": .number(10), "optimizer": .choice("sgd"),
                                                        "cell": .choice("rnn_relu"), "spectral_radius": .number(3), "eval_every": .number(5)],
                               dataDirectory: Self.data)
        var run = HeadlessRun()
        run.train(e, steps: 300)
        guard case let .diverged(step, cause, good) = run.ending else {
            Issue.record("expected a divergence, got \(run.ending)")
            return
        }
        #expect(step < 300 && good < step && good % 5 == 0)
        if case .weights = cause {} else {
            if case .loss(let v) = cause { #expect(!v.isFinite) }
            if case .gradient(let v) = cause { #expect(!v.isFinite) }
        }
        #expect(e.step == good)
        #expect(run.log.rows.count == step)
        #expect(e.stateDict().values.allSatisfy { t in t.scalars.allSatisfy(\.isFinite) })
        #expect(e.evaluate().loss.isFinite)
    }

    @Test func aStopRequestEndsTheRunBetweenSteps() throws {
        let e = try Experiment(task: "echo", settings: [:], dataDirectory: Self.data)
        var run = HeadlessRun()
        var asked = 0
        run.train(e, steps: 100, shouldStop: { asked += 1; return asked > 7 })
        #expect(run.ending == .interrupted(step: 7))
        #expect(run.log.rows.map(\.step) == Array(1...7))
    }

    @Test func aFinishedRunTakesEveryStep() throws {
        let e = try Experiment(task: "echo", settings: [:], dataDirectory: Self.data)
        var run = HeadlessRun()
        run.train(e, steps: 3)
        #expect(run.ending == .finished && run.log.rows.count == 3 && e.step == 3)
    }
}

@Suite struct MetricsLogTests {
    /// NaN and infinities are JSON null, never the string "nan"; the keys are the CSV's.
    @Test func nonFiniteNumbersAreNullInJSON() throws {
        var log = MetricsLog()
        log.append(.init(step: 1, loss: 0.5, validationLoss: .nan, gradientNorm: .infinity, metrics: [.init("accuracy", .nan)],
                         timeStepGradientNorms: [1, -.infinity]))
        log.append(.init(step: 2, loss: .nan, gradientNorm: 2))
        let data = try log.encoded(asJSON: true)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("nan") && !text.contains("inf"))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["loss"] as? Double == 0.5)
        #expect(rows[0]["validation_loss"] is NSNull && rows[0]["gradient_norm"] is NSNull && rows[0]["accuracy"] is NSNull)
        let norms = try #require(rows[0]["time_step_gradient_norms"] as? [Any])
        #expect(norms.count == 2 && norms[0] as? Double == 1 && norms[1] is NSNull)
        #expect(rows[1]["loss"] is NSNull && rows[1]["validation_loss"] == nil && rows[1]["accuracy"] == nil)
    }

    @Test func csvHasOneLinePerStepWithEveryMetric() throws {
        var log = MetricsLog()
        log.append(.init(step: 1, loss: 0.25, gradientNorm: 1))
        log.append(.init(step: 2, loss: 0.25, validationLoss: 0.5, gradientNorm: 1, metrics: [.init("accuracy", 0.75), .init("solved", 0.5)],
                         timeStepGradientNorms: [0.5, 0.25]))
        let text = String(decoding: try log.encoded(asJSON: false), as: UTF8.self)
        #expect(text == """
            step,loss,gradient_norm,validation_loss,accuracy,solved,time_step_gradient_norms
            1,0.25,1.0,,,,
            2,0.25,1.0,0.5,0.75,0.5,0.5;0.25

            """)
        #expect(MetricsLog.acceptsExtension(of: "a.csv") && MetricsLog.acceptsExtension(of: "a.json") && !MetricsLog.acceptsExtension(of: "a.txt"))
    }

    /// Both formats carry the same keys with the same values, step by step.
    @Test func csvAndJSONAgreeKeyForKey() throws {
        var log = MetricsLog()
        log.append(.init(step: 1, loss: 0.125, gradientNorm: 3))
        log.append(.init(step: 2, loss: 0.0625, validationLoss: 0.25, gradientNorm: 2, metrics: [.init("mse", 0.25), .init("solved", 0.375)]))
        let json = try #require(try JSONSerialization.jsonObject(with: log.encoded(asJSON: true)) as? [[String: Any]])
        let lines = String(decoding: try log.encoded(asJSON: false), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(Set(json.flatMap(\.keys)).isSubset(of: Set(header)))
        for (row, object) in zip(lines.dropFirst(), json) {
            for (key, cell) in zip(header, row) where key != "time_step_gradient_norms" {
                if cell.isEmpty { #expect(object[key] == nil, "\(key)") } else { #expect((object[key] as? NSNumber)?.doubleValue == Double(cell), "\(key)") }
            }
        }
    }

    /// A headless run's log holds the task's validation metrics at its evaluations.
    @Test func aRunLogsTheTasksMetrics() throws {
        let e = try Experiment(task: "echo", settings: ["eval_every": .number(2)], dataDirectory: HeadlessRunTests.data)
        var run = HeadlessRun()
        run.train(e, steps: 4)
        let keys = run.log.keys
        #expect(keys.first == "step" && keys.last == "time_step_gradient_norms" && keys.contains("accuracy"))
        let evaluated = run.log.rows.filter { $0.validationLoss != nil }
        #expect(evaluated.map(\.step) == [2, 4])
        #expect(evaluated.allSatisfy { $0.metrics.contains { $0.id == "accuracy" && (0...1).contains($0.value) } })
    }
}
