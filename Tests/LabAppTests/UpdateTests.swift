import LabText
@testable import LabApp
import LabText
import RNNLab
import Testing

/// `update` as a pure function: keys and trainer events in, state and effects out.
@Suite struct UpdateTests {
    @Test func openingALessonStartsItsTrainerAndEndsTheWelcome() {
        var state = fixtureState(firstStart: true)
        state.savedKnobs = ["echo-lab": ["learning_rate": .number(0.05), "hidden": .number(999)]]
        let effects = send(&state, keys(.enter))
        #expect(state.screen == .lesson)
        #expect(effects.map(\.summary) == ["start echo", "started"])
        #expect(!state.firstStart)
        // A saved value in range is used; one out of the lesson's range is not.
        guard case let .startTrainer(plan) = effects[0] else { Issue.record("no start"); return }
        #expect(plan.settings["learning_rate"] == .number(0.05))
        #expect(plan.settings["hidden"] == .number(8))
        // The plan is whole: the trainer evaluates at every step a one-run check ends on.
        #expect(plan.evaluationSteps == [800, 100])
    }

    @Test func homeSelectionMovesAndQuitLeaves() {
        var state = fixtureState()
        send(&state, keys(.down, .down, .character("j")))
        #expect(state.homeSelection == 1)
        send(&state, keys(.up))
        #expect(state.homeSelection == 0)
        let effects = send(&state, keys(.character("q")))
        #expect(effects.map(\.summary) == ["stop", "quit"])
        #expect(state.quitting)
    }

    @Test func qInALessonGoesHomeFirst() {
        var state = trainedState(steps: 3)
        let effects = send(&state, keys(.character("q")))
        #expect(state.screen == .home)
        #expect(state.lesson == nil)
        #expect(effects.map(\.summary) == ["stop"])
        #expect(!state.quitting)
    }

    @Test(arguments: [AppKey.interrupt, .terminate])
    func quitSignalsLeaveFromAnywhere(_ key: AppKey) {
        var state = trainedState(steps: 3)
        let effects = send(&state, keys(key))
        #expect(effects.map(\.summary) == ["stop", "quit"])
        #expect(state.quitting)
    }

    @Test func spaceStepAndResetTalkToTheTrainer() {
        var state = trainedState(steps: 3)
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send pause"])
        send(&state, [.trainer(.running(false))])
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send play"])
        #expect(send(&state, keys(.character("."))).map(\.summary) == ["send step"])
        #expect(send(&state, keys(.character("r"))).map(\.summary) == ["send reset"])
    }

    @Test func knobsNudgeAndTypeAndRefuse() {
        var state = trainedState(steps: 3)
        send(&state, keys(.tab))
        #expect(state.lesson?.focus == .knobs)
        // lr is 0.03 after the change at step 60? No: only 3 steps, so 0.01; ×2 on a log scale.
        // The value is saved with the key press, before the trainer answers.
        #expect(send(&state, keys(.right)).map(\.summary) == ["send set learning_rate=0.02", "save echo-lab learning_rate=0.02"])
        // Typing a value out of range is refused with the reason, and nothing is sent.
        let typed = send(&state, keys(.enter, .backspace, .backspace, .backspace, .backspace, .character("5"), .enter))
        #expect(typed.isEmpty)
        #expect(state.lesson?.message?.isError == true)
        #expect(state.lesson?.message?.text(in: .english) == "learning_rate=5 is out of range 0.0001…1")
        // A digit starts typing directly.
        let applied = send(&state, keys(.character("0"), .character("."), .character("1"), .enter))
        #expect(applied.map(\.summary) == ["send set learning_rate=0.1", "save echo-lab learning_rate=0.1"])
        // Escape cancels.
        #expect(send(&state, keys(.enter, .character("7"), .escape)).isEmpty)
        #expect(state.lesson?.editor == nil)
        // A choice knob cycles through its choices.
        send(&state, keys(.down))
        #expect(send(&state, keys(.left)).map(\.summary) == ["send set optimizer=sgd", "save echo-lab learning_rate=0.1,optimizer=sgd"])
    }

