import LabText
import RNNLab
import TerminalUI

/// The home screen: lessons by chapter with their checks done / total.
func drawHome(_ state: AppState, in area: Rect, buffer: inout Buffer) {
    let t = state.language
    let total = state.lessons.reduce(0) { $0 + $1.checks.count }
    let done = state.lessons.reduce(0) { $0 + state.doneCount($1) }
    let summaryLine = t(.home(.summary), ["lessons": .integer(state.lessons.count), "done": .integer(done), "total": .integer(total)])
    buffer.render(StatusBar(left: t(.home(.title)), right: summaryLine, style: LabTheme.title), in: area.row(0))
    drawHints([hint(.move, .hintChoose, t), hint(.open, .hintOpen, t), hint(.help, .hintHelp, t), hint(.back, .hintQuit, t)],
              in: area, buffer: &buffer)
    var body = area.inset(top: 2, left: 2, bottom: 2, right: 2)
    if state.firstStart {
        for line in wrap(t(.home(.welcome)), width: body.width).prefix(3) {
            buffer.write(line, x: body.x, y: body.y, style: LabTheme.good)
            body = body.inset(top: 1)
        }
        body = body.inset(top: 1)
    }
    for note in (state.notices.map(t.render) + problemLines(state)).prefix(3) {
        buffer.write(note, in: body.row(0), alignment: .left, style: LabTheme.warning)
        body = body.inset(top: 1)
    }
    let order = state.homeOrder
    guard !order.isEmpty else {
        buffer.write(t(.home(.noLessons)), x: body.x, y: body.y, style: LabTheme.error)
        return
    }
    // Summary of the selected lesson at the bottom.
    let selected = state.lessons[order[min(state.homeSelection, order.count - 1)]]
    let summary = wrap(selected.summary, width: body.width - 4, maxLines: 4)
    let parts = homeParts(state, body: body)
    drawLessonList(state, order: order, in: parts[0], buffer: &buffer)
    let box = parts[1]
    buffer.render(LabTheme.panel(selected.title, focused: false), in: box)
    for (i, line) in summary.prefix(4).enumerated() {
        buffer.write(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
    }
}

/// The lesson list and the summary box below it, in the body of the home screen
/// (what is left under the welcome and the notices).
func homeParts(_ state: AppState, body: Rect) -> [Rect] {
    let order = state.homeOrder
    let selected = state.lessons[order[min(state.homeSelection, order.count - 1)]]
    let summary = wrap(selected.summary, width: body.width - 4, maxLines: 4)
    return body.split(.down, [.min(3), .fixed(min(summary.count, 4) + 2)], spacing: 1)
}

/// The rectangle of the lesson list on a home screen of `area`, as ``drawHome(_:in:buffer:)`` lays it out.
func homeListArea(_ state: AppState, in area: Rect) -> Rect? {
    guard !state.homeOrder.isEmpty else { return nil }
    var body = area.inset(top: 2, left: 2, bottom: 2, right: 2)
    if state.firstStart { body = body.inset(top: wrap(state.language(.home(.welcome)), width: body.width).prefix(3).count + 1) }
    body = body.inset(top: min(3, state.notices.count + problemLines(state).count))
    return homeParts(state, body: body)[0]
}

/// "⚠ 2 lesson files did not load (rnnlab lint says why): …".
func problemLines(_ state: AppState) -> [String] {
    guard !state.problems.isEmpty else { return [] }
    let t = state.language
    let files = state.problems.map(t.render).joined(separator: t(.common(.problemSeparator)))
    return [t(.home(.problems), ["count": .integer(state.problems.count), "files": .text(files)])]
}

/// Chapter headings and one row per lesson, scrolled to keep the selection visible.
func drawLessonList(_ state: AppState, order: [Int], in area: Rect, buffer: inout Buffer) {
    var rows: [(text: String, right: String, style: Style, lessonRow: Int?)] = []
    var chapter: String?
    for (row, index) in order.enumerated() {
        let lesson = state.lessons[index]
        if lesson.chapter != chapter {
            if chapter != nil { rows.append(("", "", .plain, nil)) }
            chapter = lesson.chapter
            rows.append((lesson.chapter, "", LabTheme.chapter, nil))
        }
        let done = state.doneCount(lesson)
        let allMet = !lesson.checks.isEmpty && done == lesson.checks.count
        let count = state.language(.home(allMet ? .lessonChecksAll : .lessonChecks),
                                   ["done": .integer(done), "total": .integer(lesson.checks.count)])
        rows.append(("  " + lesson.title, count,
                     row == state.homeSelection ? LabTheme.selected : .plain, row))
    }
    let first = firstListRow(rows.map(\.lessonRow), selection: state.homeSelection, height: area.height)
    for (i, row) in rows.dropFirst(max(0, first)).prefix(area.height).enumerated() {
        let line = area.row(i)
        if row.lessonRow != nil { buffer.fill(line, style: row.style) }
        let rightW = row.right.displayWidth
        buffer.write(row.text, in: Rect(x: line.x, y: line.y, width: line.width - rightW - 2, height: 1),
                     alignment: .left, style: row.style)
        buffer.write(row.right, in: line, alignment: .right, style: row.style)
    }
}

/// The first of the list's `lines` (each a lesson's row in ``AppState/homeOrder``,
/// or nil for a heading or a gap) shown in `height` rows, so the selection is in view.
func firstListRow(_ lines: [Int?], selection: Int, height: Int) -> Int {
    let selectedLine = lines.firstIndex { $0 == selection } ?? 0
    return max(0, min(selectedLine - height + 1 + (height > 4 ? 1 : 0), lines.count - height))
}

/// For each screen row of the list in `area`, the lesson row it shows (nil: a heading or a gap).
func lessonListLines(_ state: AppState, in area: Rect) -> [(y: Int, lessonRow: Int?)] {
    var lines: [Int?] = []
    var chapter: String?
    for (row, index) in state.homeOrder.enumerated() {
        let lesson = state.lessons[index]
        if lesson.chapter != chapter {
            if chapter != nil { lines.append(nil) }
            chapter = lesson.chapter
            lines.append(nil)
        }
        lines.append(row)
    }
    let first = firstListRow(lines, selection: state.homeSelection, height: area.height)
    return lines.dropFirst(first).prefix(area.height).enumerated().map { (area.y + $0.offset, $0.element) }
}
