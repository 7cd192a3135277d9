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
func checkRequirement(_ check: LessonCheck, lesson: String) -> String {
    var parts = check.set.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    if check.seeds.count > 1 { parts.append("seeds " + check.seeds.map(String.init).joined(separator: ", ")) }
    if let versus = check.versus {
        parts.append("versus " + versus.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
    }
    parts.append("\(check.steps) steps")
    if let until = check.until { parts.append("until \(until)") }
    parts.append(check.expect.description + (check.when == .end && check.until == nil ? " at the end" : ""))
    if check.isMultiRun { parts.append("judged over several runs: press v, or run rnnlab verify \(lesson)/\(check.id)") }
    return parts.joined(separator: " · ")
}

/// The checks list: a mark and the title of each, then the selected check's
/// requirement and hint.
func drawChecks(_ ls: LessonState, completed: Set<String>, in area: Rect, buffer: inout Buffer) {
    let focused = ls.focus == .checks
    let checks = ls.lesson.checks
    let met = checks.filter { ls.run.passedChecks.contains($0.id) || completed.contains($0.id) }.count
    buffer.render(LabTheme.panel("Checks", footer: "\(met)/\(checks.count)", focused: focused), in: area)
    let inner = area.inset(top: 1, left: 1, bottom: 1, right: 1)
    guard !inner.isEmpty, !checks.isEmpty else { return }
    let listHeight = max(1, min(checks.count, inner.height - 2))
    let first = max(0, min(ls.selectedCheck - listHeight + 1, checks.count - listHeight))
    for (row, i) in (first..<min(checks.count, first + listHeight)).enumerated() {
        let check = checks[i]
        let mark = checkMark(check, ls, completed: completed)
        let line = inner.row(row)
        let selected = focused && i == ls.selectedCheck
        if selected { buffer.fill(line, style: LabTheme.selected) }
        buffer.write(mark.symbol, x: line.x + 1, y: line.y, style: selected ? LabTheme.selected : mark.style)
        buffer.write(check.title, in: Rect(x: line.x + 3, y: line.y, width: line.width - 3, height: 1), alignment: .left,
                     style: selected ? LabTheme.selected : (mark == .otherSettings ? LabTheme.dim : .plain))
    }
    guard checks.indices.contains(ls.selectedCheck) else { return }
    let check = checks[ls.selectedCheck]
    // The background verification first, so a short panel still shows it.
    var lines: [(String, Style)] = []
    if let v = ls.verification, v.check == check.id {
        lines += wrap("verifying… \(v.steps) of at most \(v.budget) steps · v cancels", width: inner.width - 1).map { ($0, LabTheme.warning) }
    } else if let verdict = ls.verdicts[check.id] {
        let text = (verdict.passed ? "✓ verified: " : "✗ not verified: ") + verdict.detail
        lines += wrap(text, width: inner.width - 1).map { ($0, verdict.passed ? LabTheme.goodDim : LabTheme.error) }
    }
    lines += wrap(checkRequirement(check, lesson: ls.lesson.id), width: inner.width - 1).map { ($0, LabTheme.bold) }
    lines += wrap(check.hint, width: inner.width - 1).map { ($0, LabTheme.dim) }
    var y = inner.y + listHeight
    for (text, style) in lines where y < inner.maxY {
        buffer.write(text, x: inner.x + 1, y: y, style: style, maxWidth: inner.width - 1)
        y += 1
    }
}
