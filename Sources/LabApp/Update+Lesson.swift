import LabText
import RNNLab
import TerminalUI

/// Lesson screen keys: the editor first when typing, then the divergence
/// choices, then play/step/reset, then the arrows for the focused part.
func lessonKey(_ state: inout AppState, _ key: AppKey) -> [AppEffect] {
    guard var ls = state.lesson else { return [] }
    defer {
        if state.lesson != nil {
            ls.scroll = min(ls.scroll, ls.maxProseScroll(width: state.width, height: state.height, language: state.language))
            state.lesson = ls
        }
    }
    if ls.editor != nil { return editorKey(&ls, key, saved: &state.savedKnobs) }
    if ls.stepsPrompt != nil { return stepsPromptKey(&ls, key) }
    if ls.loadPicker != nil { return loadPickerKey(&ls, key) }
    if ls.quiz != nil { return quizKey(&state, &ls, key) }
    if ls.confirmingLeave { return confirmLeaveKey(&state, &ls, key) }
    if let effects = inspectKey(state, &ls, key) { return effects }
    // After a divergence, b and L answer the run that diverged: the lesson's own
    // first, else the compare run, which can diverge on its own. (Not l: that
    // nudges a knob, and one key must never mean two things.)
    if ls.run.divergence != nil || ls.companion?.divergence != nil {
        let own = ls.run.divergence != nil
        let to: (TrainerCommand) -> AppEffect = own ? { .send($0) } : { .sendCompanion($0) }
        switch key {
        case .character("b"):
            ls.message = StatusMessage(own ? .rollingBack : .rollingBackCompare)
            return [to(.rollBack)]
        case .character("L"):
            ls.message = StatusMessage(own ? .lowering : .loweringCompare)
            return [to(.lowerLearningRate(floor: learningRateFloor(ls.lesson)))]
        default: break
        }
    }
    // Presentation mode shows no prose, knobs or checks: the keys that move
    // about in them would act unseen, so they wait until `f` shows them again.
    if state.presenting, hiddenInPresentation(key) { return [] }
    switch key {
    case .character("q"):
        if leaveWouldLoseWork(ls) {
            ls.confirmingLeave = true
            return []
        }
        state.lesson = ls
        return leaveLesson(&state)
    case .character(" "), .character("."):
        if ls.run.divergence != nil {
            ls.message = StatusMessage(.diverged, isError: true)
            return []
        }
        if key == .character(" ") && askBeforeRunning(state, &ls) { return [] }
        // From what was last asked, not the last report: every press counts.
        let command: TrainerCommand = key == .character(".") ? .step : ls.runsAfterRequests ? .pause : .play
        if case .play = command { ls.pending.running = true } else { ls.pending.running = false }
        return ls.commands(command)
    case .character("["), .character("]"):
        return paceKey(&ls, faster: key == .character("]"))
    case .character("n"):
        openStepsPrompt(&ls)
    case .character("s"):
        return setUpCheckKey(&ls, saved: &state.savedKnobs)
    case .character("d"):
        return restoreDefaultsKey(&ls, saved: &state.savedKnobs)
    case .character("r"):
        ls.message = StatusMessage(.reset)
        ls.pending.running = false
        return ls.commands(.reset)
    case .character("v"):
        return verifyKey(&ls)
    case .character("p"):
        openQuiz(state, &ls)
    case .character("f"):
        state.presenting.toggle()
    case .character("c"):
        pinKey(&ls)
    case .character("W"):
        return [.saveRun]
    case .character("O"):
        return [.listSavedRuns(lesson: ls.lesson.id)]
    case .character("i"):
        toggleInspect(state, &ls)
    case .tab:
        ls.focus = nextFocus(ls.focus, by: 1)
    case .backTab:
        ls.focus = nextFocus(ls.focus, by: -1)
    case .pageDown:
        pageKey(&ls, by: 1, width: state.width, height: state.height, language: state.language)
    case .pageUp:
        pageKey(&ls, by: -1, width: state.width, height: state.height, language: state.language)
    case .escape:
        // Esc leaves presentation mode, as it leaves a full screen; else it clears the message.
        if state.presenting { state.presenting = false } else { ls.message = nil }
    default:
        switch ls.focus {
        case .prose: proseKey(&ls, key)
        case .knobs: return knobKey(&ls, key, saved: &state.savedKnobs)
        case .checks: checksKey(&ls, key)
        }
    }
    return []
}

/// Keys for the parts presentation mode hides: focus, pages, the arrows.
func hiddenInPresentation(_ key: AppKey) -> Bool {
    switch key {
    case .tab, .backTab, .pageUp, .pageDown, .up, .down, .left, .right, .home, .end, .enter,
         .character("h"), .character("j"), .character("k"), .character("l"):
        return true
    default:
        return false
    }
}

