@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The fixture lesson with a predict-then-run question and a misconception box.
let quizLessonText = fixtureLessonText.replacingOccurrences(of: "    hint: Set hidden to 1.\n---\n", with: """
        hint: Set hidden to 1.
    question:
      id: hidden-one
      prompt: With one hidden unit, what accuracy will the echo reach?
      choices:
        - about 25%, chance
        - about 35%
        - above 95%
      answer: 2
      check: no-memory
    misconception:
      claim: The last hidden state sums up the whole sequence.
      truth: It holds only what its size lets it keep; one unit cannot carry three symbols.
      check: no-memory
    ---

    """)

/// The quiz lesson open and built, at `width`×`height`, with `answers` already kept.
func quizState(width: Int = 80, height: Int = 24, answers: [String: [String: Int]] = [:]) -> AppState {
    var state = AppState(lessons: [fixtureLesson(quizLessonText)], width: width, height: height)
    state.answers = answers
    send(&state, keys(.enter))
    send(&state, [.trainer(readyEvent(state.lesson!.lesson)), .tick(seconds: 0)])
    for step in 1...30 { send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)))]) }
    return state
}

/// Verifies the question's check in the background (`v` on it) and brings its verdict.
func judgeNoMemory(_ state: inout AppState) {
    let focus = state.lesson!.focus
    state.lesson!.focus = .checks
    state.lesson!.selectedCheck = 1
    send(&state, keys(.character("v")))
    send(&state, [.verification(check: "no-memory", steps: 100, result: CheckResult(
        lesson: "echo-lab", check: "no-memory", title: "", passed: true, detail: .verbatim("accuracy = 0.337 (want < 0.6)"),
        steps: 100, seconds: 2))])
    state.lesson!.focus = focus
}

@Suite struct QuizTests {
    @Test func theFixtureParsesWithItsBlocks() {
        let lesson = fixtureLesson(quizLessonText)
        #expect(lesson.question?.choices == ["about 25%, chance", "about 35%", "above 95%"])
        #expect(lesson.question?.answer == 1)
        #expect(lesson.misconception?.check == "no-memory")
    }

    @Test func theFirstSpaceAsksAndTheAnswerStartsTheRun() {
        var state = quizState()
        #expect(send(&state, keys(.character(" "))).isEmpty)
        #expect(state.lesson!.quiz == QuizState(selected: 0, playsAfter: true))
        #expect(screenText(state).contains("With one hidden unit, what accuracy will the echo reach?"))
        send(&state, keys(.down, .down, .up))
        #expect(state.lesson!.quiz?.selected == 1)
        #expect(send(&state, keys(.enter)).map(\.summary) == ["answer echo-lab hidden-one 1", "send play"])
        #expect(state.lesson!.quiz == nil)
        #expect(state.answers == ["echo-lab": ["hidden-one": 1]])
        #expect(state.lesson!.message?.text(in: .english) == "Prediction kept: about 35%. Now run it and see.")
        // The next Space pauses as usual.
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send pause"])
    }

    @Test func aDigitChoosesAndEscapePutsTheQuestionOffForThisVisit() {
        var state = quizState()
        send(&state, keys(.character(" "), .character("3")))
        #expect(state.lesson!.quiz?.selected == 2)
        send(&state, keys(.character("9")))  // no ninth choice
        #expect(state.lesson!.quiz?.selected == 2)
        #expect(send(&state, keys(.escape)).isEmpty)
        #expect(state.lesson!.quiz == nil && state.answers.isEmpty)
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send play"])
    }

    @Test func anAnsweredQuestionIsNotAskedAgainButPReopensIt() {
        var state = quizState(answers: ["echo-lab": ["hidden-one": 2]])
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send play"])
        send(&state, keys(.character("p")))
        #expect(state.lesson!.quiz == QuizState(selected: 2, playsAfter: false))
        #expect(screenText(state).contains("← your prediction"))
        #expect(screenText(state).contains("once the linked check is judged"))
        // Answering again replaces the answer and does not touch the run.
        #expect(send(&state, keys(.up, .enter)).map(\.summary) == ["answer echo-lab hidden-one 1"])
    }

