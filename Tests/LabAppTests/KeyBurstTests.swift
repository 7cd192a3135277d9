import LabApp
import LabText
@testable import RNNLab
import Testing

/// Keys come faster than the trainer answers (a held key, a burst, a paste):
/// every press must count, from what was last asked, and no key means two things.
@Suite struct KeyBurstTests {
    /// Whether an effect summary is a command to a trainer (not a save).
    func isSend(_ summary: String) -> Bool { !summary.hasPrefix("save ") }

    /// The fixture lesson open, built, with the knob panel focused on `k` (= 3).
    func stateOnKnobK() -> AppState {
        var state = trainedState(steps: 3, running: false)
        send(&state, keys(.tab, .down, .down, .down))
        #expect(state.lesson?.currentKnob?.name == "k")
        #expect(state.lesson?.run.settings["k"] == .number(3))
        return state
    }

    /// What a trainer says after a rebuild knob changes.
    func rebuilt(_ state: AppState, k: Double) -> [AppMessage] {
        [.trainer(.changed(name: "k", value: .number(k), effect: .rebuild, step: 0)),
         .trainer(readyEvent(state.lesson!.lesson, overrides: ["k": .number(k)]))]
    }

    @Test func threeQuickNudgesAreThreeChangesWithTheRightMark() {
        var state = stateOnKnobK()
        let sent = send(&state, keys(.right, .right, .right)).map(\.summary)
        // Each press is saved as it is made (the last one is what a quit keeps).
        #expect(sent == ["send set k=4", "save echo-lab k=4", "send set k=5", "save echo-lab k=5", "send set k=6", "save echo-lab k=6"])
        // The confirmations of the first two do not overwrite the saved 6; the last has nothing left to save.
        let confirmed = [4.0, 5, 6].flatMap { send(&state, rebuilt(state, k: $0)) }
        #expect(!confirmed.contains { $0.summary.hasPrefix("save") })
        #expect(state.savedKnobs["echo-lab"]?["k"] == .number(6))
        let run = state.lesson!.run
        #expect(run.settings["k"] == .number(6))
        #expect(run.events.map(\.english) == ["k 5→6 rebuilt"] && run.events.map(\.step) == [0])
        #expect(state.lesson!.pending.settings.isEmpty)
    }

    @Test func anAnswerArrivingMidBurstDoesNotRewindTheNextPress() {
        var state = stateOnKnobK()
        #expect(send(&state, keys(.right, .right)).map(\.summary).filter(isSend) == ["send set k=4", "send set k=5"])
        // The first change is confirmed (and its rebuild resets `requested`) before the third press.
        send(&state, rebuilt(state, k: 4))
        #expect(state.lesson!.run.settings["k"] == .number(4))
        #expect(send(&state, keys(.right)).map(\.summary).filter(isSend) == ["send set k=6"])
        send(&state, rebuilt(state, k: 5))
        #expect(send(&state, keys(.left)).map(\.summary).filter(isSend) == ["send set k=5"])
        send(&state, rebuilt(state, k: 6))
        send(&state, rebuilt(state, k: 5))
        #expect(state.lesson!.run.settings["k"] == .number(5))
        #expect(state.lesson!.pending.settings.isEmpty)
        #expect(state.lesson!.run.events.map(\.english) == ["k 6→5 rebuilt"])
    }

    @Test func liveNudgesInABurstMarkEachChange() {
        var state = trainedState(steps: 3, running: true)
        send(&state, keys(.tab))
        let sent = send(&state, keys(.left, .left, .left)).map(\.summary).filter(isSend)
        #expect(sent == ["send set learning_rate=0.005", "send set learning_rate=0.0025", "send set learning_rate=0.00125"])
        for (i, lr) in [0.005, 0.0025, 0.00125].enumerated() {
            send(&state, [.trainer(.changed(name: "learning_rate", value: .number(lr), effect: .live, step: 3 + i))])
        }
        let labels = state.lesson!.run.events.map(\.english)
        #expect(labels == ["lr 0.01→0.005", "lr 0.005→0.0025", "lr 0.0025→0.00125"])
    }