/// The focus after `focus`, cycling.
func nextFocus(_ focus: LessonFocus, by step: Int) -> LessonFocus {
    let all = LessonFocus.allCases
    let i = all.firstIndex(of: focus) ?? 0
    return all[((i + step) % all.count + all.count) % all.count]
}

/// Moves to another prose page, at its top.
func turnPage(_ ls: inout LessonState, by step: Int) {
    let last = max(0, ls.lesson.pages.count - 1)
    let page = min(last, max(0, ls.page + step))
    if page != ls.page {
        ls.page = page
        ls.scroll = 0
    }
}

/// PgDn / PgUp: a window further through the page while it goes on that
/// way (one line of the last window stays in view), and only then the next or
/// previous page, so no part of a page is skipped unread.
func pageKey(_ ls: inout LessonState, by step: Int, width: Int, height: Int, language: Language) {
    let layout = LessonLayout(width: width, height: height, lesson: ls.lesson, focus: .prose)
    let window = max(1, (layout.proseText?.height ?? 1) - 1)
    let bottom = ls.maxProseScroll(width: width, height: height, language: language)
    if step > 0 && ls.scroll < bottom {
        ls.scroll = min(bottom, ls.scroll + window)
    } else if step < 0 && ls.scroll > 0 {
        ls.scroll = max(0, ls.scroll - window)
    } else {
        turnPage(&ls, by: step)
    }
}

/// Arrows in the prose: ↑/↓ scroll, ←/→ turn pages.
func proseKey(_ ls: inout LessonState, _ key: AppKey) {
    switch key {
    case .up, .character("k"): ls.scroll = max(0, ls.scroll - 1)
    case .down, .character("j"): ls.scroll += 1  // the view clamps it to the page
    case .left, .character("h"): turnPage(&ls, by: -1)
    case .right, .character("l"), .enter: turnPage(&ls, by: 1)
    case .home: ls.scroll = 0
    default: break
    }
}

/// Arrows in the checks list: choose a check to see its hint.
func checksKey(_ ls: inout LessonState, _ key: AppKey) {
    let count = ls.lesson.checks.count
    switch key {
    case .up, .character("k"): ls.selectedCheck = max(0, ls.selectedCheck - 1)
    case .down, .character("j"): ls.selectedCheck = min(max(0, count - 1), ls.selectedCheck + 1)
    default: break
    }
}

/// `v`: verifies the selected check headlessly in the background, with its own
/// runs (every seed and arm), while the live run goes on; `v` again cancels.
func verifyKey(_ ls: inout LessonState) -> [AppEffect] {
    if let running = ls.verification {
        ls.verification = nil
        ls.message = StatusMessage(.verificationCancelled, ["check": .text(running.check)])
        return [.cancelVerification]
    }
    guard ls.lesson.checks.indices.contains(ls.selectedCheck) else { return [] }
    let check = ls.lesson.checks[ls.selectedCheck]
    let budget = check.stepBudget
    ls.verification = Verification(check: check.id, steps: 0, budget: budget)
    ls.verdicts[check.id] = nil
    ls.message = StatusMessage(.verifying, ["check": .text(check.id), "budget": .integer(budget)])
    return [.verifyCheck(check.id)]
}

/// Progress or the verdict of the background verification; a pass is saved
/// like a check met live.
func applyVerification(_ state: inout AppState, check: String, steps: Int, result: CheckResult?) -> [AppEffect] {
    guard var ls = state.lesson, ls.verification?.check == check else { return [] }
    defer { state.lesson = ls }
    guard let result else {
        ls.verification?.steps = steps
        return []
    }
    ls.verification = nil
    ls.verdicts[check] = result
    // Under half a second would round to "0 s": it reads "< 1 s".
    let duration = result.seconds < 0.5 ? Phrase(.status(.underASecond))
        : Phrase(.status(.seconds), ["seconds": .fixed(result.seconds, decimals: 0)])
    let verdict: [String: TextArgument] = ["check": .text(check), "duration": .phrase(duration), "detail": .phrase(result.detail)]
    guard result.passed else {
        ls.message = StatusMessage(.notVerified, verdict, isError: true)
        return []
    }
    ls.message = StatusMessage(.verified, verdict)
    guard !(state.completed[ls.lesson.id]?.contains(check) ?? false) else { return [] }
    state.completed[ls.lesson.id, default: []].insert(check)
    lessonCompleteNotice(state, &ls)
    return [.markDone(lesson: ls.lesson.id, check: check)]
}
