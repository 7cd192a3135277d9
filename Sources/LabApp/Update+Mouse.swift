import LabText
import RNNLab
import TerminalUI

/// Lines the prose scrolls per turn of the wheel.
let wheelLines = 3

/// A click or a turn of the wheel, where it lands. On the home screen a click
/// selects a lesson and a click on the selected one opens it; in a lesson a
/// click on a tab, the prose, a knob or a check focuses it (and selects the
/// knob or check), a click on a heatmap or plot puts the inspect cursor
/// there, and the wheel scrolls the prose or moves through a list. Every one
/// of these has a key too; while a box asks something, the mouse waits.
func mouseKey(_ state: inout AppState, _ key: AppKey) -> [AppEffect] {
    switch state.screen {
    case .home: return homeMouse(&state, key)
    case .lesson: return lessonMouse(&state, key)
    }
}

/// Where a mouse event landed, and whether it was a click (else the wheel, up or down).
private func position(_ key: AppKey) -> (x: Int, y: Int, click: Bool, up: Bool)? {
    switch key {
    case let .click(x, y): return (x, y, true, false)
    case let .wheel(up, x, y): return (x, y, false, up)
    default: return nil
    }
}

private func homeMouse(_ state: inout AppState, _ key: AppKey) -> [AppEffect] {
    guard let (x, y, click, up) = position(key) else { return [] }
    let order = state.homeOrder
    guard !click else {
        guard let list = homeListArea(state, in: Rect(x: 0, y: 0, width: state.width, height: state.height)), list.contains(x: x, y: y),
              let row = lessonListLines(state, in: list).first(where: { $0.y == y })?.lessonRow else { return [] }
        if row == state.homeSelection { return openLesson(&state, index: order[row]) }
        state.homeSelection = row
        return []
    }
    state.homeSelection = min(max(0, order.count - 1), max(0, state.homeSelection + (up ? -1 : 1)))
    return []
}

private func lessonMouse(_ state: inout AppState, _ key: AppKey) -> [AppEffect] {
    guard var ls = state.lesson, let (x, y, click, up) = position(key) else { return [] }
    guard ls.editor == nil, ls.stepsPrompt == nil, ls.loadPicker == nil, ls.quiz == nil, !ls.confirmingLeave else { return [] }
    defer { state.lesson = ls }
    let (width, height) = (state.width, state.height)
    let layout = LessonLayout(width: width, height: height, lesson: ls.lesson, focus: ls.focus)
    let step = up ? -1 : 1
    if let tabs = layout.tabs, tabs.contains(x: x, y: y) {
        if click, let tab = tabSpans(language: state.language, in: tabs).first(where: { x >= $0.x && x < $0.x + $0.width }) {
            ls.focus = tab.focus
        }
    } else if let prose = layout.prose, prose.contains(x: x, y: y) {
        if click {
            ls.focus = .prose
        } else {
            let bottom = ls.maxProseScroll(width: width, height: height, language: state.language)
            ls.scroll = min(bottom, max(0, ls.scroll + step * wheelLines))
        }
    } else if let knobs = layout.knobs, knobs.contains(x: x, y: y) {
        if click { ls.focus = .knobs }
        let reserved = knobReservedRows(count: ls.lesson.knobs.count, innerHeight: knobs.height - 2)
        pick(&ls.selectedKnob, count: ls.lesson.knobs.count, reserved: reserved, in: knobs, y: y, click: click, step: step)
    } else if let checks = layout.checks, checks.contains(x: x, y: y) {
        if click { ls.focus = .checks }
        pick(&ls.selectedCheck, count: ls.lesson.checks.count, reserved: checkDetailRows, in: checks, y: y, click: click, step: step)
    } else if click, layout.dashboard.contains(x: x, y: y) {
        let context = PanelContext(ls, language: state.language)
        for (panel, rect) in placedPanels(ls, width: width, height: height, language: state.language) where rect.contains(x: x, y: y) {
            if let inspection = panel.inspection(context, in: rect), let at = inspection.position(atX: x, y: y) {
                ls.inspect = InspectCursor(panel: panel.id, row: at.row, column: at.column)
                ls.message = nil
            }
        }
    } else if !click, ls.inspect != nil, layout.dashboard.contains(x: x, y: y) {
        // The wheel over the dashboard moves the cursor along the time (or step) axis, as ← → do.
        _ = inspectKey(state, &ls, up ? .left : .right)
    }
    return []
}

/// In the knob or check list drawn in `area`: a click selects the line at row `y`,
/// the wheel moves the selection by `step`, within the list's `count` entries.
private func pick(_ selected: inout Int, count: Int, reserved: Int, in area: Rect, y: Int, click: Bool, step: Int) {
    if click {
        let lines = listLines(count: count, selected: selected, reserved: reserved, in: area)
        if let line = lines.first(where: { $0.y == y }) { selected = line.index }
    } else {
        selected = min(max(0, count - 1), max(0, selected + step))
    }
}
