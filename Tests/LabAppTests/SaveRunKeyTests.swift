@testable import LabApp
import LabText
@testable import RNNLab
import Testing

/// `W` asks the run loop to save the run, and the trainer's answer puts the
/// files and the command that starts the same run on the status line.
@Suite struct SaveRunKeyTests {
    @Test func wSavesAndTheStatusLineNamesTheCommand() {
        var state = fixtureState()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        #expect(send(&state, keys(.character("W"))).map(\.summary) == ["save run"])
        send(&state, [.trainer(.saved(checkpoint: "/s/runs/gru-step40.safetensors", runFile: "/s/runs/gru-step40.run.json",
                                      command: "rnnlab run gru --steps 40 --set hidden=8"))])
        let message = state.lesson!.message.map { state.language.render($0.phrase) } ?? ""
        #expect(message == "the same start: rnnlab run gru --steps 40 --set hidden=8 · saved gru-step40.safetensors and gru-step40.run.json in runs/")
    }
}
