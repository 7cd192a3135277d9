import RNNLab
import TerminalUI

/// The lesson screen: title, the prose / knobs / checks column, the live
/// dashboard, a message line and the key hints.
func drawLesson(_ ls: LessonState, state: AppState, in area: Rect, buffer: inout Buffer) {
    let layout = LessonLayout(width: area.width, height: area.height, lesson: ls.lesson, focus: ls.focus)
    let done = state.doneCount(ls.lesson)
    buffer.render(StatusBar(left: "RNN Lab › \(ls.lesson.chapter) › \(ls.lesson.title)",
                            right: "checks \(done)/\(ls.lesson.checks.count)", style: LabTheme.title), in: layout.title)
    if let tabs = layout.tabs { drawTabs(ls, in: tabs, buffer: &buffer) }
    if let r = layout.prose { drawProse(ls, in: r, buffer: &buffer) }
    if let r = layout.knobs { drawKnobs(ls, in: r, buffer: &buffer) }
    if let r = layout.checks { drawChecks(ls, completed: state.completed[ls.lesson.id] ?? [], in: r, buffer: &buffer) }
    drawDashboard(ls, in: layout.dashboard, buffer: &buffer)
    if let m = ls.message {
        buffer.write(" " + m.text, in: layout.message, alignment: .left, style: m.isError ? LabTheme.error : LabTheme.dim)
    }
    drawHints(lessonHints(ls), in: layout.hints, buffer: &buffer)
}

/// The hints for what the keys do right now.
func lessonHints(_ ls: LessonState) -> [KeyHint] {
    if ls.editor != nil {
        return [KeyHint("Enter", "apply"), KeyHint("Esc", "cancel"), KeyHint("←→", "move"), KeyHint("⌫", "delete")]
    }
    var hints: [KeyHint] = []
    if ls.run.divergence != nil || ls.companion?.divergence != nil { hints += [KeyHint("b", "roll back"), KeyHint("L", "lower lr")] }
    hints.append(KeyHint("Space", ls.run.isRunning ? "pause" : "train"))
    hints.append(KeyHint(".", "step"))
    switch ls.focus {
    case .prose: hints.append(KeyHint("PgDn", "page"))
    case .knobs: hints += [KeyHint("←→", "change"), KeyHint("Enter", "type")]
    case .checks: hints.append(KeyHint("v", ls.verification == nil ? "verify" : "cancel"))  // ↑↓ is in the help
    }
    hints += [KeyHint("Tab", "focus"), KeyHint("r", "reset"), KeyHint("?", "help"), KeyHint("q", "back")]
    return hints
}

/// "Lesson │ Knobs │ Checks" with the focused one highlighted.
func drawTabs(_ ls: LessonState, in area: Rect, buffer: inout Buffer) {
    let names: [(LessonFocus, String)] = [(.prose, "Lesson"), (.knobs, "Knobs"), (.checks, "Checks")]
    var x = area.x + 1
    for (focus, name) in names {
        let style = focus == ls.focus ? LabTheme.focusedBorder.adding(.reverse) : LabTheme.dim
        x += buffer.write(" \(name) ", x: x, y: area.y, style: style, maxWidth: area.maxX - x)
        x += 1
    }
}

/// The current prose page, framed, with "page n/m" in the frame.
func drawProse(_ ls: LessonState, in area: Rect, buffer: inout Buffer) {
    let pages = ls.lesson.pages
    let footer = pages.count > 1 ? "page \(ls.page + 1)/\(pages.count)" : nil
    buffer.render(LabTheme.panel("Lesson", footer: footer, focused: ls.focus == .prose), in: area)
    guard pages.indices.contains(ls.page) else { return }
    // The text keeps off the right border; the scroll bar, when needed, is drawn on it.
    let text = area.inset(top: 1, left: 2, bottom: 1, right: 0)
    let lines = Markdown.layout(pages[ls.page], width: max(1, text.width - 1))
    buffer.render(TextView(lines: lines, scroll: ls.scroll), in: text)
}
