import LabText
import RNNLab
import TerminalUI

/// The lesson screen: title, the prose / knobs / checks column, the live
/// dashboard, a message line and the key hints.
func drawLesson(_ ls: LessonState, state: AppState, in area: Rect, buffer: inout Buffer) {
    let layout = LessonLayout(width: area.width, height: area.height, lesson: ls.lesson, focus: ls.focus,
                              presenting: state.presenting)
    let t = state.language
    let done = state.doneCount(ls.lesson)
    let checks = t(.lesson(.checksCount), ["done": .integer(done), "total": .integer(ls.lesson.checks.count)])
    buffer.render(StatusBar(left: lessonTitleBar(ls.lesson, beside: checks, width: area.width, language: t), right: checks,
                            style: LabTheme.title), in: layout.title)
    if let tabs = layout.tabs { drawTabs(ls, language: t, in: tabs, buffer: &buffer) }
    if let r = layout.prose { drawProse(ls, width: area.width, height: area.height, language: t, in: r, buffer: &buffer) }
    if let r = layout.knobs { drawKnobs(ls, language: t, in: r, buffer: &buffer) }
    if let r = layout.checks {
        drawChecks(ls, completed: state.completed[ls.lesson.id] ?? [], language: t, in: r, buffer: &buffer, state: state)
    }
    drawDashboard(ls, language: t, in: layout.dashboard, buffer: &buffer)
    if var prompt = ls.stepsPrompt {
        prompt.prompt = " " + t(.pace(.prompt))
        buffer.render(prompt, in: layout.message)
    } else if let readout = inspectReadout(ls, width: area.width, height: area.height, language: t) {
        buffer.write(" " + readout, in: layout.message, alignment: .left, style: LabTheme.bold)
    } else if let m = ls.message {
        buffer.write(" " + messageLine(m.text(in: t), width: layout.message.width - 1), in: layout.message, alignment: .left,
                     style: m.isError ? LabTheme.error : LabTheme.dim)
    }
    drawHints(lessonHints(ls, presenting: state.presenting, language: t), in: layout.hints, buffer: &buffer)
    if let quiz = ls.quiz { drawQuiz(quiz, ls, state: state, in: area, buffer: &buffer) }
    if ls.confirmingLeave { drawLeaveQuestion(ls, language: t, in: area, buffer: &buffer) }
    if let picker = ls.loadPicker { drawLoadPicker(picker, language: t, in: area, buffer: &buffer) }
}

/// The hints for what the keys do right now (keys from the key map).
func lessonHints(_ ls: LessonState, presenting: Bool = false, language t: Language) -> [KeyHint] {
    if ls.editor != nil || ls.stepsPrompt != nil {
        return [hint(.apply, .hintApply, t), hint(.cancel, .hintCancel, t), hint(.cursor, .hintCursor, t), hint(.delete, .hintDelete, t)]
    }
    if ls.loadPicker != nil { return [hint(.move, .hintChoose, t), hint(.apply, .hintLoad, t), hint(.cancel, .hintCancel, t)] }
    var hints: [KeyHint] = []
    if ls.inspect != nil {
        hints += [hint(.move, .hintInspectMove, t), hint(.focus, .hintInspectNext, t), hint(.inspect, .hintInspectDone, t)]
    }
    if ls.run.divergence != nil || ls.companion?.divergence != nil {
        hints += [hint(.rollBack, .hintRollBack, t), hint(.lowerRate, .hintLowerRate, t)]
    }
    // While the lesson's run is diverged, Space and `.` are refused: not offered.
    if ls.run.divergence == nil {
        hints.append(hint(.play, ls.run.isRunning ? .hintPause : .hintTrain, t))
        hints.append(hint(.step, .hintStep, t))
    }
    if presenting {
        // The dashboard alone: no focus to move, and `f` brings the lesson back.
        hints += [hint(.present, .hintShowLesson, t), hint(.back, .hintBack, t), hint(.help, .hintHelp, t),
                  hint(.reset, .hintReset, t), hint(.pace, .hintPace, t), hint(.runSteps, .hintRunSteps, t)]
        return hints
    }
    switch ls.focus {
    case .prose: hints.append(hint(.page, .hintPage, t))
    case .knobs: hints += [hint(.change, .hintChange, t), hint(.open, .hintType, t)]
    case .checks:  // ↑↓ is in the help
        hints += [hint(.verify, ls.verification == nil ? .hintVerify : .hintCancelVerify, t), hint(.setUp, .hintSetUp, t)]
    }
    hints += [hint(.focus, .hintFocus, t), hint(.reset, .hintReset, t), hint(.help, .hintHelp, t), hint(.back, .hintBack, t)]
    hints.append(hint(.pace, .hintPace, t))  // last: where the bar is narrow, the help lists it
    hints.append(hint(.present, .hintPresent, t))
    hints.append(hint(.pin, ls.pinned == nil ? .hintPin : .hintUnpin, t))
    if ls.inspect == nil { hints.append(hint(.inspect, .hintInspect, t)) }
    return hints
}

/// "Lesson │ Knobs │ Checks" with the focused one highlighted.
func drawTabs(_ ls: LessonState, language t: Language, in area: Rect, buffer: inout Buffer) {
    for tab in tabSpans(language: t, in: area) {
        let style = tab.focus == ls.focus ? LabTheme.focusedBorder.adding(.reverse) : LabTheme.dim
        buffer.write(" \(tab.name) ", x: tab.x, y: area.y, style: style, maxWidth: area.maxX - tab.x)
    }
}

/// Each tab's name and the columns it takes on the tab row `area` (for drawing and for clicks).
func tabSpans(language t: Language, in area: Rect) -> [(focus: LessonFocus, name: String, x: Int, width: Int)] {
    let names: [(LessonFocus, String)] = [(.prose, t(.lesson(.tabLesson))), (.knobs, t(.lesson(.tabKnobs))),
                                          (.checks, t(.lesson(.tabChecks)))]
    var x = area.x + 1
    return names.map { focus, name in
        let width = min(name.displayWidth + 2, max(0, area.maxX - x))
        defer { x += width + 1 }
        return (focus, name, x, width)
    }
}

/// The current prose page, framed, with "page n/m" in the frame.
func drawProse(_ ls: LessonState, width: Int, height: Int, language t: Language, in area: Rect, buffer: inout Buffer) {
    let pages = ls.lesson.pages
    let more = ls.scroll < ls.maxProseScroll(width: width, height: height, language: t)
    let footer = pages.count > 1 || more
        ? t(.lesson(more ? .pageFooterMore : .pageFooter), ["page": .integer(ls.page + 1), "pages": .integer(pages.count)]) : nil
    buffer.render(LabTheme.panel(t(.lesson(.prosePanel)), footer: footer, focused: ls.focus == .prose), in: area)
    guard pages.indices.contains(ls.page) else { return }
    // The text keeps off the right border; the scroll bar, when needed, is drawn on it.
    let text = area.inset(top: 1, left: 2, bottom: 1, right: 0)
    let lines = proseLines(ls.lesson, page: ls.page, width: max(1, text.width - 1), language: t)
    buffer.render(TextView(lines: lines, scroll: ls.scroll), in: text)
}
