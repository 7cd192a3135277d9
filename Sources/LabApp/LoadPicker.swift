import Foundation
import LabText
import RNNLab
import TerminalUI

/// The picker `O` opens: the lesson's checkpoints in the state folder's `runs/`,
/// newest first, one selected. Enter loads it into the open lesson; Esc cancels.
public struct LoadPicker: Sendable, Equatable {
    /// Full paths, newest first.
    public var files: [String]
    public var selected = 0

    public init(files: [String], selected: Int = 0) {
        self.files = files
        self.selected = selected
    }
}

/// The run loop's answer to `.listSavedRuns`: opens the picker, or says there is nothing to load.
func openLoadPicker(_ state: inout AppState, lesson: String, files: [String]) {
    guard var ls = state.lesson, ls.lesson.id == lesson else { return }  // the lesson was left meanwhile
    if files.isEmpty {
        ls.message = StatusMessage(.export(.noSavedRuns), ["lesson": .text(lesson)])
    } else {
        ls.loadPicker = LoadPicker(files: files)
        ls.message = nil
    }
    state.lesson = ls
}

/// Keys while the picker is open: ↑↓ (k j) choose, Enter loads, Esc or q cancels.
func loadPickerKey(_ ls: inout LessonState, _ key: AppKey) -> [AppEffect] {
    guard var picker = ls.loadPicker else { return [] }
    switch key {
    case .escape, .character("q"):
        ls.loadPicker = nil
        return []
    case .up, .character("k"):
        picker.selected = max(0, picker.selected - 1)
    case .down, .character("j"):
        picker.selected = min(picker.files.count - 1, picker.selected + 1)
    case .home:
        picker.selected = 0
    case .end:
        picker.selected = picker.files.count - 1
    case .enter:
        ls.loadPicker = nil
        let path = picker.files[picker.selected]
        ls.message = StatusMessage(.export(.loading), ["file": .text(URL(fileURLWithPath: path).lastPathComponent)])
        ls.pending.running = false
        return [.send(.load(path: path))]  // the lesson's own run; a compare run keeps its own
    default:
        break
    }
    ls.loadPicker = picker
    return []
}

/// The picker as a box over the lesson: a file a line, the selected one reversed.
func drawLoadPicker(_ picker: LoadPicker, language t: Language, in area: Rect, buffer: inout Buffer) {
    let names = picker.files.map { URL(fileURLWithPath: $0).lastPathComponent }
    let width = min(area.width - 2, max(40, (names.map(\.count).max() ?? 0) + 8))
    let rows = min(names.count, max(1, area.height - 6))
    let modal = Modal(width: width, height: rows + 2, title: t(.export(.loadTitle)))
    buffer.render(modal, in: area)
    let inner = modal.contentArea(in: area)
    // Keep the selected file in view when there are more than fit.
    let first = min(max(0, picker.selected - rows + 1), max(0, names.count - rows))
    for (row, i) in (first..<min(names.count, first + rows)).enumerated() where row < inner.height {
        let style = i == picker.selected ? LabTheme.bold.adding(.reverse) : LabTheme.dim
        buffer.write(names[i], x: inner.x, y: inner.y + row, style: style, maxWidth: inner.width)
    }
}
