import LabText
import RNNLab
import TerminalUI

/// How a check stands for the learner.
enum CheckMark {
    /// Met in this run.
    case metNow
    /// Met in an earlier session.
    case metBefore
    /// Could still be met by this run.
    case open
    /// This run's settings differ from the check's.
    case otherSettings
    /// Judged on this run, and not met.
    case failedNow

    var symbol: String {
        switch self {
        case .metNow, .metBefore: return "✓"
        case .open: return "○"
        case .otherSettings: return "·"
        case .failedNow: return "✗"
        }
    }

    var style: Style {
        switch self {
        case .metNow: return LabTheme.good
        case .metBefore: return LabTheme.goodDim
        case .open: return .plain
        case .otherSettings: return LabTheme.dim
        case .failedNow: return LabTheme.error
        }
    }
}

/// The mark of `check` for this run and the saved progress.
func checkMark(_ check: LessonCheck, _ ls: LessonState, completed: Set<String>) -> CheckMark {
    if ls.run.passedChecks.contains(check.id) || ls.verdicts[check.id]?.passed == true { return .metNow }
    if completed.contains(check.id) { return .metBefore }
    if ls.run.failedChecks.contains(check.id) { return .failedNow }
    return ls.run.eligibleChecks.contains(check.id) || !ls.run.isReady ? .open : .otherSettings
}

/// What a check asks: "hidden=1 · 400 steps · accuracy < 0.6 at the end".
/// Each part is a whole message; only the list is joined here.
func checkRequirement(_ check: LessonCheck, lesson: String, language t: Language) -> String {
    func settings(_ values: [String: SettingValue]) -> [String] {
        values.sorted { $0.key < $1.key }.map { t(.checks(.setting), ["name": .text($0.key), "value": .text($0.value.description)]) }
    }
    let comma = t(.common(.listSeparator))
    var parts = settings(check.set)
    if let task = check.task { parts.insert(t(.checks(.setting), ["name": .text("task"), "value": .text(task)]), at: 0) }
    if check.seeds.count > 1 {
        parts.append(t(.checks(.seeds), ["seeds": .text(check.seeds.map(String.init).joined(separator: comma))]))
    }
    if let versus = check.versus {
        parts.append(t(.checks(.versus), ["settings": .text(settings(versus).joined(separator: comma))]))
    }
    parts.append(t(.checks(.steps), ["steps": .integer(check.steps)]))
    if let until = check.until { parts.append(t(.checks(.until), ["condition": .text(until.description)])) }
    let atEnd = check.when == .end && check.until == nil
    parts.append(t(.checks(atEnd ? .conditionAtEnd : .condition), ["condition": .text(check.expect.description)]))
    if check.isMultiRun { parts.append(t(.checks(.multiRun), ["lesson": .text(lesson), "check": .text(check.id)])) }
    return parts.joined(separator: t(.common(.partSeparator)))
}

/// The checks list: a mark and the title of each, then the selected check's
/// requirement and hint — and, when the list had to cut its title, the whole
/// title first (a check's title is its claim; most are 100–210 columns).
func drawChecks(_ ls: LessonState, completed: Set<String>, language t: Language, in area: Rect, buffer: inout Buffer,
                state: AppState? = nil) {
    let focused = ls.focus == .checks
    let checks = ls.lesson.checks
    let met = checks.filter { ls.run.passedChecks.contains($0.id) || completed.contains($0.id) }.count
    let footer = t(.checks(.footer), ["met": .integer(met), "total": .integer(checks.count)])
    buffer.render(LabTheme.panel(t(.checks(.panel)), footer: footer, focused: focused), in: area)
    let inner = area.inset(top: 1, left: 1, bottom: 1, right: 1)
    guard !inner.isEmpty, !checks.isEmpty else { return }
    // Without Unicode a met check is `[x]`, wider than ✓: every title moves along.
    let titleX = buffer.capabilities.unicode ? 3 : 5
    let (first, listHeight) = visibleList(count: checks.count, selected: ls.selectedCheck, rows: inner.height - checkDetailRows)
    for (row, i) in (first..<min(checks.count, first + listHeight)).enumerated() {
        let check = checks[i]
        let mark = checkMark(check, ls, completed: completed)
        let line = inner.row(row)
        let selected = focused && i == ls.selectedCheck
        if selected { buffer.fill(line, style: LabTheme.selected) }
        buffer.write(mark.symbol, x: line.x + 1, y: line.y, style: selected ? LabTheme.selected : mark.style)
        buffer.write(check.title, in: Rect(x: line.x + titleX, y: line.y, width: line.width - titleX, height: 1), alignment: .left,
                     style: selected ? LabTheme.selected : (mark == .otherSettings ? LabTheme.dim : .plain))
    }
    guard checks.indices.contains(ls.selectedCheck) else { return }
    let check = checks[ls.selectedCheck]
    // The background verification first, so a short panel still shows it.
    var lines: [(String, Style)] = []
    if let v = ls.verification, v.check == check.id {
        let text = t(.checks(.verifying), ["steps": .integer(v.steps), "budget": .integer(v.budget)])
        lines += wrap(text, width: inner.width - 1).map { ($0, LabTheme.warning) }
    } else if let verdict = ls.verdicts[check.id] {
        let text = t(.checks(verdict.passed ? .verified : .notVerified), ["detail": .phrase(verdict.detail)])
        lines += wrap(text, width: inner.width - 1).map { ($0, verdict.passed ? LabTheme.goodDim : LabTheme.error) }
    }
    if check.title.displayWidth > inner.width - titleX {
        lines += wrap(check.title, width: inner.width - 1).map { ($0, Style.plain) }
    }
    if let state { lines += predictionLines(check, ls, state: state, width: inner.width - 1) }
    if let progress = checkProgress(check, ls, mark: checkMark(check, ls, completed: completed)) {
        lines += wrap(t.render(progress), width: inner.width - 1).map { ($0, LabTheme.warning) }
    }
    lines += wrap(checkRequirement(check, lesson: ls.lesson.id, language: t), width: inner.width - 1).map { ($0, LabTheme.bold) }
    lines += wrap(check.hint, width: inner.width - 1).map { ($0, LabTheme.dim) }
    var y = inner.y + listHeight
    for (text, style) in lines where y < inner.maxY {
        buffer.write(text, x: inner.x + 1, y: y, style: style, maxWidth: inner.width - 1)
        y += 1
    }
}