    @Test func aLiveChangeMarksThePlotAndIsSaved() {
        var state = trainedState(steps: 10)
        let effects = send(&state, [.trainer(.changed(name: "learning_rate", value: .number(0.1), effect: .live, step: 10))])
        #expect(effects.map(\.summary) == ["save echo-lab learning_rate=0.1"])
        #expect(state.lesson?.run.events.last?.english == "lr 0.01→0.1")
        #expect(state.lesson?.run.events.last?.step == 10)
        #expect(state.savedKnobs["echo-lab"]?["learning_rate"] == .number(0.1))
    }

    /// A knob is saved on its key press: quitting before the trainer answers keeps it.
    @Test func quittingRightAfterAKnobChangeKeepsIt() {
        var state = trainedState(steps: 3)
        let pressed = send(&state, keys(.tab, .right)).map(\.summary)
        #expect(pressed == ["send set learning_rate=0.02", "save echo-lab learning_rate=0.02"])
        // Ctrl-C at once: no trainer answer came, and the value is already saved.
        #expect(send(&state, keys(.interrupt)).map(\.summary) == ["stop", "quit"])
        #expect(state.savedKnobs["echo-lab"]?["learning_rate"] == .number(0.02))
        // The next visit opens with it (q leaves, Enter opens again).
        state.quitting = false
        send(&state, keys(.character("q")))
        let reopened = send(&state, keys(.enter))
        guard case let .startTrainer(plan)? = reopened.first else { Issue.record("no start: \(reopened.map(\.summary))"); return }
        #expect(plan.settings["learning_rate"] == .number(0.02))
    }

