import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// A failed save is shown when it happens (reliability review D11), not only
/// after quitting: on the home screen's notice line and the lesson's status line.
@Suite struct SaveFailedTests {
    @Test func aFailedSaveIsShownOnTheHomeScreen() {
        var state = fixtureState()
        let effects = send(&state, [.saveFailed("could not save: the state folder /s is a file, not a folder")])
        #expect(effects.isEmpty)
        #expect(state.notice == "could not save: the state folder /s is a file, not a folder")
        var buffer = Buffer(width: 80, height: 24)
        view(state, into: &buffer)
        #expect(buffer.textLines().contains { $0.contains("could not save") })
    }

    @Test func aFailedSaveIsShownInTheOpenLesson() {
        var state = trainedState()
        send(&state, [.saveFailed("could not save: disk full")])
        #expect(state.lesson?.message == StatusMessage("could not save: disk full", isError: true))
    }
}
