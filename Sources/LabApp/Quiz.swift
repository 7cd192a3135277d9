import LabText
import RNNLab

/// The predict-then-run window of the lesson screen, while it is open: the
/// choice under the cursor, and whether answering it starts the run (it was
/// opened by the first Space of the lesson rather than by `p`).
public struct QuizState: Sendable, Equatable {
    public var selected: Int
    public var playsAfter: Bool

    public init(selected: Int = 0, playsAfter: Bool) {
        self.selected = selected
        self.playsAfter = playsAfter
    }
}

extension AppState {
    /// The learner's prediction for the open lesson's question, if answered.
    var currentAnswer: Int? {
        guard let ls = lesson, let q = ls.lesson.question else { return nil }
        return answers[ls.lesson.id]?[q.id]
    }
}

/// Whether the question's check has been judged: met or failed on this run,
/// verified in the background, or met in an earlier session.
func isJudged(_ question: LessonQuestion, _ ls: LessonState, completed: Set<String>) -> Bool {
    ls.run.passedChecks.contains(question.check) || ls.run.failedChecks.contains(question.check)
        || ls.verdicts[question.check] != nil || completed.contains(question.check)
}

/// What the linked check measured, when this session judged it.
func measuredDetail(_ question: LessonQuestion, _ ls: LessonState) -> Phrase? {
    if let result = ls.verdicts[question.check] { return result.detail }
    return ls.run.checks.verdicts[question.check].map(CheckRunner.describe)
}

/// Space when the run would start: the lesson's question first, once per
/// visit, if the learner has not answered it. Returns true when it opened.
func askBeforeRunning(_ state: AppState, _ ls: inout LessonState) -> Bool {
    guard let question = ls.lesson.question, !ls.askedQuestion, !ls.runsAfterRequests,
          state.answers[ls.lesson.id]?[question.id] == nil else { return false }
    ls.askedQuestion = true
    ls.quiz = QuizState(playsAfter: true)
    return true
}

/// `p`: opens the question (to answer it again, or to compare the answer with the measurement).
func openQuiz(_ state: AppState, _ ls: inout LessonState) {
    guard let question = ls.lesson.question else {
        ls.message = StatusMessage(.teach(.noQuestion))
        return
    }
    ls.askedQuestion = true
    ls.quiz = QuizState(selected: state.answers[ls.lesson.id]?[question.id] ?? 0, playsAfter: false)
}

/// Keys while the question is open: ↑/↓ or a digit choose, Enter answers
/// (and starts the run if Space opened it), Esc closes without answering.
func quizKey(_ state: inout AppState, _ ls: inout LessonState, _ key: AppKey) -> [AppEffect] {
    guard var quiz = ls.quiz, let question = ls.lesson.question else {
        ls.quiz = nil
        return []
    }
    let count = question.choices.count
    switch key {
    case .up, .character("k"):
        quiz.selected = max(0, quiz.selected - 1)
    case .down, .character("j"), .tab:
        quiz.selected = min(count - 1, quiz.selected + 1)
    case .character(let c) where c.wholeNumberValue.map { (1...count).contains($0) } ?? false:
        quiz.selected = c.wholeNumberValue! - 1
    case .enter:
        ls.quiz = nil
        state.answers[ls.lesson.id, default: [:]][question.id] = quiz.selected
        ls.message = StatusMessage(.teach(.answerSaved), ["choice": .text(question.choices[quiz.selected])])
        var effects: [AppEffect] = [.saveAnswer(lesson: ls.lesson.id, question: question.id, choice: quiz.selected)]
        if quiz.playsAfter && ls.run.divergence == nil && !ls.runsAfterRequests {
            ls.pending.running = true
            effects += ls.commands(.play)
        }
        return effects
    case .escape, .character("q"), .character("p"):
        ls.quiz = nil
        return []
    default:
        break
    }
    ls.quiz = quiz
    return []
}
