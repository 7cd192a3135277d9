@testable import LabApp
import LabText
@testable import RNNLab
import Testing

/// `O` asks the run loop for the lesson's saved runs; the picker lists them
/// (newest first, as given), ↑↓ choose, Enter sends the load, Esc cancels with
/// nothing sent; the trainer's answers go on the status line.
@Suite struct LoadRunKeyTests {
    func message(_ state: AppState) -> String { state.lesson!.message.map { state.language.render($0.phrase) } ?? "" }

    func openLesson() -> AppState {
        var state = fixtureState()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        return state
    }

    @Test func oListsTheLessonsRunsAndEnterLoadsTheChosenOne() {
        var state = openLesson()
        let id = state.lesson!.lesson.id
        #expect(send(&state, keys(.character("O"))).map(\.summary) == ["list saved runs \(id)"])
        send(&state, [.savedRuns(lesson: id, files: ["/s/runs/\(id)-step90.safetensors", "/s/runs/\(id)-step40.safetensors"])])
        #expect(state.lesson!.loadPicker == LoadPicker(files: ["/s/runs/\(id)-step90.safetensors", "/s/runs/\(id)-step40.safetensors"]))
        let screen = screenText(state)
        #expect(screen.contains("Load a saved run"), "\(screen)")
        #expect(screen.contains("\(id)-step90.safetensors") && screen.contains("\(id)-step40.safetensors"), "\(screen)")
        // Keys go to the picker, not the lesson: Space does not train, ↓ chooses the older run.
        #expect(send(&state, keys(.character(" "), .down)).isEmpty)
        #expect(state.lesson!.loadPicker?.selected == 1)
        #expect(send(&state, keys(.enter)).map(\.summary) == ["send load /s/runs/\(id)-step40.safetensors"])
        #expect(state.lesson!.loadPicker == nil)
        #expect(message(state) == "loading \(id)-step40.safetensors…")
        send(&state, [.trainer(.loaded(file: "/s/runs/\(id)-step40.safetensors", step: 40))])
        #expect(message(state) == "loaded \(id)-step40.safetensors at step 40: its settings and parameters; Space trains on")
    }

    @Test func escCancelsWithNothingSent() {
        var state = openLesson()
        let id = state.lesson!.lesson.id
        send(&state, [.savedRuns(lesson: id, files: ["/s/runs/\(id)-step40.safetensors"])])
        #expect(send(&state, keys(.escape)).isEmpty)
        #expect(state.lesson!.loadPicker == nil)
        #expect(!screenText(state).contains("Load a saved run"))
    }

    @Test func noSavedRunsSaysHowToMakeOne() {
        var state = openLesson()
        let id = state.lesson!.lesson.id
        send(&state, [.savedRuns(lesson: id, files: [])])
        #expect(state.lesson!.loadPicker == nil)
        #expect(message(state) == "no saved runs of \(id) in runs/ yet; W saves one")
        // An answer for a lesson left meanwhile opens nothing.
        send(&state, [.savedRuns(lesson: "another", files: ["/s/runs/another-step1.safetensors"])])
        #expect(state.lesson!.loadPicker == nil)
    }

    @Test func aRefusedLoadIsShownAsAnErrorAndASavedLoadedRunNamesTheResumeCommand() {
        var state = openLesson()
        send(&state, [.trainer(.refused(Phrase(.export(.resumeOtherTask), ["file": .text("x.safetensors"), "found": .text("dates"), "expected": .text("echo")])))])
        #expect(message(state) == "x.safetensors is a checkpoint of the task dates; this lesson trains echo")
        #expect(state.lesson!.message?.isError == true)
        send(&state, [.trainer(.saved(checkpoint: "/s/runs/gru-step45.safetensors", runFile: nil,
                                      command: "rnnlab run gru --resume /s/runs/gru-step45.safetensors"))])
        #expect(message(state) == "continue it with: rnnlab run gru --resume /s/runs/gru-step45.safetensors · saved gru-step45.safetensors in runs/")
    }
}
