import LabText
import RNNLab
import TerminalUI

/// Seconds of training after which a run counts as long: leaving the lesson
/// (which throws the model away) asks first.
let longRunSeconds = 30.0

/// Whether leaving the lesson now would lose work: a check verifying in the
/// background, or a run that has trained for ``longRunSeconds``.
func leaveWouldLoseWork(_ ls: LessonState) -> Bool {
    ls.verification != nil || ls.run.trainingSeconds >= longRunSeconds
}

/// Keys while the lab asks whether to leave: y or Enter leaves (the
/// verification and the run stop), n, Esc or q stays; other keys wait.
func confirmLeaveKey(_ state: inout AppState, _ ls: inout LessonState, _ key: AppKey) -> [AppEffect] {
    switch key {
    case .character("y"), .character("Y"), .enter:
        ls.confirmingLeave = false
        state.lesson = ls
        return leaveLesson(&state)
    case .character("n"), .character("N"), .escape, .character("q"):
        ls.confirmingLeave = false
    default:
        break
    }
    return []
}

/// The question over the dashboard: why leaving loses work, and the keys.
func drawLeaveQuestion(_ ls: LessonState, language t: Language, in area: Rect, buffer: inout Buffer) {
    let reason: String
    if let v = ls.verification {
        reason = t(.explore(.leaveVerification), ["check": .text(v.check), "steps": .integer(v.steps), "budget": .integer(v.budget)])
    } else {
        reason = t(.explore(.leaveLongRun), ["steps": .integer(ls.run.step)])
    }
    let width = min(area.width - 2, 60)
    let lines = wrap(reason, width: width - 4)
    let modal = Modal(width: width, height: lines.count + 5, title: t(.explore(.leaveTitle)))
    buffer.render(modal, in: area)
    let inner = modal.contentArea(in: area)
    for (i, line) in lines.enumerated() where i < inner.height {
        buffer.write(line, x: inner.x, y: inner.y + i, style: LabTheme.bold, maxWidth: inner.width)
    }
    buffer.write(t(.explore(.leaveChoices)), in: inner.row(inner.height - 1), alignment: .center, style: LabTheme.warning)
}
