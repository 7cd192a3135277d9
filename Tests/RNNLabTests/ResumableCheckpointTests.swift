import Foundation
import Testing
import LabText
@testable import RNNLab
import RNNEngine

/// `rnnlab run --resume`: a run of N steps saved and resumed for M more ends bit
/// for bit as the run of N + M steps straight through (every loss and the
/// parameters' fingerprint), for each optimiser's state and each generator the
/// step draws from. Starting from the parameters alone (`--init-from`) does not,
/// so the comparison can fail.
@Suite struct ResumableCheckpointTests {
    static let adding: [String: SettingValue] = ["cell": .choice("gru"), "hidden": .number(8), "T": .number(12), "batch": .number(8),
                                                 "eval_every": .number(5)]

    /// Writes the checkpoint to a temporary file and reads it back, as the command does.
    func roundTrip(_ e: Experiment) throws -> SafetensorsFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try ResumableCheckpoint.file(of: e, metadata: ["rnnlab.lesson": "t"]).save(to: url)
        return try SafetensorsFile.read(from: url)
    }

    /// The losses' bits of `steps` steps and the fingerprint after them.
    func train(_ e: Experiment, _ steps: Int) -> (losses: [UInt64], fingerprint: UInt64) {
        let losses = (0..<steps).map { _ in e.trainStep().loss.bitPattern }
        return (losses, RunRecord.fingerprint(e))
    }

    /// N + M straight against N, save, resume, M; `prepare` runs on both after building.
    func compare(task: String, settings: [String: SettingValue], n: Int, m: Int,
                 midway: ((Experiment) throws -> Void)? = nil) throws {
        let straight = try Experiment(task: task, settings: settings, dataDirectory: ExperimentTests.data)
        _ = train(straight, n)
        try midway?(straight)
        let expected = train(straight, m)

        let first = try Experiment(task: task, settings: settings, dataDirectory: ExperimentTests.data)
        _ = train(first, n)
        try midway?(first)
        let file = try roundTrip(first)
        let resumed = try ResumableCheckpoint.resume(file, path: "c.safetensors", task: task, dataDirectory: ExperimentTests.data)
        #expect(resumed.step == first.step)
        #expect(resumed.settings == first.settings)
        let got = train(resumed, m)
        #expect(got.losses == expected.losses, "\(task): losses after resuming")
        #expect(got.fingerprint == expected.fingerprint, "\(task): parameters after resuming")
        #expect(resumed.step == straight.step)

        // The parameters alone (what --init-from takes) do not continue the run.
        let restarted = try Experiment(task: task, settings: first.settings, dataDirectory: ExperimentTests.data)
        try restarted.loadParameters(try ResumableCheckpoint.parameters(in: file))
        #expect(train(restarted, m).fingerprint != expected.fingerprint)
    }

    @Test func adamContinuesBitForBit() throws {
        try compare(task: "adding", settings: Self.adding, n: 7, m: 6)
    }

    @Test func sgdWithMomentumAndDropoutBetweenLayersContinueBitForBit() throws {
        var s = Self.adding
        s["optimizer"] = .choice("nesterov")
        s["layers"] = .number(2)
        s["dropout"] = .number(0.3)
        try compare(task: "adding", settings: s, n: 9, m: 5)
    }

    @Test func rmspropAndAdagradContinueBitForBit() throws {
        for optimizer in ["rmsprop", "adagrad"] {
            var s = Self.adding
            s["optimizer"] = .choice(optimizer)
            try compare(task: "adding", settings: s, n: 4, m: 4)
        }
    }

    /// The learning rate as lowered after a roll-back (η/10, not a round number's
    /// bits) and the roll-back point both carry over.
    @Test func aLoweredLearningRateAndTheRollBackPointCarryOver() throws {
        var s = Self.adding
        s["learning_rate"] = .number(0.003)
        try compare(task: "adding", settings: s, n: 8, m: 6) { e in
            _ = e.lowerLearningRateAndRollBack()  // back to step 5 with 0.0003
            _ = e.trainStep()
            _ = e.trainStep()                     // step 7: the roll-back point stays at 5
        }
        // A roll-back after resuming goes where the straight run's would.
        let e = try Experiment(task: "adding", settings: s, dataDirectory: ExperimentTests.data)
        _ = train(e, 8)
        let resumed = try ResumableCheckpoint.resume(try roundTrip(e), path: "c", task: "adding", dataDirectory: ExperimentTests.data)
        #expect(resumed.rollBack() == e.rollBack())
        #expect(RunRecord.fingerprint(resumed) == RunRecord.fingerprint(e))
    }

    /// The seq2seq model draws teacher-forcing coins from its own generator.
    @Test func seq2seqWithTeacherForcingCoinsContinuesBitForBit() throws {
        let s: [String: SettingValue] = ["hidden": .number(8), "embedding": .number(4), "batch": .number(8),
                                         "teacher_forcing": .number(0.5), "eval_every": .number(100)]
        try compare(task: "dates", settings: s, n: 3, m: 3)
    }

    @Test func parametersAloneAreRefusedNamingInitFrom() throws {
        let e = try Experiment(task: "adding", settings: Self.adding, dataDirectory: ExperimentTests.data)
        let plain = SafetensorsFile(stateDict: e.stateDict())
        #expect(!ResumableCheckpoint.isResumable(plain))
        do {
            _ = try ResumableCheckpoint.resume(plain, path: "model.safetensors", task: "adding", dataDirectory: ExperimentTests.data)
            Issue.record("a state_dict was resumed")
        } catch let r as Reason {
            #expect(r.message == "model.safetensors holds parameters only (no optimiser state, step or data position), so --resume cannot continue it; start from its parameters with --init-from model.safetensors")
        }
    }

    @Test func anotherTaskOrABrokenFieldIsRefusedWithWhatWasExpected() throws {
        let e = try Experiment(task: "adding", settings: Self.adding, dataDirectory: ExperimentTests.data)
        _ = train(e, 3)
        let file = try roundTrip(e)
        do {
            _ = try ResumableCheckpoint.resume(file, path: "c.safetensors", task: "dates", dataDirectory: ExperimentTests.data)
            Issue.record("another task was resumed")
        } catch let r as Reason {
            #expect(r.message == "c.safetensors is a checkpoint of the task adding; this lesson trains dates")
        }
        var broken = file
        broken.metadata["rnnlab.resume.rng"] = "zz"
        do {
            _ = try ResumableCheckpoint.resume(broken, path: "c.safetensors", task: "adding", dataDirectory: ExperimentTests.data)
            Issue.record("a broken generator position was resumed")
        } catch let r as Reason {
            #expect(r.message == "c.safetensors: the checkpoint's rnnlab.resume.rng should be a hex number")
        }
        // An optimiser buffer of the wrong shape.
        broken = file
        let name = "resume.optimizer.head.weight.0"
        #expect(broken.tensors[name] != nil)
        broken.tensors[name] = .float(Tensor(zeros: [2, 2]))
        do {
            _ = try ResumableCheckpoint.resume(broken, path: "c.safetensors", task: "adding", dataDirectory: ExperimentTests.data)
            Issue.record("a misshapen optimiser buffer was resumed")
        } catch let r as Reason {
            #expect(r.message.hasPrefix("c.safetensors: the checkpoint's resume.optimizer should be buffers of shape [1, 8] for head.weight (found [2, 2])"), "\(r.message)")
        }
    }

    /// `--init-from` and `export --from` read the parameters of a resumable checkpoint and nothing else.
    @Test func theParametersOfAResumableCheckpointAreTheModelsStateDict() throws {
        let e = try Experiment(task: "adding", settings: Self.adding, dataDirectory: ExperimentTests.data)
        _ = train(e, 6)
        let file = try roundTrip(e)
        #expect(file.tensors.keys.contains { $0.hasPrefix("resume.optimizer.") })
        let parameters = try ResumableCheckpoint.parameters(in: file)
        #expect(Set(parameters.keys) == Set(e.stateDict().keys))
        let other = try Experiment(task: "adding", settings: Self.adding, dataDirectory: ExperimentTests.data)
        try other.loadParameters(parameters)
        #expect(RunRecord.fingerprint(other) == RunRecord.fingerprint(e))
    }
}

