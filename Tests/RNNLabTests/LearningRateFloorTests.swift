import Foundation
import Testing
@testable import RNNLab

/// Roll back with lr ÷ 10 (the lab's `L`) stops at the bottom of the lesson's
/// learning-rate knob, and a run held there still replays bit for bit.
@Suite struct LearningRateFloorTests {
    @Test func theRateIsDividedByTenButNotBelowTheFloor() throws {
        let e = try Experiment(task: "adding", settings: RunReplayTests.settings.merging(["learning_rate": .number(0.003)]) { $1 },
                               dataDirectory: ExperimentTests.data)
        #expect(e.lowerLearningRateAndRollBack(floor: 0.001) == 0.001)
        #expect(e.settings["learning_rate"] == .number(0.001))
        #expect(e.lowerLearningRateAndRollBack(floor: 0.001) == 0.001)  // held, not lowered
        #expect(e.lowerLearningRateAndRollBack() == 0.0001)            // no lesson floor: ÷ 10
        #expect(e.lowerLearningRateAndRollBack(floor: 0.001) == 0.0001) // below a floor: never raised
    }

    /// A rate held at the lesson's floor is recorded as its value, so a replay
    /// (which knows no lesson) ends where the run did.
    @Test func aRunHeldAtTheFloorReplays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-floor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = RunReplayTests.settings
        settings["learning_rate"] = .number(0.003)
        var plan = RunPlan(task: "adding", settings: settings)
        (plan.lesson, plan.lessonSettings) = ("gru", settings)
        let log = TrainerEventLog(TrainerSession(plan: plan, dataDirectory: ExperimentTests.data))
        log.waitFor("ready") { if case .ready = $0 { true } else { false } }
        log.session.send(.run(steps: 3))
        log.waitFor("step 3") { if case .report(let r) = $0 { r.step == 3 } else { false } }
        log.session.send(.lowerLearningRate(floor: 0.001))
        log.waitFor("rolled back") { if case .rolledBack(_, 0.001?) = $0 { true } else { false } }
        guard case let .rolledBack(back, _)? = log.events.last(where: { if case .rolledBack = $0 { true } else { false } }) else { return }
        let mark = log.events.count
        log.session.send(.run(steps: 2))
        log.waitFor("two more") { _ in
            log.events.dropFirst(mark).contains { if case .report(let r) = $0 { r.step == back + 2 } else { false } }
        }
        log.session.send(.save(folder: folder.path))
        log.waitFor("saved") { if case .saved = $0 { true } else { false } }
        guard case let .saved(_, runFile?, _)? = log.events.last(where: { if case .saved = $0 { true } else { false } }) else {
            Issue.record("no run file"); return
        }
        let record = try RunRecord(json: try Data(contentsOf: URL(fileURLWithPath: runFile)), file: runFile)
        #expect(record.changes == [.init(afterStep: 3, event: .set(name: "learning_rate", value: .number(0.001))),
                                   .init(afterStep: 3, event: .rollBack)])
        let replay = try RunReplay.run(record, dataDirectory: ExperimentTests.data)
        #expect(replay.reproduced)
    }
}
