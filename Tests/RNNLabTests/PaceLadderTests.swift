import Foundation
@testable import RNNLab
import Testing

/// The pace's arithmetic, and a counted run on a real trainer thread.
@Suite struct PaceLadderTests {
    @Test func theDelayIsWhatIsLeftOfOneStepsShare() {
        let five = Pace(stepsPerSecond: 5)
        #expect(abs(five.delay(afterElapsed: 0.05) - 0.15) < 1e-12)
        #expect(five.delay(afterElapsed: 0.3) == 0)
        #expect(Pace.full.delay(afterElapsed: 0) == 0)
    }

    @Test func theLadderClimbsToFullSpeedAndStopsAtBothEnds() {
        var p = Pace(stepsPerSecond: 1)
        var seen: [Double?] = [p.stepsPerSecond]
        while p != .full { p = p.moved(by: 1); seen.append(p.stepsPerSecond) }
        #expect(seen == [1, 2, 5, 10, 20, 50, 100, 200, 500, nil])
        #expect(Pace.full.moved(by: 1) == .full)
        #expect(Pace(stepsPerSecond: 1).moved(by: -1) == Pace(stepsPerSecond: 1))
        // Off the ladder: to the nearest rung in the direction asked.
        #expect(Pace(stepsPerSecond: 7).moved(by: 1) == Pace(stepsPerSecond: 10))
        #expect(Pace(stepsPerSecond: 7).moved(by: -1) == Pace(stepsPerSecond: 5))
    }

    /// `.run(steps: 5)` reports running, takes exactly five steps, then reports paused.
    @Test func aCountedRunTakesItsStepsAndPauses() throws {
        let s = TrainerSession(plan: RunPlan(task: "echo", settings: ["T": .number(10), "hidden": .number(4), "batch": .number(4)]),
                               dataDirectory: ExperimentTests.data)
        defer { s.shutdown() }
        let log = TrainerEventLog(s)
        func waitFor(_ what: String, _ test: (TrainerEvent) -> Bool) { log.waitFor(what, test) }
        waitFor("ready") { if case .ready = $0 { return true }; return false }
        log.events = []
        s.send(.run(steps: 5))
        waitFor("the pause after the run") { if case .running(false) = $0 { return true }; return false }
        Thread.sleep(forTimeInterval: 0.2)  // nothing more may come: the run is over
        log.events += s.poll()
        let steps = log.events.compactMap { e -> Int? in if case .report(let r) = e { return r.step }; return nil }
        #expect(steps == [1, 2, 3, 4, 5])
        let running = log.events.compactMap { e -> Bool? in if case .running(let on) = e { return on }; return nil }
        #expect(running == [true, false])
    }
}