/// The lab's side: `W` writes a resumable checkpoint, and `O` (the trainer's
/// `.load`) continues it exactly; a checkpoint that does not fit is refused and
/// the run goes on where it was.
@Suite struct LabLoadTests {
    static func plan() -> RunPlan {
        var plan = RunPlan(task: "adding", settings: ResumableCheckpointTests.adding)
        (plan.lesson, plan.lessonSettings) = ("gru", ResumableCheckpointTests.adding)
        return plan
    }

    @Test func aRunSavedWithWAndLoadedContinuesBitForBit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = TrainerEventLog(TrainerSession(plan: Self.plan(), dataDirectory: ExperimentTests.data))
        first.waitFor("ready") { if case .ready = $0 { true } else { false } }
        first.session.send(.run(steps: 5))
        first.waitFor("step 5") { if case .report(let r) = $0 { r.step == 5 } else { false } }
        first.session.send(.save(folder: folder.path))
        first.waitFor("saved") { if case .saved = $0 { true } else { false } }
        guard case let .saved(checkpoint, _, _)? = first.events.last(where: { if case .saved = $0 { true } else { false } }) else { return }
        #expect(SavedRuns.checkpoints(of: "gru", in: folder) == [checkpoint])

        let second = TrainerEventLog(TrainerSession(plan: Self.plan(), dataDirectory: ExperimentTests.data))
        second.waitFor("ready") { if case .ready = $0 { true } else { false } }
        second.session.send(.run(steps: 2))  // a run of its own, replaced by the load
        second.waitFor("step 2") { if case .report(let r) = $0 { r.step == 2 } else { false } }
        second.session.send(.load(path: checkpoint))
        second.waitFor("loaded") { if case .loaded = $0 { true } else { false } }
        #expect(second.events.contains { if case .loaded(checkpoint, 5) = $0 { true } else { false } })
        let loadedAt = second.events.lastIndex { if case .loaded = $0 { true } else { false } }!
        second.session.send(.run(steps: 3))
        second.waitFor("step 8") { if case .report(let r) = $0 { r.step == 8 } else { false } }
        let losses = second.events[loadedAt...].compactMap { e -> UInt64? in if case .report(let r) = e { r.loss.bitPattern } else { nil } }

