import RNNLab
import TerminalUI

/// The lab's one state transition: applies `message` to `state` and returns
/// what the run loop must do (talk to the trainer, save, quit). Pure: no
/// clock, no terminal, no files.
public func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
    switch message {
    case .resize(let w, let h):
        state.width = max(0, w)
        state.height = max(0, h)
        return []
    case .tick(let seconds):
        guard state.lesson != nil else { return [] }
        let previous = state.lesson!.run.clock
        if state.lesson!.run.isRunning, previous > 0, seconds > previous { state.lesson!.run.data.trainingSeconds += seconds - previous }
        state.lesson!.run.clock = seconds
        state.lesson!.run.rate.record(step: state.lesson!.run.step, at: seconds)
        if var c = state.lesson!.companion {
            c.clock = seconds
            c.rate.record(step: c.step, at: seconds)
            state.lesson!.companion = c
        }
        return []
    case .trainer(let event):
        guard state.lesson != nil else { return [] }
        let effects = applyTrainerEvent(&state, event)
        state.lesson?.pending.settle(after: event)
        return effects
    case let .verification(check, steps, result):
        return applyVerification(&state, check: check, steps: steps, result: result)
    case .companion(let event):
        if var c = state.lesson?.companion {
            applyCompanionEvent(&c, event)
            state.lesson!.companion = c
        }
        return []
    case .key(let key):
        let effects = applyKey(&state, key)
        rememberPage(&state)
        return effects
    case .resume:
        return resume(&state)
    case let .savedRuns(lesson, files):
        openLoadPicker(&state, lesson: lesson, files: files)
        return []
    case .saveFailed(let reason):
        if !state.notices.contains(reason) { state.notices.append(reason) }
        state.lesson?.message = StatusMessage(reason, isError: true)
        return []
    }
}

/// Keys that act the same everywhere, then the screen's own keys.
func applyKey(_ state: inout AppState, _ key: AppKey) -> [AppEffect] {
    switch key {
    case .interrupt, .terminate:
        return quit(&state)
    case .control("l"):
        return []  // the run loop repaints the whole screen
    default:
        break
    }
    if state.showHelp {
        // ↑↓ (and the wheel) scroll a help taller than the screen; any other key closes it; q and ? only close it.
        let most = helpMaxScroll(state)
        let by: Int? = switch key {
        case .down, .character("j"), .wheel(up: false, _, _): 1
        case .up, .character("k"), .wheel(up: true, _, _): -1
        default: nil
        }
        if let by, most > 0 {
            state.helpScroll = min(most, max(0, state.helpScroll + by))
        } else {
            state.showHelp = false
            state.helpScroll = 0
        }
        return []
    }
    if state.isTooSmall {
        if key == .character("q") { return state.screen == .lesson ? leaveLesson(&state) : quit(&state) }
        return []
    }
    switch key {
    case .click, .wheel: return mouseKey(&state, key)
    default: break
    }
    if key == .character("?") && state.lesson?.editor == nil && state.lesson?.stepsPrompt == nil && state.lesson?.loadPicker == nil {
        state.showHelp = true
        return []
    }
    if isLanguageKey(key) && languageKeyApplies(state) { return languageKey(&state) }
    switch state.screen {
    case .home: return homeKey(&state, key)
    case .lesson: return lessonKey(&state, key)
    }
}

/// Stops everything and asks the loop to leave.
func quit(_ state: inout AppState) -> [AppEffect] {
    state.quitting = true
    return [.stopTrainer, .quit]
}

/// Home screen: choose a lesson.
func homeKey(_ state: inout AppState, _ key: AppKey) -> [AppEffect] {
    let order = state.homeOrder
    switch key {
    case .character("q"), .escape:
        return quit(&state)
    case .up, .character("k"):
        state.homeSelection = max(0, state.homeSelection - 1)
    case .down, .character("j"), .tab:
        state.homeSelection = min(max(0, order.count - 1), state.homeSelection + 1)
    case .backTab:
        state.homeSelection = max(0, state.homeSelection - 1)
    case .home:
        state.homeSelection = 0
    case .end:
        state.homeSelection = max(0, order.count - 1)
    case .enter, .right, .character("l"), .character(" "):
        guard order.indices.contains(state.homeSelection) else { return [] }
        return openLesson(&state, index: order[state.homeSelection])
    default:
        break
    }
    return []
}

/// Opens a lesson: its settings with the learner's saved knob values over
/// them, and a trainer for it.
func openLesson(_ state: inout AppState, index: Int) -> [AppEffect] {
    let lesson = state.lessons[index]
    var settings = lesson.settings
    for knob in lesson.knobs where !state.opensWithLessonDefaults {
        if let saved = state.savedKnobs[lesson.id]?[knob.name], knob.definition.refusal(saved) == nil {
            settings[knob.name] = saved
        }
    }
    state.lesson = LessonState(index: index, lesson: lesson, settings: settings)
    state.lesson!.page = min(max(0, state.lastPages[lesson.id] ?? 0), max(0, lesson.pages.count - 1))
    state.lastLesson = lesson.id
    state.screen = .lesson
    let ls = state.lesson!
    var effects: [AppEffect] = [.startTrainer(ls.runPlan(settings: settings))]
    if let companion = ls.companion { effects.append(.startCompanion(ls.runPlan(settings: companion.settings))) }
    if state.firstStart {
        state.firstStart = false
        effects.append(.markStarted)
    }
    return effects
}

/// Back to the home screen; the trainer stops.
func leaveLesson(_ state: inout AppState) -> [AppEffect] {
    if let open = state.lesson, let row = state.homeOrder.firstIndex(of: open.index) {
        // A lesson whose checks are all met hands on to the next, as its notice said.
        let complete = !open.lesson.checks.isEmpty && state.doneCount(open.lesson) == open.lesson.checks.count
        state.homeSelection = complete ? min(row + 1, state.homeOrder.count - 1) : row
    }
    state.lesson = nil
    state.screen = .home
    return [.stopTrainer]
}
