import LabText
import RNNLab
import TerminalUI

/// Where the parts of the lesson screen go for a terminal size. Shared by
/// the view and by `update` (which needs the prose width to clamp scrolling).
struct LessonLayout: Equatable {
    var title: Rect
    var message: Rect
    var hints: Rect
    /// Prose, knobs and checks; `nil` when that part is hidden (tabbed layout).
    var prose: Rect?
    var knobs: Rect?
    var checks: Rect?
    /// A row of tabs naming the left parts, in the tabbed layout.
    var tabs: Rect?
    var dashboard: Rect

    /// Side by side from 80 columns, stacked below. The left column shows
    /// prose, knobs and checks together when there are at least 34 rows for
    /// them, otherwise one at a time behind a row of tabs (Tab switches).
    ///
    /// In presentation mode (`presenting`) the dashboard takes the whole body,
    /// every column and every row between the title and the message line.
    init(width: Int, height: Int, lesson: Lesson, focus: LessonFocus, presenting: Bool = false) {
        let area = Rect(width: width, height: height)
        title = area.row(0)
        hints = area.row(height - 1)
        message = area.row(height - 2)
        let body = area.inset(top: 1, bottom: 2)
        if presenting {
            dashboard = body
            (prose, knobs, checks, tabs) = (nil, nil, nil, nil)
            return
        }
        let left: Rect
        if width >= 80 {
            let leftWidth = max(30, min(width * 2 / 5, 64))
            let parts = body.split(.across, [.fixed(leftWidth), .min(1)])
            (left, dashboard) = (parts[0], parts[1])
        } else {
            let parts = body.split(.down, [.percentage(45), .min(1)])
            (left, dashboard) = (parts[0], parts[1])
        }
        let knobRows = LessonLayout.knobPanelHeight(lesson)
        let checkRows = LessonLayout.checkPanelHeight(lesson)
        if left.height >= knobRows + checkRows + 12 {
            let parts = left.split(.down, [.min(10), .fixed(knobRows), .fixed(checkRows)])
            (prose, knobs, checks) = (parts[0], parts[1], parts[2])
            tabs = nil
        } else {
            tabs = left.row(0)
            let rest = left.inset(top: 1)
            prose = focus == .prose ? rest : nil
            knobs = focus == .knobs ? rest : nil
            checks = focus == .checks ? rest : nil
        }
    }

    /// Rows of the knob panel: frame, one row per knob, a rule and four detail rows.
    static func knobPanelHeight(_ lesson: Lesson) -> Int { lesson.knobs.count + 2 + 5 }
    /// Rows of the checks panel: frame, one row per check and three hint rows.
    static func checkPanelHeight(_ lesson: Lesson) -> Int { lesson.checks.count + 2 + 4 }

    /// The Markdown area inside the prose frame.
    var proseText: Rect? { prose.map { $0.inset(top: 1, left: 2, bottom: 1, right: 0) } }
}

extension LessonState {
    /// The largest useful prose scroll for a terminal of this size.
    func maxProseScroll(width: Int, height: Int, language: Language = .english) -> Int {
        let layout = LessonLayout(width: width, height: height, lesson: lesson, focus: .prose)
        guard let text = layout.proseText, lesson.pages.indices.contains(page) else { return 0 }
        let lines = proseLines(lesson, page: page, width: max(1, text.width - 1), language: language)
        return TextView.maxScroll(lineCount: lines.count, height: text.height)
    }
}
