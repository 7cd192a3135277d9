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
                                                        "cell": .choice("rnn_relu"), "spectral_radius": .number(4),
                                                        "eval_every": .number(5)],
                               dataDirectory: Self.data)
        var run = HeadlessRun()
        run.train(e, steps: 60)
        guard case let .diverged(step, reason, good) = run.ending else {
            Issue.record("expected a divergence, got \(run.ending)")
            return
        }
        #expect(step < 60 && good < step && good % 5 == 0)
        #expect(!reason.isEmpty)
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
    /// NaN and infinities are JSON null, never the string "nan".
    @Test func nonFiniteNumbersAreNullInJSON() throws {
        var log = MetricsLog()
        log.append(.init(step: 1, loss: 0.5, validationLoss: .nan, gradientNorm: .infinity, timeStepGradientNorms: [1, -.infinity]))
        log.append(.init(step: 2, loss: .nan, gradientNorm: 2))
        let data = try log.encoded(asJSON: true)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("nan") && !text.contains("inf"))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["loss"] as? Double == 0.5)
        #expect(rows[0]["validationLoss"] is NSNull && rows[0]["gradientNorm"] is NSNull)
        let norms = try #require(rows[0]["timeStepGradientNorms"] as? [Any])
        #expect(norms.count == 2 && norms[0] as? Double == 1 && norms[1] is NSNull)
        #expect(rows[1]["loss"] is NSNull && rows[1]["validationLoss"] == nil)
    }

    @Test func csvHasOneLinePerStep() throws {
        var log = MetricsLog()
        log.append(.init(step: 1, loss: 0.25, validationLoss: 0.5, gradientNorm: 1, timeStepGradientNorms: [0.5, 0.25]))
        let text = String(decoding: try log.encoded(asJSON: false), as: UTF8.self)
        #expect(text == "step,loss,validation_loss,gradient_norm,time_step_gradient_norms\n1,0.25,0.5,1.0,0.5;0.25\n")
        #expect(MetricsLog.acceptsExtension(of: "a.csv") && MetricsLog.acceptsExtension(of: "a.json") && !MetricsLog.acceptsExtension(of: "a.txt"))
    }
}