    @Test func aLessonWithoutAQuestionSaysSo() {
        var state = fixtureState()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        send(&state, keys(.character("p")))
        #expect(state.lesson!.quiz == nil)
        #expect(state.lesson!.message?.text(in: .english) == "This lesson has no prediction question.")
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send play"])
    }

    @Test func onceTheCheckIsJudgedThePredictionStandsBesideTheMeasurement() {
        var state = quizState(width: 100, height: 30, answers: ["echo-lab": ["hidden-one": 0]])
        judgeNoMemory(&state)
        send(&state, keys(.character("p")))
        let text = screenText(state)
        #expect(text.contains("Measured: accuracy = 0.337 (want < 0.6)"))
        #expect(text.contains("The measured answer: about 35%"))
        #expect(text.contains("Your prediction differs from the measurement"))
        send(&state, keys(.escape, .tab, .tab, .down))  // the checks, the question's check selected
        let checks = screenText(state)
        #expect(checks.contains("You predicted: about 25%, chance.") && checks.contains("Measured answer: about 35%."))
    }

    @Test func theQuestionBeforeTheRun80x24() {
        var state = quizState()
        send(&state, keys(.character(" "), .down))
        assertSnapshot(frame(state), named: "quiz-asked-80x24")
    }

    @Test func theQuestionBeforeTheRun100x30() {
        var state = quizState(width: 100, height: 30)
        send(&state, keys(.character(" "), .down))
        assertSnapshot(frame(state), named: "quiz-asked-100x30")
    }

    @Test func theQuestionJudged80x24() {
        var state = quizState(answers: ["echo-lab": ["hidden-one": 1]])
        judgeNoMemory(&state)
        send(&state, keys(.character("p")))
        assertSnapshot(frame(state), named: "quiz-judged-80x24")
    }

    @Test func theQuestionJudged100x30() {
        var state = quizState(width: 100, height: 30, answers: ["echo-lab": ["hidden-one": 1]])
        judgeNoMemory(&state)
        send(&state, keys(.character("p")))
        assertSnapshot(frame(state), named: "quiz-judged-100x30")
    }

    /// The box closes the first page; the prose scrolls down to it.
    @Test func theMisconceptionBoxEndsTheFirstPage() {
        for (width, height) in [(80, 24), (100, 30)] {
            var state = quizState(width: width, height: height)
            for _ in 0..<40 { send(&state, keys(.down)) }
            let text = screenText(state)
            #expect(text.contains("Common misconception"), "\(width)×\(height)")
            #expect(text.contains("✗ The last hidden state"), "\(width)×\(height)")
            #expect(text.contains("└"), "\(width)×\(height)")
            assertSnapshot(frame(state), named: "misconception-\(width)x\(height)")
            // Not on the second page.
            send(&state, keys(.pageDown))
            #expect(!screenText(state).contains("Common misconception"))
        }
    }

    /// In a pseudo-translation the question window and the box show no English
    /// of their own: only the lesson's words (its prompt, choices, claim) and key names.
    @Test func theQuestionAndTheBoxAreWrittenInTheFramesLanguage() {
        var asked = quizState(width: 100, height: 30, answers: ["echo-lab": ["hidden-one": 0]])
        var data = dataWords([asked.lesson!.run])
        for word in asciiWords(quizLessonText) { data.insert(word.word) }
        data.insert("want")  // in the verdict's detail, which this test writes verbatim
        // The window covers the prose: a lesson word it cuts shows as its start.
        for word in data { for n in 1..<word.count { data.insert(String(word.prefix(n))) } }
        asked.language = pseudoLanguage
        judgeNoMemory(&asked)
        send(&asked, keys(.character("p")))
        #expect(strayEnglish(frame(asked), data: data).isEmpty, "\(strayEnglish(frame(asked), data: data))")
        send(&asked, keys(.escape))
        for _ in 0..<40 { send(&asked, keys(.down)) }
        #expect(strayEnglish(frame(asked), data: data).isEmpty, "\(strayEnglish(frame(asked), data: data))")
        send(&asked, keys(.tab, .tab, .down))
        #expect(strayEnglish(frame(asked), data: data).isEmpty, "\(strayEnglish(frame(asked), data: data))")
    }
}
