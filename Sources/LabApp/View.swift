import LabText
import TerminalUI

/// Draws the whole screen for `state` into `buffer` (which the caller sized
/// to the terminal). Pure: the same state always gives the same frame.
public func view(_ state: AppState, into buffer: inout Buffer) {
    buffer.reset()
    let area = buffer.bounds
    if state.isTooSmall {
        drawTooSmall(state, in: area, buffer: &buffer)
        return
    }
    switch state.screen {
    case .home: drawHome(state, in: area, buffer: &buffer)
    case .lesson:
        if let ls = state.lesson { drawLesson(ls, state: state, in: area, buffer: &buffer) }
    }
    if state.showHelp { drawHelp(state, in: area, buffer: &buffer) }
}

/// The message shown instead of the lab when the terminal is too small.
func drawTooSmall(_ state: AppState, in area: Rect, buffer: inout Buffer) {
    let t = state.language
    let size: [String: TextArgument] = ["width": .integer(state.width), "height": .integer(state.height),
                                        "minWidth": .integer(AppState.minimumWidth), "minHeight": .integer(AppState.minimumHeight)]
    let lines = [t(.common(.tooSmallTitle)), t(.common(.tooSmallSize), size), t(.common(.tooSmallAction))]
    let top = area.y + max(0, (area.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        buffer.write(line, in: Rect(x: area.x, y: top + i, width: area.width, height: 1), alignment: .center,
                     style: i == 0 ? LabTheme.bold : .plain)
    }
}

/// A key-hint bar on the last row of `area`.
func drawHints(_ hints: [KeyHint], in area: Rect, buffer: inout Buffer) {
    guard area.height > 0 else { return }
    buffer.render(KeyHintBar(hints: hints, keyStyle: LabTheme.hints), in: area.row(area.height - 1))
}

/// Wraps plain `text` to `width` columns by display width, with TerminalUI's
/// one wrapper: at spaces and around wide (CJK) characters, never inside one,
/// and no line starts with closing punctuation; a word longer than a line is
/// cut. At most `maxLines` lines; cached, so a long summary is not wrapped every frame.
func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
    TextWrap.plainLines(text, width: width, maxLines: maxLines)
}
