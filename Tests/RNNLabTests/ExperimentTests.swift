import Foundation
import Testing
import TestTiers
@testable import RNNLab
import RNNEngine

/// The experiment behind a lesson: settings, live changes, rebuilds, divergence.
@Suite struct ExperimentTests {
    static let data = DataDirectory(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets").path)

    func echo(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["T": .number(12), "k": .number(1), "hidden": .number(8), "batch": .number(8),
                                         "eval_every": .number(5)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "echo", settings: s, dataDirectory: Self.data)
    }

    @Test func refusesUnknownAndOutOfRangeSettings() throws {
        #expect(throws: Reason.self) { try echo(["colour": .choice("red")]) }
        let e = try echo()
        #expect(throws: Reason(english: "learning_rate=20 is out of range 1e-6…10")) { try e.apply("learning_rate", .number(20)) }
        #expect(e.settings["learning_rate"] == .number(0.01))
    }

    /// A live change keeps the model and the step count; a rebuild starts over.
    @Test func liveChangesKeepTheModelRebuildsStartOver() throws {
        let e = try echo()
        for _ in 0..<3 { _ = e.trainStep() }
        let before = e.stateDict()["rnn.weight_hh_l0"]!
        #expect(try e.apply("learning_rate", .number(0.05)) == .live)
        #expect(e.step == 3 && e.optimizer.learningRate == 0.05)
        #expect(e.stateDict()["rnn.weight_hh_l0"] == before)
        #expect(try e.apply("hidden", .number(4)) == .rebuild)
        #expect(e.step == 0 && e.stateDict()["rnn.weight_hh_l0"]!.shape == [4, 4])
    }

    /// The same seed reproduces a run bit for bit.
    @Test func seededRunsReproduce() throws {
        let a = try echo(), b = try echo()
        let la = (0..<5).map { _ in a.trainStep().loss }, lb = (0..<5).map { _ in b.trainStep().loss }
        #expect(la == lb)
        let c = try echo(["seed": .number(2)])
        #expect((0..<5).map { _ in c.trainStep().loss } != la)
    }

    /// A huge learning rate on a ReLU RNN blows up: the step reports the divergence,
    /// the update is not applied, and rolling back restores finite weights.
    @Test func divergenceIsReportedNotApplied() throws {
        let e = try echo(["cell": .choice("rnn_relu"), "spectral_radius": .number(3), "learning_rate": .number(10),
                          "optimizer": .choice("sgd"), "T": .number(60)])
        var diverged: StepReport?
        for _ in 0..<50 {
            let r = e.trainStep()
            if r.divergence != nil { diverged = r; break }
        }
        guard let report = diverged, let cause = report.divergence else { Issue.record("no divergence in 50 steps"); return }
        // The cause carries the value that went bad; the step was not counted as good.
        switch cause {
        case .loss(let v), .gradient(let v): #expect(!v.isFinite, "\(cause)")
        case .weights: break
        }
        #expect(report.evaluation == nil)
        _ = e.lowerLearningRateAndRollBack()
        #expect(e.settings["learning_rate"] == .number(1))
        #expect(e.stateDict().values.allSatisfy { $0.isFinite })
    }

    /// Evaluations and probes arrive on schedule, with one gradient norm per step.
    @Test func reportsCarryEvaluationsAndProbes() throws {
        let e = try echo()
        var reports: [StepReport] = []
        for _ in 0..<5 { reports.append(e.trainStep()) }
        #expect(reports[4].evaluation != nil && reports[3].evaluation == nil)
        #expect(reports[4].evaluation!.metrics.contains { $0.id == .accuracy })
        let probes = reports[0].probes!
        // Hidden states as a grid of 8 units × 12 steps; the tanh RNN has no gates or cell.
        #expect(probes.step == 1 && probes.gradientNorms.count == 12)
        #expect(probes.hidden.rows == 8 && probes.hidden.columns == 12 && probes.hidden.values.count == 96)
        #expect(probes.hidden.values.allSatisfy { abs($0) <= 1 })
        #expect(probes[.cell] == nil && probes.gates.rows == 0)
        #expect(probes.gradientNorms.allSatisfy { $0.isFinite })
        #expect(probes.parameterOrder == e.model.namedParameters.map(\.name))
        #expect(reports[1].probes == nil && reports[4].probes != nil)
        // Samples: echo symbols, each prediction judged against the target at its step.
        let samples = reports[4].samples
        #expect(!samples.isEmpty)
        for row in samples {
            #expect(row.predicted.count == row.target.count && row.correct.count == row.predicted.count)
            for i in row.predicted.indices { #expect(row.correct[i] == (row.predicted[i] == row.target[i])) }
            #expect(row.predicted.allSatisfy { if case .symbol = $0 { true } else { false } })
        }
    }

    /// A regression task's samples are numbers in the data's units, right when the
    /// error is under the task's own threshold (the adding problem's 0.04).
    @Test func regressionSamplesAreJudgedWithinTheTasksThreshold() throws {
        let e = try Experiment(task: "adding", settings: ["T": .number(10), "hidden": .number(8), "batch": .number(8),
                                                          "eval_every": .number(3)], dataDirectory: Self.data)
        var report = e.trainStep()
        while report.evaluation == nil { report = e.trainStep() }
        #expect(!report.samples.isEmpty)
        for row in report.samples {
            guard case .number(let p)? = row.predicted.first, case .number(let t)? = row.target.first else {
                Issue.record("regression sample without numbers: \(row)")
                continue
            }
            #expect(row.correct == [abs(p - t) < 0.04])
        }
    }

    /// The trainer thread answers commands through the mailbox.
    @Test func trainerSessionRunsAndAnswers() throws {
        let s = TrainerSession(plan: RunPlan(task: "echo", settings: ["T": .number(10), "hidden": .number(4), "batch": .number(4)]),
                               dataDirectory: Self.data)
        defer { s.shutdown() }
        let log = TrainerEventLog(s)
        func waitFor(_ what: String, _ test: (TrainerEvent) -> Bool) { log.waitFor(what, test) }
        waitFor("ready") { if case .ready = $0 { return true }; return false }
        s.send(.step)
        waitFor("a report") { if case .report(let r) = $0 { return r.step == 1 }; return false }
        s.send(.set("learning_rate", .number(100)))
        waitFor("a refusal") { if case .refused(let m) = $0 { return english(m)!.contains("out of range") }; return false }
        s.send(.set("hidden", .number(6)))
        waitFor("a rebuild") { if case .changed(_, _, .rebuild, _) = $0 { return true }; return false }
    }
}

/// The progress file: written atomically, and a corrupt one set aside with a message.
@Suite struct ProgressStoreTests {
    func tempURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-progress-\(UUID().uuidString)/progress.json")
    }

    @Test func roundTrip() throws {
        let url = tempURL()
        var p = ProgressStore(url: url)
        #expect(p.firstStart)
        try p.markDone("simple-rnn", "echo-3")
        try p.markStarted()
        let q = ProgressStore(url: url)
        #expect(q.isDone("simple-rnn", "echo-3") && !q.isDone("simple-rnn", "other") && !q.firstStart)
    }

    @Test func corruptFileIsSetAside() throws {
        let url = tempURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: url)
        let p = ProgressStore(url: url)
        #expect(p.warning?.contains("was not valid") == true)
        #expect(p.completed.isEmpty)
        #expect(FileManager.default.fileExists(atPath: url.path + ".corrupt"))
    }
}

