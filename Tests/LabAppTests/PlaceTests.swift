@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// The learner's place: the lesson last open and each lesson's page, taken
/// back at launch (``AppState/restore(_:)`` and ``AppMessage/resume``).
@Suite struct PlaceTests {
    /// Lesson 1 open at its second page.
    func onSecondPage() -> AppState {
        var state = fixtureState()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        send(&state, keys(.right))
        return state
    }

    @Test func thePlaceFollowsTheLessonAndItsPage() {
        var state = fixtureState()
        #expect(state.place == Place())
        send(&state, keys(.enter))
        #expect(state.place == Place(lesson: "echo-lab", open: true, pages: ["echo-lab": 0]))
        send(&state, keys(.right))
        #expect(state.place == Place(lesson: "echo-lab", open: true, pages: ["echo-lab": 1]))
        send(&state, keys(.character("q")))
        #expect(state.place == Place(lesson: "echo-lab", open: false, pages: ["echo-lab": 1]))
    }

    @Test func aLessonOpensAgainAtThePageItWasLeftOn() {
        var state = onSecondPage()
        send(&state, keys(.character("q"), .down, .enter))  // the other lesson
        #expect(state.lesson?.lesson.id == "vanishing" && state.lesson?.page == 0)
        send(&state, keys(.character("q"), .up, .enter))
        #expect(state.lesson?.lesson.id == "echo-lab" && state.lesson?.page == 1)
        #expect(screenText(state).contains("page 2/2"))
    }

    /// Reopening the lab: the lesson left open opens again at its page; a
    /// lesson left closed is selected in the list.
    @Test func launchReopensWhereTheLearnerLeft() {
        let left = onSecondPage().place
        var state = fixtureState()
        let reopens = state.restore(left)
        #expect(reopens)
        let effects = send(&state, [.resume])
        #expect(effects.map(\.summary) == ["start echo"])
        #expect(state.screen == .lesson && state.lesson?.lesson.id == "echo-lab" && state.lesson?.page == 1)

        var closed = fixtureState()
        let closedReopens = closed.restore(Place(lesson: "vanishing", open: false, pages: ["vanishing": 1]))
        #expect(!closedReopens)
        #expect(closed.screen == .home)  // the loop sends .resume only when restore says so
        #expect(closed.homeOrder[closed.homeSelection] == 1)
        send(&closed, keys(.enter))
        #expect(closed.lesson?.lesson.id == "vanishing" && closed.lesson?.page == 1)
    }

    /// A place naming a lesson that is gone, or a page past the end, opens safely.
    @Test func aStalePlaceIsIgnoredOrClamped() {
        var gone = fixtureState()
        let goneReopens = gone.restore(Place(lesson: "removed-lesson", open: true, pages: ["removed-lesson": 3]))
        #expect(!goneReopens)
        #expect(gone.lastPages.isEmpty && gone.homeSelection == 0)
        var far = fixtureState()
        let farReopens = far.restore(Place(lesson: "echo-lab", open: true, pages: ["echo-lab": 40]))
        #expect(farReopens)
        send(&far, [.resume])
        #expect(far.lesson?.page == 1)
    }

    /// `rnnlab --fresh` does not restore: lessons open at their first page.
    @Test func aClassroomStartOpensAtTheFirstPage() {
        var state = fixtureState()
        state.opensWithLessonDefaults = true
        send(&state, [.resume])
        #expect(state.screen == .home)
        send(&state, keys(.enter))
        #expect(state.lesson?.page == 0)
    }
}
