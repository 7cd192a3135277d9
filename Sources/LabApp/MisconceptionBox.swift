import LabText
import RNNLab
import TerminalUI

/// The lines of a prose page: its Markdown, and after the first page's text
/// the lesson's "common misconception" box (see ``misconceptionBox``).
func proseLines(_ lesson: Lesson, page: Int, width: Int, language t: Language) -> [StyledLine] {
    guard lesson.pages.indices.contains(page) else { return [] }
    var lines = Markdown.layout(lesson.pages[page], width: width)
    if page == 0, let box = misconceptionBox(lesson, width: width, language: t) { lines += [StyledLine()] + box }
    return lines
}

/// A framed box: its title in the top border, the wrong claim (✗), what is
/// true instead (✓), and the check that refutes it, each wrapped inside the frame.
func misconceptionBox(_ lesson: Lesson, width: Int, language t: Language) -> [StyledLine]? {
    guard let m = lesson.misconception, width >= 12 else { return nil }
    let inner = width - 4
    let title = " " + t(.teach(.misconceptionTitle)) + " "
    let top = "┌─" + title + String(repeating: "─", count: max(0, width - 3 - title.displayWidth)) + "┐"
    var body: [(String, Style)] = []
    body += wrap(t(.teach(.misconceptionClaim), ["claim": .text(m.claim)]), width: inner).map { ($0, LabTheme.error) }
    body += wrap(t(.teach(.misconceptionTruth), ["truth": .text(m.truth)]), width: inner).map { ($0, LabTheme.goodDim) }
    if let id = m.check, let check = lesson.checks.first(where: { $0.id == id }) {
        body += wrap(t(.teach(.misconceptionCheck), ["check": .text(check.title)]), width: inner).map { ($0, LabTheme.dim) }
    }
    let frame = LabTheme.warning
    var lines = [StyledLine(top, style: frame)]
    for (text, style) in body {
        let pad = String(repeating: " ", count: max(0, inner - text.displayWidth))
        lines.append(StyledLine([Span("│ ", style: frame), Span(text, style: style), Span(pad + " │", style: frame)]))
    }
    lines.append(StyledLine("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", style: frame))
    return lines
}