    @Test func aRefusalForgetsWhatWasAsked() {
        var state = stateOnKnobK()
        send(&state, keys(.right, .right))
        send(&state, [.trainer(.refused(.verbatim("k=4 cannot be applied now")))])
        #expect(state.lesson!.pending.settings.isEmpty)
        #expect(send(&state, keys(.right)).map(\.summary).filter(isSend) == ["send set k=4"])
    }

    @Test func fiveHundredDotsAreFiveHundredSteps() {
        var state = trainedState(steps: 3, running: false)
        var steps = 0
        for _ in 0..<500 {
            steps += send(&state, keys(.character("."))).filter { $0.summary == "send step" }.count
        }
        #expect(steps == 500)
    }

    /// A trainer stand-in: carries out play/pause in order and answers with
    /// `.running`, as `TrainerSession` does; its answers reach the lab late,
    /// a few presses behind.
    @Test(arguments: [1, 2, 7, 500])
    func spaceTogglesFromWhatWasAsked(lag: Int) {
        var state = trainedState(steps: 3, running: false)
        var trainerRuns = false
        var inFlight: [TrainerEvent] = []
        for press in 1...501 {
            for effect in send(&state, keys(.character(" "))) {
                guard case .send(let command) = effect else { continue }
                switch command {
                case .play: trainerRuns = true
                case .pause: trainerRuns = false
                default: Issue.record("Space sent \(describe(command))")
                }
                inFlight.append(.running(trainerRuns))
            }
            if press % lag == 0 {
                send(&state, inFlight.map { .trainer($0) })
                inFlight = []
            }
        }
        send(&state, inFlight.map { .trainer($0) })
        // 501 presses from paused: running, and the lab agrees with the trainer.
        #expect(trainerRuns)
        #expect(state.lesson!.run.isRunning)
        #expect(state.lesson!.pending.running == nil)
    }

    @Test func spaceAfterResetStartsTraining() {
        var state = trainedState(steps: 3, running: true)
        #expect(send(&state, keys(.character("r"))).map(\.summary) == ["send reset"])
        // Before the trainer has said it stopped: the reset pauses, so Space plays.
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send play"])
    }

    @Test func lNudgesAKnobEvenAfterADivergenceAndShiftLLowersTheRate() {
        var state = trainedState(steps: 40)
        send(&state, keys(.tab))
        send(&state, [.trainer(.diverged(.loss(.nan), step: 41)), .trainer(.running(false))])
        // l is "knob right" here, as everywhere: learning_rate 0.01 → 0.02.
        #expect(send(&state, keys(.character("l"))).map(\.summary).filter(isSend) == ["send set learning_rate=0.02"])
        #expect(send(&state, keys(.character("L"))).map(\.summary) == ["send lowerLearningRate"])
        // In the prose, l turns the page.
        send(&state, keys(.tab, .tab))
        #expect(state.lesson?.focus == .prose)
        #expect(send(&state, keys(.character("l"))).isEmpty)
        #expect(state.lesson?.page == 1)
    }

    @Test func stepIsRefusedAfterADivergenceLikeSpace() {
        var state = trainedState(steps: 40)
        send(&state, [.trainer(.diverged(.loss(.nan), step: 41)), .trainer(.running(false))])
        #expect(send(&state, keys(.character("."))).isEmpty)
        #expect(state.lesson?.message?.isError == true)
    }

    @Test func aLongPasteIntoAKnobFieldIsCutWithANote() {
        var state = trainedState(steps: 3)
        // A digit opens the field with itself; then the paste.
        send(&state, keys(.tab, .character("9")))
        for _ in 0..<50_000 { send(&state, keys(.character("7"))) }
        #expect(state.lesson?.editor?.characters.count == 64)
        #expect(state.lesson?.message?.isError == true)
        #expect(state.lesson?.message?.text(in: .english).contains("64") == true)
        // Enter still applies what was kept, and is refused with the range.
        #expect(send(&state, keys(.enter)).isEmpty)
        #expect(state.lesson?.message?.text(in: .english).contains("out of range") == true)
    }
}
