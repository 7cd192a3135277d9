import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// Run files: what `rnnlab run --record` and the lab write, and `rnnlab replay`
/// trains again. A replay with the recorded changes ends bit for bit as recorded;
/// one with any change altered does not, so the comparison can fail.
@Suite struct RunReplayTests {
    static let settings: [String: SettingValue] = ["cell": .choice("gru"), "hidden": .number(8), "T": .number(12), "batch": .number(8)]

    /// Trains `steps` steps applying `changes`, and records the run as the lab does.
    func recorded(_ changes: [RunRecord.Change], steps: Int) throws -> RunRecord {
        let e = try Experiment(task: "adding", settings: Self.settings, dataDirectory: ExperimentTests.data)
        let start = e.settings
        var loss = Double.nan
        for taken in 0...steps {
            for c in changes where c.afterStep == taken {
                switch c.event {
                case let .set(name, value): _ = try e.apply(name, value)
                case .rollBack: _ = e.rollBack()
                case .rollBackLowerRate: _ = e.lowerLearningRateAndRollBack()
                }
            }
            if taken < steps { loss = e.trainStep().loss }
        }
        return RunRecord(lesson: "gru", task: "adding", settings: start, changes: changes, steps: steps,
                         ending: .init(step: e.step, loss: loss, parameters: RunRecord.fingerprint(e)))
    }

    static let changes: [RunRecord.Change] = [
        .init(afterStep: 4, event: .set(name: "learning_rate", value: .number(0.003))),
        .init(afterStep: 7, event: .set(name: "hidden", value: .number(6))),  // rebuilds from the seed
        .init(afterStep: 10, event: .rollBackLowerRate),
    ]

    @Test func aReplayWithTheSameChangesEndsBitForBitTheSame() throws {
        let record = try recorded(Self.changes, steps: 14)
        let outcome = try RunReplay.run(record, dataDirectory: ExperimentTests.data)
        #expect(outcome.reproduced)
        #expect(outcome.ending == record.ending)
    }

    @Test func aChangedKnobOrStepIsNotTakenForTheSameRun() throws {
        var record = try recorded(Self.changes, steps: 14)
        record.changes[0] = .init(afterStep: 4, event: .set(name: "learning_rate", value: .number(0.0031)))
        #expect(!(try RunReplay.run(record, dataDirectory: ExperimentTests.data)).reproduced)
        // The rebuild after step 7 starts afresh from the seed, so what counts after it is the roll-back's step.
        record.changes = Self.changes
        record.changes[2].afterStep = 11
        #expect(!(try RunReplay.run(record, dataDirectory: ExperimentTests.data)).reproduced)
    }

    @Test func theFileRoundTripsEveryField() throws {
        let record = try recorded(Self.changes, steps: 6)
        let back = try RunRecord(json: record.json(), file: "run.json")
        #expect(back == record)
        #expect(back.ending?.loss.bitPattern == record.ending?.loss.bitPattern)
    }

    @Test func aBrokenFileIsRefusedWithTheFieldAndWhatItShouldHold() throws {
        let good = String(decoding: try recorded([], steps: 2).json(), as: UTF8.self)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "\"rnnlab-run-1\"", with: "\"rnnlab-run-9\""), "the run file's format should be \"rnnlab-run-1\""),
            (good.replacingOccurrences(of: "\"steps\" : 2", with: "\"steps\" : -2"), "the run file's steps should be a whole number ≥ 0"),
            (good.replacingOccurrences(of: "\"changes\" : [\n\n  ]", with: "\"changes\" : [{\"after_step\": 1}]"),
             "the run file's changes[0] should be \"set\" with \"value\", or \"roll_back\": true"),
            ("[1, 2]", "the run file's (the whole file) should be a JSON object"),
        ]
        for (text, message) in cases {
            #expect(throws: Reason.self) { try RunRecord(json: Data(text.utf8), file: "r.json") }
            do { _ = try RunRecord(json: Data(text.utf8), file: "r.json") } catch let r as Reason {
                #expect(r.message == "r.json: " + message, "\(r.message)")
            }
        }
    }

    @Test func theCommandNamesTheSettingsThatDifferFromTheLessons() {
        let record = RunRecord(lesson: "gru", task: "adding", settings: ["hidden": .number(8), "cell": .choice("gru"), "seed": .number(3)], steps: 500)
        #expect(record.command(lessonSettings: ["hidden": .number(32), "cell": .choice("gru"), "seed": .number(3)])
                == "rnnlab run gru --steps 500 --set hidden=8")
    }
}

/// The lab's `W`: the trainer writes its run so far, parameters and run file, and
/// the run file replays to the same parameters, changes made while training included.
@Suite struct SavedLabRunTests {
    @Test func aSavedRunReplaysBitForBitAndNamesItsCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-saved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var plan = RunPlan(task: "adding", settings: RunReplayTests.settings)
        (plan.lesson, plan.lessonSettings) = ("gru", ["cell": .choice("gru"), "hidden": .number(32), "T": .number(12), "batch": .number(8)])
        let log = TrainerEventLog(TrainerSession(plan: plan, dataDirectory: ExperimentTests.data))
        log.waitFor("ready") { if case .ready = $0 { true } else { false } }
        log.session.send(.run(steps: 3))
        log.waitFor("step 3") { if case .report(let r) = $0 { r.step == 3 } else { false } }
        log.session.send(.set("learning_rate", .number(0.002)))
        log.session.send(.run(steps: 2))
        log.waitFor("step 5") { if case .report(let r) = $0 { r.step == 5 } else { false } }
        log.session.send(.save(folder: folder.path))
        log.waitFor("saved") { if case .saved = $0 { true } else { false } }
        guard case let .saved(checkpoint, runFile?, command)? = log.events.last(where: { if case .saved = $0 { true } else { false } }) else { return }
        #expect(command == "rnnlab run gru --steps 5 --set hidden=8", "\(command)")
        #expect(FileManager.default.fileExists(atPath: checkpoint))
        let record = try RunRecord(json: try Data(contentsOf: URL(fileURLWithPath: runFile)), file: runFile)
        #expect(record.changes == [.init(afterStep: 3, event: .set(name: "learning_rate", value: .number(0.002)))])
        let replay = try RunReplay.run(record, dataDirectory: ExperimentTests.data)
        #expect(replay.reproduced && replay.ending.step == 5)
        // The checkpoint holds the same parameters the replay ends with.
        let saved = try ResumableCheckpoint.readParameters(from: URL(fileURLWithPath: checkpoint))
        let e = try Experiment(task: "adding", settings: record.settings, dataDirectory: ExperimentTests.data)
        try e.loadParameters(saved)
        #expect(RunRecord.fingerprint(e) == replay.ending.parameters)
    }
}
