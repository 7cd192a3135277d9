import LabText
import RNNLab
import TerminalUI

/// The lesson screen's two one-row texts: the title bar and the message line.

/// The lesson's title bar text, the longest form that fits `width` columns
/// beside `right` (the checks count, which ``StatusBar`` keeps whole):
/// "RNN Lab › chapter › title", then without "RNN Lab", then the title
/// alone, which the bar cuts with "…" if even that is too long. A long title
/// ("Forecasting: a baseline first, then recurrent dropout") keeps its end.
func lessonTitleBar(_ lesson: Lesson, beside right: String, width: Int, language t: Language) -> String {
    let arguments: [String: TextArgument] = ["chapter": .text(lesson.chapter), "title": .text(lesson.title)]
    let forms = [t(.lesson(.titleBar), arguments), t(.lesson(.titleBarShort), arguments), lesson.title]
    // The bar writes " " before the left part and " " after the right one, one column apart.
    let room = width - right.displayWidth - 3
    return forms.first { $0.displayWidth <= room } ?? forms.last!
}

/// A message for the one-row message line, `width` columns: whole when it
/// fits, else cut at the last word (or between CJK characters) that leaves
/// room for "…", so "✓ A tanh RNN with 32 units learns to echo…" never ends
/// in half a word.
func messageLine(_ text: String, width: Int) -> String {
    guard width > 1, text.displayWidth > width else { return text }
    let first = wrap(text, width: width - 1, maxLines: 1).first ?? ""
    return (first.isEmpty ? text.truncated(toDisplayWidth: width - 1, ellipsis: false) : first) + "…"
}