        let straight = try Experiment(task: "adding", settings: ResumableCheckpointTests.adding, dataDirectory: ExperimentTests.data)
        let all = (0..<8).map { _ in straight.trainStep().loss.bitPattern }
        #expect(losses == Array(all[5...]))

        // Saved again: no run file (its start is the checkpoint), the command resumes it, the parameters are the straight run's.
        second.session.send(.save(folder: folder.path))
        second.waitFor("saved again") { if case .saved(_, nil, _) = $0 { true } else { false } }
        guard case let .saved(again, nil, command)? = second.events.last(where: { if case .saved = $0 { true } else { false } }) else { return }
        #expect(command == "rnnlab run gru --resume \(again)")
        let e = try Experiment(task: "adding", settings: ResumableCheckpointTests.adding, dataDirectory: ExperimentTests.data)
        try e.loadParameters(try ResumableCheckpoint.readParameters(from: URL(fileURLWithPath: again)))
        #expect(RunRecord.fingerprint(e) == RunRecord.fingerprint(straight))
        #expect(SavedRuns.checkpoints(of: "gru", in: folder).count == 2)
    }

    @Test func aCheckpointThatDoesNotFitIsRefusedAndTheRunGoesOn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-other-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        // Parameters of another model (hidden 6), with no settings in their metadata.
        var other = ResumableCheckpointTests.adding
        other["hidden"] = .number(6)
        let model = try Experiment(task: "adding", settings: other, dataDirectory: ExperimentTests.data)
        try SafetensorsFile.save(stateDict: model.stateDict(), to: file)

        let log = TrainerEventLog(TrainerSession(plan: Self.plan(), dataDirectory: ExperimentTests.data))
        log.waitFor("ready") { if case .ready = $0 { true } else { false } }
        log.session.send(.run(steps: 3))
        log.waitFor("step 3") { if case .report(let r) = $0 { r.step == 3 } else { false } }
        log.session.send(.load(path: file.path))
        log.waitFor("refused") { if case .refused = $0 { true } else { false } }
        guard case .refused(let reason)? = log.events.last(where: { if case .refused = $0 { true } else { false } }) else { return }
        let text = Language.english.render(reason)
        #expect(text.hasPrefix("\(file.path) does not fit this lesson's model: "), "\(text)")
        // Built with the run's own settings (the file names none): the GRU of 8 units, 3 · 8 rows.
        #expect(text.hasSuffix("tensor \"rnn.weight_ih_l0\" has shape [18, 2], the model expects [24, 2]"), "\(text)")
        log.session.send(.run(steps: 1))
        log.waitFor("step 4") { if case .report(let r) = $0 { r.step == 4 } else { false } }
    }
}
