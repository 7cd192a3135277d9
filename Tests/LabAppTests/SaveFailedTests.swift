import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// A failed save is shown when it happens (reliability review D11), not only
/// after quitting: on the home screen's notice line and the lesson's status line.
@Suite struct SaveFailedTests {
    @Test func aFailedSaveIsShownOnTheHomeScreen() {
        var state = fixtureState()
        let reason = Phrase(.command(.couldNotSave), ["reason": .text("the state folder /s is a file, not a folder")])
        let effects = send(&state, [.saveFailed(reason)])
        #expect(effects.isEmpty)
        #expect(state.notices == [reason])
        var buffer = Buffer(width: 80, height: 24)
        view(state, into: &buffer)
        #expect(buffer.textLines().contains { $0.contains("could not save") })
    }

    @Test func aFailedSaveIsShownInTheOpenLesson() {
        var state = trainedState()
        let reason = Phrase(.command(.couldNotSave), ["reason": .text("disk full")])
        send(&state, [.saveFailed(reason)])
        #expect(state.lesson?.message == StatusMessage(reason, isError: true))
    }
}
