import LabText
import RNNLab
import TerminalUI

/// The predict-then-run window: the question, its choices with the learner's
/// prediction marked, and, once the linked check is judged, what it measured
/// and which choice that supports. Drawn over the lesson screen.
func drawQuiz(_ quiz: QuizState, _ ls: LessonState, state: AppState, in area: Rect, buffer: inout Buffer) {
    guard let question = ls.lesson.question else { return }
    let t = state.language
    let width = min(area.width - 2, 76)
    let textWidth = max(10, width - 6)
    let answer = state.answers[ls.lesson.id]?[question.id]
    let judged = isJudged(question, ls, completed: state.completed[ls.lesson.id] ?? [])
    var lines: [(String, Style)] = []
    if answer == nil { lines += wrap(t(.teach(.questionAsk)), width: textWidth).map { ($0, LabTheme.dim) } }
    lines += wrap(question.prompt, width: textWidth).map { ($0, LabTheme.bold) }
    lines.append(("", .plain))
    let yours = t(.teach(.questionYours))
    for (i, choice) in question.choices.enumerated() {
        let text = t(.teach(.questionChoice), ["number": .integer(i + 1), "choice": .text(choice)])
        let mark = i == quiz.selected ? "› " : "  "
        let suffix = i == answer ? "  ← " + yours : ""
        let style = i == quiz.selected ? LabTheme.selected : (judged && answer != nil && i == question.answer ? LabTheme.good : .plain)
        for (n, line) in wrap(text + suffix, width: textWidth - 2).enumerated() {
            lines.append(((n == 0 ? mark : "  ") + line, style))
        }
    }
    lines.append(("", .plain))
    if let answer, judged {
        if let detail = measuredDetail(question, ls) {
            lines += wrap(t(.teach(.questionMeasured), ["detail": .phrase(detail)]), width: textWidth).map { ($0, LabTheme.dim) }
        }
        lines += wrap(t(.teach(.questionLessonAnswer), ["choice": .text(question.choices[question.answer])]), width: textWidth)
            .map { ($0, LabTheme.good) }
        let right = answer == question.answer
        lines += wrap(t(.teach(right ? .questionRight : .questionWrong)), width: textWidth).map { ($0, right ? LabTheme.goodDim : LabTheme.warning) }
    } else if answer != nil {
        lines += wrap(t(.teach(.questionWaiting)), width: textWidth).map { ($0, LabTheme.dim) }
    }
    while lines.last?.0.isEmpty == true { lines.removeLast() }
    // Frame, one blank row, the lines, one blank row, the key hints.
    let height = min(area.height - 2, lines.count + 5)
    let modal = Modal(width: width, height: height, title: t(.teach(.questionTitle)))
    buffer.render(modal, in: area)
    let inner = modal.contentArea(in: area)
    var y = inner.y + 1
    for (text, style) in lines where y < inner.maxY - 1 {
        buffer.write(text, x: inner.x, y: y, style: style, maxWidth: inner.width)
        y += 1
    }
    let hints = [KeyHint(binding(.move).hint.text(t), t(.teach(.questionHintChoose))),
                 KeyHint(binding(.open).hint.text(t), t(.teach(.questionHintAnswer))),
                 KeyHint(binding(.cancel).hint.text(t), t(.teach(answer == nil ? .questionHintLater : .questionHintClose)))]
    buffer.render(KeyHintBar(hints: hints, keyStyle: LabTheme.hints), in: inner.row(inner.height - 1))
}

/// Under the linked check's measured result: the learner's prediction and the
/// choice the measurement supports (only once the check is judged).
func predictionLines(_ check: LessonCheck, _ ls: LessonState, state: AppState, width: Int) -> [(String, Style)] {
    guard let question = ls.lesson.question, question.check == check.id,
          let answer = state.answers[ls.lesson.id]?[question.id],
          isJudged(question, ls, completed: state.completed[ls.lesson.id] ?? []) else { return [] }
    let text = state.language(.teach(.predictionBeside), ["choice": .text(question.choices[answer]),
                                                         "answer": .text(question.choices[question.answer])])
    return wrap(text, width: width).map { ($0, answer == question.answer ? LabTheme.goodDim : LabTheme.warning) }
}
