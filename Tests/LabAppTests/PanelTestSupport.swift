@testable import LabApp
@testable import RNNLab
import TerminalUI

/// Sizes the property tests draw at, from nothing to a large terminal.
let panelSizes = [(0, 0), (1, 1), (2, 1), (1, 3), (5, 2), (9, 4), (14, 3), (20, 6), (33, 9), (48, 12), (80, 24), (131, 41)]

/// Draws `panel` without a clip into a `width`×`height` rectangle at (3, 2) of a
/// buffer 7 columns and 5 rows larger, so stray cells would land in the margin.
func drawInMargin(_ panel: any DashboardPanel, _ context: PanelContext, width: Int, height: Int,
                  capabilities: Capabilities = .full) -> (buffer: Buffer, rect: Rect) {
    let rect = Rect(x: 3, y: 2, width: width, height: height)
    var buffer = Buffer(width: width + 7, height: height + 5, capabilities: capabilities)
    panel.draw(context, in: rect, buffer: &buffer)
    return (buffer, rect)
}

/// The cells outside `rect` that are not blank, as "(x,y)'c'".
func strayCells(_ buffer: Buffer, outside rect: Rect) -> [String] {
    var out: [String] = []
    for y in 0..<buffer.height {
        for x in 0..<buffer.width where !rect.contains(x: x, y: y) && buffer[x, y] != .blank {
            out.append("(\(x),\(y))'\(buffer[x, y].symbol)'")
        }
    }
    return out
}

/// Whether any cell inside `rect` shows something.
func drawsInside(_ buffer: Buffer, _ rect: Rect) -> Bool {
    (rect.minY..<rect.maxY).contains { y in (rect.minX..<rect.maxX).contains { x in buffer[x, y].symbol != " " } }
}

/// `buffer`'s `rect` as text, one line per row.
func text(of buffer: Buffer, in rect: Rect) -> String {
    (rect.minY..<rect.maxY).map { y in String((rect.minX..<rect.maxX).map { buffer[$0, y].symbol }) }.joined(separator: "\n")
}

/// The open lesson of `state` as panels see it.
func panelContext(_ state: AppState) -> PanelContext { PanelContext(state.lesson!, language: state.language) }

/// States every panel is drawn in by the property tests: a lesson just opened
/// (nothing built yet), the trained fixture, the clipped run with RTRL's
/// numbers, the attention lesson, the lesson with a compare run, and a lesson
/// whose evaluations carry a confusion matrix and a forecast and whose
/// five-seed check has a verdict.
func panelContexts() -> [(name: String, context: PanelContext)] {
    var opened = fixtureState()
    send(&opened, keys(.enter))
    return [
        ("opened", panelContext(opened)),
        ("trained", panelContext(trainedState())),
        ("clipped", panelContext(clippedState(panels: "[loss, rtrl, gradient_history, metric]"))),
        ("attention", panelContext(attentionState())),
        ("compare", panelContext(compareState())),
        ("practice", panelContext(practiceState(panels: "[loss, forecast, loss_gap, confusion, seed_dots, compare]"))),
    ]
}

/// The panel registered under `id`.
func registered(_ id: PanelKind) -> any DashboardPanel { PanelRegistry.panel(id)! }
