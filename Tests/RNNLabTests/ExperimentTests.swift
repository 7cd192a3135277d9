import Foundation
import Testing
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
        #expect(throws: Reason("learning_rate=20 is out of range 1e-06…10")) { try e.apply("learning_rate", .number(20)) }
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
        var message: String?
        for _ in 0..<50 {
            let r = e.trainStep()
            if let d = r.divergence { message = d; break }
        }
        #expect(message != nil, "no divergence in 50 steps")
        #expect(message?.contains("at step") == true)
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
        #expect(probes.gradientNorms.count == 12 && probes.hidden.shape == [12, 8])
        #expect(probes.gradientNorms.allSatisfy { $0.isFinite })
        #expect(!reports[4].samples.isEmpty)
    }

    /// The trainer thread answers commands through the mailbox.
    @Test func trainerSessionRunsAndAnswers() throws {
        let s = TrainerSession(task: "echo", settings: ["T": .number(10), "hidden": .number(4), "batch": .number(4)],
                               dataDirectory: Self.data)
        defer { s.shutdown() }
        var events: [TrainerEvent] = []
        func waitFor(_ what: String, _ test: (TrainerEvent) -> Bool) {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                events += s.poll()
                if events.contains(where: test) { return }
                Thread.sleep(forTimeInterval: 0.01)
            }
            Issue.record("no \(what) within 60 s")
        }
        waitFor("ready") { if case .ready = $0 { return true }; return false }
        s.send(.step)
        waitFor("a report") { if case .report(let r) = $0 { return r.step == 1 }; return false }
        s.send(.set("learning_rate", .number(100)))
        waitFor("a refusal") { if case .refused(let m) = $0 { return m.contains("out of range") }; return false }
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
    @Test func attentionLearnsToReverseAndShowsItsWeights() throws {
        let e = try reverse()
        var last: StepReport?
        for _ in 0..<400 { let r = e.trainStep(); if r.evaluation != nil { last = r } }
        let accuracy = last!.evaluation!.metrics[.accuracy]!
        #expect(accuracy > 0.9, "token accuracy \(accuracy) after 400 steps")
        #expect(!last!.evaluation!.metrics.contains { $0.id == .crossEntropy })
        let a = last!.probes!.attention!
        #expect(a.shape[1] == 6 && last!.probes!.attentionColumns.count == 6)
        #expect(last!.probes!.attentionRows.count == a.shape[0])
        for u in 0..<a.shape[0] {
            let row = (0..<a.shape[1]).map { a[u, $0] }
            #expect(abs(row.reduce(0, +) - 1) < 1e-4)
        }
        #expect(last!.samples.first?.hasPrefix("predicted") == true)
    }

    /// Without attention there is no map; teacher forcing is a live setting.
    @Test func fixedContextHasNoAttentionAndTeacherForcingIsLive() throws {
        let e = try reverse(["attention": .number(0)])
        #expect(try e.apply("teacher_forcing", .number(0.5)) == .live)
        var report: StepReport?
        for _ in 0..<50 { report = e.trainStep() }
        #expect(report!.evaluation != nil && report!.probes?.attention == nil)
        #expect(try e.apply("score", .choice("dot")) == .rebuild)
    }
}