    /// A value the trainer refuses is not kept: the save goes back to what was saved before.
    @Test func aRefusedValueIsNotKept() {
        var state = trainedState(steps: 3, running: false)
        state.savedKnobs["echo-lab"] = ["learning_rate": .number(0.01)]
        send(&state, keys(.tab))
        // Two quick presses, then the trainer refuses: both are undone, back to the 0.01 saved before them.
        #expect(send(&state, keys(.right, .right)).map(\.summary).filter { $0.hasPrefix("save") }
                    == ["save echo-lab learning_rate=0.02", "save echo-lab learning_rate=0.04"])
        let refused = send(&state, [.trainer(.refused(.verbatim("learning_rate cannot change now")))])
        #expect(refused.map(\.summary) == ["save echo-lab learning_rate=0.01"])
        #expect(state.savedKnobs["echo-lab"] == ["learning_rate": .number(0.01)])
        // A knob that had no saved value has none again.
        send(&state, keys(.down, .down, .down))
        #expect(state.lesson?.currentKnob?.name == "k")
        send(&state, keys(.right))
        #expect(state.savedKnobs["echo-lab"]?["k"] == .number(4))
        #expect(send(&state, [.trainer(.refused(.verbatim("k=4 cannot be applied now")))]).map(\.summary) == ["save echo-lab learning_rate=0.01"])
        #expect(state.savedKnobs["echo-lab"]?["k"] == nil)
        // A confirmed value is kept, and a later refusal of nothing pending changes nothing.
        send(&state, keys(.right))
        send(&state, [.trainer(.changed(name: "k", value: .number(4), effect: .rebuild, step: 0))])
        #expect(send(&state, [.trainer(.refused(.verbatim("something else")))]).isEmpty)
        #expect(state.savedKnobs["echo-lab"]?["k"] == .number(4))
    }

    /// A lesson with `compare` starts a second trainer; play, reset and knobs other
    /// than the compared one reach both, the compared knob only the lesson's run.
    @Test func aCompareRunFollowsEverythingButTheComparedSetting() {
        let text = fixtureLessonText.replacingOccurrences(of: "knobs:\n", with: "compare: {optimizer: sgd}\nknobs:\n")
            .replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]", with: "panels: [loss, compare]")
        var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: 120, height: 36)
        let opened = send(&state, keys(.enter))
        #expect(opened.map(\.summary) == ["start echo", "start companion echo"])
        #expect(state.lesson?.companion?.settings["optimizer"] == .choice("sgd") && state.lesson?.companion?.settings["hidden"] == .number(8))
        let lesson = state.lesson!.lesson
        send(&state, [.trainer(readyEvent(lesson)), .companion(readyEvent(lesson, overrides: ["optimizer": .choice("sgd")]))])
        func companionCommands(_ effects: [AppEffect]) -> [String] { effects.map(\.summary).filter { $0.hasPrefix("companion ") } }
        #expect(companionCommands(send(&state, keys(.character(" ")))) == ["companion play"])
        #expect(companionCommands(send(&state, keys(.character("r")))) == ["companion reset"])
        // Knobs: learning_rate (first) reaches both; optimizer (second) only the lesson's run.
        let lr = send(&state, keys(.tab, .right)).map(\.summary)
        #expect(lr == ["send set learning_rate=0.02", "companion set learning_rate=0.02", "save echo-lab learning_rate=0.02"])
        let opt = send(&state, keys(.down, .left)).map(\.summary)
        #expect(opt == ["send set optimizer=sgd", "save echo-lab learning_rate=0.02,optimizer=sgd"])
        // The companion's reports fill its own run, not the lesson's.
        send(&state, (1...30).map { .companion(.report(fakeReport(step: $0, evaluate: $0 % 25 == 0))) })
        #expect(state.lesson!.companion!.step == 30 && state.lesson!.companion!.validationLoss.count == 1)
        #expect(state.lesson!.run.step == 0)

        // The compare run diverges on its own: b and l go to it alone, and its roll-back trims its curves.
        send(&state, [.companion(.diverged(.loss(.nan), step: 31))])
        #expect(send(&state, keys(.character("b"))).map(\.summary) == ["companion rollBack"])
        send(&state, [.companion(.rolledBack(step: 20, learningRate: nil))])
        let c = state.lesson!.companion!
        #expect(c.divergence == nil && c.step == 20 && c.trainLoss.steps.last == 20 && c.metricHistory["accuracy"]!.isEmpty)
        // The lesson's run lowers its learning rate after a divergence: the compare run follows.
        send(&state, [.trainer(.diverged(.loss(.nan), step: 40))])
        let lowered = send(&state, [.trainer(.rolledBack(step: 0, learningRate: 0.001))]).map(\.summary)
        #expect(lowered.contains("companion set learning_rate=0.001"))
    }

    /// `v` verifies the selected check in the background; progress and the verdict
    /// come back as messages, a pass is saved, `v` again cancels, stale verdicts are dropped.
    @Test func vVerifiesTheSelectedCheckInTheBackground() {
        var state = trainedState(steps: 10)
        #expect(send(&state, keys(.tab, .tab, .down, .character("v"))).map(\.summary) == ["verify no-memory"])
        #expect(state.lesson!.verification == Verification(check: "no-memory", steps: 0, budget: 100))
        send(&state, [.verification(check: "no-memory", steps: 40, result: nil)])
        #expect(state.lesson!.verification?.steps == 40)
        func result(_ id: String, _ passed: Bool) -> CheckResult {
            CheckResult(lesson: "echo-lab", check: id, title: "", passed: passed, detail: .verbatim("accuracy = 0.3 (want < 0.6)"), steps: 100, seconds: 2)
        }
        #expect(send(&state, [.verification(check: "echo-3", steps: 100, result: result("echo-3", true))]).isEmpty)  // not the one running
        #expect(state.lesson!.verification != nil)
        #expect(send(&state, [.verification(check: "no-memory", steps: 100, result: result("no-memory", true))]).map(\.summary)
                    == ["done echo-lab no-memory"])
        #expect(state.lesson!.verification == nil && state.lesson!.verdicts["no-memory"]?.passed == true)
        #expect(state.completed["echo-lab"] == ["no-memory"])
        #expect(screenText(state).contains("✓ verified: accuracy = 0.3"))
        // A second run can be cancelled; its late verdict changes nothing.
        #expect(send(&state, keys(.character("v"))).map(\.summary) == ["verify no-memory"])
        #expect(send(&state, keys(.character("v"))).map(\.summary) == ["cancel verification"])
        #expect(send(&state, [.verification(check: "no-memory", steps: 5, result: result("no-memory", false))]).isEmpty)
        #expect(state.lesson!.verification == nil && state.lesson!.verdicts["no-memory"] == nil)
    }

    @Test func aRebuildRestartsTheCurvesWithAMarker() {
        var state = trainedState(steps: 30)
        #expect(state.lesson?.run.trainLoss.count == 30)
        let lesson = state.lesson!.lesson
        send(&state, [.trainer(.changed(name: "hidden", value: .number(16), effect: .rebuild, step: 0)),
                      .trainer(readyEvent(lesson, overrides: ["hidden": .number(16)]))])
        let run = state.lesson!.run
        #expect(run.trainLoss.isEmpty)
        #expect(run.step == 0)
        #expect(run.events.map(\.english) == ["hidden 8→16 rebuilt"] && run.events.map(\.isRebuild) == [true])
        #expect(run.settings["hidden"] == .number(16))
    }

    @Test func aCheckIsMetWhenTheRunMeetsIt() {
        var state = trainedState(steps: 3)
        // An evaluation `rnnlab verify` would not make (eval_every is 25) does not count…
        #expect(send(&state, [.trainer(.report(fakeReport(step: 4, evaluate: true, accuracy: 0.97)))]).isEmpty)
        for step in 5...24 { send(&state, [.trainer(.report(fakeReport(step: step)))]) }
        // …the one at step 25 does.
        let effects = send(&state, [.trainer(.report(fakeReport(step: 25, evaluate: true, accuracy: 0.97)))])
        #expect(effects.map(\.summary) == ["done echo-lab echo-3"])
        #expect(state.lesson?.run.passedChecks == ["echo-3"])
        #expect(state.completed["echo-lab"] == ["echo-3"])
        // The run is decided: later reports change nothing and nothing is saved twice.
        #expect(send(&state, [.trainer(.report(fakeReport(step: 50, evaluate: true, accuracy: 0.98)))]).isEmpty)
    }

    @Test func aCheckCountsOnlyWithItsSettings() {
        var state = fixtureState()
        send(&state, keys(.enter))
        let lesson = state.lesson!.lesson
        // Default hidden=8: the no-memory check (hidden=1) is not eligible.
        send(&state, [.trainer(readyEvent(lesson))])
        #expect(state.lesson?.run.eligibleChecks == ["echo-3"])
        for step in 1...100 { send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, accuracy: 0.3)))]) }
        #expect(state.lesson?.run.passedChecks.isEmpty == true)
        // With hidden=1 the `when: end` check is judged at step 100, once; echo-3 is
        // about the lesson's hidden=8 and no longer counts.
        send(&state, [.trainer(readyEvent(lesson, overrides: ["hidden": .number(1)]))])
        #expect(state.lesson?.run.eligibleChecks == ["no-memory"])
        var effects: [AppEffect] = []
        for step in 1...100 { effects += send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, accuracy: 0.4)))]) }
        #expect(effects.map(\.summary) == ["done echo-lab no-memory"])
    }

    @Test func aLiveChangeMidRunDisqualifiesAMismatchingCheck() {
        var state = fixtureState()
        send(&state, keys(.enter))
        let lesson = state.lesson!.lesson
        var check = lesson.checks[0]
        check.set = ["learning_rate": .number(0.01)]
        state.lesson!.lesson.checks[0] = check
        send(&state, [.trainer(readyEvent(lesson))])
        #expect(state.lesson!.run.eligibleChecks.contains("echo-3"))
        send(&state, [.trainer(.report(fakeReport(step: 1)))])
        send(&state, [.trainer(.changed(name: "learning_rate", value: .number(0.5), effect: .live, step: 1))])
        send(&state, [.trainer(.changed(name: "learning_rate", value: .number(0.01), effect: .live, step: 2))])
        #expect(!state.lesson!.run.eligibleChecks.contains("echo-3"))
    }

    @Test func divergenceOffersRollBackAndLowerLearningRate() {
        var state = trainedState(steps: 40)
        send(&state, [.trainer(.diverged(.loss(.nan), step: 41)), .trainer(.running(false))])
        #expect(state.lesson?.run.divergence != nil)
        #expect(send(&state, keys(.character(" "))).isEmpty)
        #expect(send(&state, keys(.character("."))).isEmpty)  // a step would only diverge again
        // The key bar offers the ways out, not the keys that are refused.
        let bar = screenText(state).split(separator: "\n").last.map(String.init) ?? ""
        #expect(bar.contains("roll back") && !bar.contains("Space") && !bar.contains(". step"), "\(bar)")
        #expect(send(&state, keys(.character("b"))).map(\.summary) == ["send rollBack"])
        #expect(send(&state, keys(.character("L"))).map(\.summary) == ["send lowerLearningRate"])
        #expect(send(&state, keys(.character("l"))).isEmpty)  // focus is on the prose: the next page, not a roll-back
        let effects = send(&state, [.trainer(.rolledBack(step: 25, learningRate: 0.001))])
        let run = state.lesson!.run
        #expect(run.divergence == nil)
        #expect(run.step == 25)
        #expect(run.trainLoss.last?.step == 25)
        #expect(run.settings["learning_rate"] == .number(0.001))
        #expect(run.events.last?.english == "lr 0.01→0.001" && run.events.last?.step == 25)
        #expect(effects.map(\.summary) == ["save echo-lab learning_rate=0.001"])
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = trainedState(steps: 3)
        send(&state, keys(.character("?")))
        #expect(state.showHelp)
        #expect(send(&state, keys(.character(" "))).isEmpty)
        #expect(!state.showHelp)
    }

    @Test func pagesTurnAndScrollIsClamped() {
        var state = trainedState(steps: 3)
        for _ in 0..<40 { send(&state, keys(.pageDown)) }
        #expect(state.lesson?.page == 1)
        for _ in 0..<40 { send(&state, keys(.pageUp)) }
        #expect(state.lesson?.page == 0 && state.lesson?.scroll == 0)
        for _ in 0..<50 { send(&state, keys(.down)) }
        let scroll = state.lesson!.scroll
        #expect(scroll < 50)
        send(&state, keys(.up))
        #expect(state.lesson!.scroll == max(0, scroll - 1))
    }

    /// PgDn walks down a long page a window at a time, keeping one line in
    /// view, says "more below" until the end, and only then turns the page.
    @Test func pageDownReadsThePageToItsEndBeforeTurning() {
        var state = trainedState(width: 60, height: 20, steps: 3)
        let bottom = state.lesson!.maxProseScroll(width: 60, height: 20)
        #expect(bottom > 0, "the fixture's first page must be longer than the window at 60×20")
        #expect(screenText(state).contains("more below"))
        var offsets: [Int] = []
        while state.lesson!.page == 0 {
            offsets.append(state.lesson!.scroll)
            send(&state, keys(.pageDown))
        }
        #expect(offsets.first == 0 && offsets.last == bottom, "\(offsets)")
        let window = zip(offsets, offsets.dropFirst()).map { $1 - $0 }
        #expect(window.allSatisfy { $0 >= 1 && $0 <= window[0] }, "\(offsets)")
        #expect(state.lesson!.scroll == 0)
        // Back up: PgUp from the top of page 2 returns to page 1, then climbs it.
        send(&state, keys(.pageUp))
        #expect(state.lesson!.page == 0)
    }

    @Test func tooSmallOnlyListensToQ() {
        var state = trainedState(steps: 3)
        send(&state, [.resize(width: 40, height: 10)])
        #expect(state.isTooSmall)
        #expect(send(&state, keys(.character(" "))).isEmpty)
        #expect(send(&state, keys(.character("q"))).map(\.summary) == ["stop"])
        #expect(state.screen == .home)
    }

    @Test func historyIsCappedAndKeepsTheEnds() {
        var h = SeriesHistory(capacity: 100)
        for i in 0..<1_000 { h.append(step: Double(i), value: Double(i)) }
        #expect(h.count <= 100)
        #expect(h.last?.step == 999)
        #expect(h.steps.first! < 20)
        #expect(zip(h.steps, h.steps.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func stepsPerSecondComesFromTicks() {
        var rate = StepRate()
        rate.record(step: 0, at: 0)
        rate.record(step: 40, at: 1)
        rate.record(step: 80, at: 2)
        #expect(rate.perSecond == 40)
    }
}
