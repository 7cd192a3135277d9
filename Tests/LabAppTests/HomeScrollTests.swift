import Foundation
@testable import LabApp
import RNNLab
import Testing

/// The home screen with as many lessons as the course will have: at 80×24 the
/// list scrolls, and whichever lesson is selected stays on screen, marked.
@Suite struct HomeScrollTests {
    /// Sixteen lessons in seven chapters, titled "Lesson 01" … "Lesson 16".
    static func sixteenLessons() -> [Lesson] {
        (1...16).map { n in
            let chapter = [1, 1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 7][n - 1]
            let text = fixtureLessonText
                .replacingOccurrences(of: "id: echo-lab", with: "id: lesson-\(n)")
                .replacingOccurrences(of: "title: Sequences and the simple RNN", with: "title: Lesson \(String(format: "%02d", n))")
                .replacingOccurrences(of: "chapter: 1. Foundations", with: "chapter: \(chapter). Chapter \(chapter)")
            return try! LessonParser.parse(text, file: String(format: "%02d-lesson.md", n))
        }
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func everySelectionIsVisible(size: (Int, Int)) {
        var state = AppState(lessons: Self.sixteenLessons(), completed: [:], firstStart: false, width: size.0, height: size.1)
        for n in 1...16 {
            let screen = screenText(state)
            let title = "Lesson \(String(format: "%02d", n))"
            // Once in the list and once as the heading of the summary box below it.
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.contains(title) }
            #expect(rows.count == 2, "at \(size), with lesson \(n) selected its row is off the list:\n\(screen)")
            send(&state, keys(.down))
        }
    }

    /// Going down to the last lesson and back up again, the first one shows again.
    @Test func scrollsBackToTheTop() {
        var state = AppState(lessons: Self.sixteenLessons(), completed: [:], firstStart: false, width: 80, height: 24)
        for _ in 1..<16 { send(&state, keys(.down)) }
        #expect(!screenText(state).contains("Lesson 01"), "16 lessons do not all fit at 80×24, so the first should scroll away")
        #expect(!screenText(state).contains("1. Chapter 1"))
        #expect(screenText(state).contains("Lesson 16"))
        for _ in 1..<16 { send(&state, keys(.up)) }
        #expect(screenText(state).contains("Lesson 01"))
        #expect(screenText(state).contains("1. Chapter 1"))
    }
}
