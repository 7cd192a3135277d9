import LabText
import RNNLab
import TerminalUI

/// The dashboard's panels with their rectangles for a terminal of this size,
/// as ``drawDashboard(_:language:in:buffer:)`` places them.
func placedPanels(_ ls: LessonState, width: Int, height: Int, language: Language) -> [(any DashboardPanel, Rect)] {
    guard ls.run.isReady, ls.run.failure == nil else { return [] }
    let area = LessonLayout(width: width, height: height, lesson: ls.lesson, focus: ls.focus).dashboard
    return DashboardLayout.place(PanelRegistry.panels(of: ls.lesson), PanelContext(ls, language: language), in: area.inset(top: 1, left: 1))
        .filter { !$0.1.isEmpty }
}

/// The panels the cursor can read now, in the dashboard's order.
func inspectables(_ ls: LessonState, width: Int, height: Int, language: Language) -> [(PanelKind, Inspection)] {
    let context = PanelContext(ls, language: language)
    return placedPanels(ls, width: width, height: height, language: language).compactMap { panel, rect in
        panel.inspection(context, in: rect).map { (panel.id, $0) }
    }
}

/// What the cursor reads, for the message line; nil when it reads nothing.
func inspectReadout(_ ls: LessonState, width: Int, height: Int, language: Language) -> String? {
    guard let cursor = ls.inspect,
          let inspection = inspectables(ls, width: width, height: height, language: language).first(where: { $0.0 == cursor.panel })?.1
    else { return nil }
    let (row, column) = inspection.clamp(cursor.row, cursor.column)
    return inspection.readout(row, column)
}

/// `i`: the inspect cursor on the first panel it can read, or off again.
func toggleInspect(_ state: AppState, _ ls: inout LessonState) {
    if ls.inspect != nil {
        ls.inspect = nil
        return
    }
    guard let (kind, inspection) = inspectables(ls, width: state.width, height: state.height, language: state.language).first else {
        ls.message = StatusMessage(.explore(.inspectNothing))
        return
    }
    ls.inspect = InspectCursor(panel: kind, row: inspection.start.row, column: inspection.start.column)
    ls.message = nil
}

/// Keys while the cursor is on: arrows (and h j k l) move it, Home/End go to
/// the first/last column, PgUp/PgDn ten columns, Tab to the next panel it can
/// read; `i`, Esc and q put it away. Other keys act as usual (nil: not taken).
func inspectKey(_ state: AppState, _ ls: inout LessonState, _ key: AppKey) -> [AppEffect]? {
    guard var cursor = ls.inspect else { return nil }
    let panels = inspectables(ls, width: state.width, height: state.height, language: state.language)
    guard let index = panels.firstIndex(where: { $0.0 == cursor.panel }) else {
        ls.inspect = nil  // the panel has gone (a resize, a rebuild): the keys are the usual ones again
        return nil
    }
    let inspection = panels[index].1
    (cursor.row, cursor.column) = inspection.clamp(cursor.row, cursor.column)
    switch key {
    case .character("i"), .escape, .character("q"):
        ls.inspect = nil
        return []
    case .left, .character("h"): cursor.column -= 1
    case .right, .character("l"): cursor.column += 1
    case .up, .character("k"): cursor.row -= 1
    case .down, .character("j"): cursor.row += 1
    case .pageUp: cursor.column -= 10
    case .pageDown: cursor.column += 10
    case .home: cursor.column = 0
    case .end: cursor.column = inspection.columns - 1
    case .tab, .backTab:
        let next = panels[(index + (key == .tab ? 1 : panels.count - 1)) % panels.count]
        ls.inspect = InspectCursor(panel: next.0, row: next.1.start.row, column: next.1.start.column)
        return []
    default:
        return nil
    }
    (cursor.row, cursor.column) = inspection.clamp(cursor.row, cursor.column)
    ls.inspect = cursor
    return []
}
