import LabText
import RNNLab
import TerminalUI

/// The most steps `n` runs at once, and the prompt's length.
let countedStepsRange = 1...1_000_000
private let countedStepsMaxLength = 7

/// `[` and `]`: one rung slower or faster on ``Pace/ladder``, for the lesson's
/// run and its companion alike (the two stay step for step).
func paceKey(_ ls: inout LessonState, faster: Bool) -> [AppEffect] {
    let pace = ls.pace.moved(by: faster ? 1 : -1)
    ls.message = pace.stepsPerSecond.map { StatusMessage(.pace(.changed), ["rate": .text(PanelNumbers.rate($0))]) }
        ?? StatusMessage(.pace(.changedFull))
    guard pace != ls.pace else { return [] }  // at an end of the ladder: the message says where
    ls.pace = pace
    return ls.commands(.pace(pace))
}

/// `n`: opens the prompt for a number of steps, offering the last one.
func openStepsPrompt(_ ls: inout LessonState) {
    ls.stepsPrompt = TextInput(text: String(ls.countedSteps), maxLength: countedStepsMaxLength)
    ls.message = nil
}

/// Keys while the number of steps is typed: digits, editing, Enter runs, Esc cancels.
func stepsPromptKey(_ ls: inout LessonState, _ key: AppKey) -> [AppEffect] {
    guard var prompt = ls.stepsPrompt else { return [] }
    switch key {
    case .escape, .tab, .backTab:
        ls.stepsPrompt = nil
        return []
    case .enter:
        ls.stepsPrompt = nil
        return runCounted(&ls, prompt.text.trimmingCharacters(in: .whitespaces))
    case .backspace: prompt.deleteBackward()
    case .delete: prompt.deleteForward()
    case .left: prompt.moveLeft()
    case .right: prompt.moveRight()
    case .home: prompt.moveToStart()
    case .end: prompt.moveToEnd()
    case .character(let c): prompt.insert(c)  // checked on Enter, with a message
    default: break
    }
    ls.stepsPrompt = prompt
    return []
}

/// Sends `.run(steps:)` for the typed text, or says why it cannot.
private func runCounted(_ ls: inout LessonState, _ text: String) -> [AppEffect] {
    guard !text.isEmpty else { return [] }
    guard let steps = Int(text) else {
        ls.message = StatusMessage(.pace(.notANumber), ["value": .text(text)], isError: true)
        return []
    }
    guard countedStepsRange.contains(steps) else {
        ls.message = StatusMessage(.pace(.outOfRange), ["value": .text(text), "low": .integer(countedStepsRange.lowerBound),
                                                        "high": .integer(countedStepsRange.upperBound)], isError: true)
        return []
    }
    if ls.run.divergence != nil {
        ls.message = StatusMessage(.diverged, isError: true)
        return []
    }
    ls.countedSteps = steps
    ls.pending.running = true
    ls.message = StatusMessage(.pace(.counting), ["steps": .integer(steps)])
    return ls.commands(.run(steps: steps))
}