/// Sequence-to-sequence experiments: the encoder–decoder, scored on greedy decodings.
@Suite struct TranslationExperimentTests {
    func reverse(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["length": .number(6), "K": .number(6), "cell": .choice("gru"), "hidden": .number(32),
                                         "embedding": .number(16), "learning_rate": .number(0.01), "batch": .number(32),
                                         "eval_every": .number(50)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "reverse", settings: s, dataDirectory: ExperimentTests.data)
    }

    /// With attention the model learns to reverse; the attention map of the first
    /// validation example arrives with the evaluation, one distribution per output step.
    @Test(.enabled(if: TestTier.slow, "the slow tier: trains seq2seq for hundreds of steps"))
    func attentionLearnsToReverseAndShowsItsWeights() throws {
        let e = try reverse()
        var last: StepReport?
        for _ in 0..<400 { let r = e.trainStep(); if r.evaluation != nil { last = r } }
        let accuracy = last!.evaluation!.metrics[.accuracy]!
        #expect(accuracy > 0.9, "token accuracy \(accuracy) after 400 steps")
        #expect(!last!.evaluation!.metrics.contains { $0.id == .crossEntropy })
        let a = last!.probes!.attention
        #expect(a.columns == 6 && a.columnLabels.count == 6 && a.rows > 0)
        #expect(a.rowLabels.count == a.rows)
        for u in 0..<a.rows {
            let row = a.values[(u * a.columns)..<((u + 1) * a.columns)]
            #expect(abs(row.reduce(0, +) - 1) < 1e-4)
        }
        let sample = last!.samples.first!
        #expect(!sample.target.isEmpty && sample.correct.count == sample.predicted.count)
    }

    /// Without attention there is no map; teacher forcing is a live setting.
    @Test func fixedContextHasNoAttentionAndTeacherForcingIsLive() throws {
        let e = try reverse(["attention": .number(0)])
        #expect(try e.apply("teacher_forcing", .number(0.5)) == .live)
        var report: StepReport?
        for _ in 0..<50 { report = e.trainStep() }
        #expect(report!.evaluation != nil && report!.probes != nil && report!.probes?[.attention] == nil)
        #expect(try e.apply("score", .choice("dot")) == .rebuild)
    }
}
