import Foundation
@testable import LabApp
import LabText
import RNNLab
import Testing

/// Knobs that do nothing with the others as they are say so (review A21), and
/// the short knob panel of the stacked layout lists several knobs (A20).
@Suite struct IdleKnobTests {
    static let library = LessonLibrary.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons"))

    /// The shipped lesson `id` open at `width`×`height`, its trainer ready.
    func opened(_ id: String, width: Int = 100, height: Int = 30) throws -> AppState {
        let lesson = try #require(Self.library.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], width: width, height: height)
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(lesson))])
        return state
    }

    /// Focuses the knob panel (Tab from the prose) and selects the knob `name`.
    func select(_ name: String, _ state: inout AppState) {
        if state.lesson?.focus != .knobs { send(&state, keys(.tab)) }
        #expect(state.lesson?.focus == .knobs)
        guard let index = state.lesson?.lesson.knobs.firstIndex(where: { $0.name == name }) else {
            Issue.record("no knob \(name)"); return
        }
        state.lesson?.selectedKnob = index
    }

    @Test func goBackwardsBesideBidirectionalSaysItIsIdle() throws {
        var state = try opened("encoder-decoder")
        select("go_backwards", &state)
        let effects = send(&state, keys(.right))
        #expect(effects.map(\.summary).first == "send set go_backwards=1")  // accepted: it acts again with bidirectional 0
        #expect(state.lesson?.message?.text(in: .english)
            == "go_backwards 0 → 1; go_backwards has no effect with bidirectional 1 (its second direction already reads right to left)")
        #expect(screenText(state).contains("go_backwards has no effect"), "\(screenText(state))")
        // With bidirectional 0 it acts: no note.
        select("bidirectional", &state)
        send(&state, keys(.left))
        #expect(state.lesson?.message?.text(in: .english) == "bidirectional 1 → 0 (rebuilds the model)")
        #expect(state.lesson.map { ls in ls.lesson.knobs.first { $0.name == "go_backwards" }.flatMap(ls.idleReason(of:)) } == .some(nil))
    }

    /// Lesson 7 compares with a one-way GRU, which go_backwards does reach.
    @Test func aKnobThatActsOnTheCompareRunOnlySaysSo() throws {
        var state = try opened("bidirectional")
        select("go_backwards", &state)
        send(&state, keys(.right))
        #expect(state.lesson?.message?.text(in: .english) == "go_backwards 0 → 1; go_backwards acts on the compare run only")
    }

    @Test func forgetBiasOnAGRUIsIdle() throws {
        var state = try opened("lstm-gates")
        #expect(state.lesson.map { ls in ls.idleReason(of: ls.lesson.knobs.first { $0.name == "forget_bias" }!) } == .some(nil))
        select("cell", &state)
        send(&state, keys(.right))  // lstm → rnn_tanh
        let ls = try #require(state.lesson)
        let reason = ls.idleReason(of: ls.lesson.knobs.first { $0.name == "forget_bias" }!)
        #expect(reason.map(Language.english.render) == "forget_bias has no effect with cell rnn_tanh (only an LSTM has a forget gate)")
        #expect(reason.map(Language.chinese.render) == "cell 为 rnn_tanh 时 forget_bias 不起作用（只有 LSTM 有遗忘门）")
    }

    /// Below 80 columns the knob panel is short: it still lists several knobs
    /// and its title says which of how many is selected.
    @Test(arguments: [(79, 24), (60, 20)])
    func theStackedKnobPanelListsSeveralKnobs(width: Int, height: Int) throws {
        var state = try opened("bptt-rtrl", width: width, height: height)
        send(&state, keys(.tab))
        let names = state.lesson!.lesson.knobs.map(\.name)
        let screen = screenText(state)
        let shown = names.filter { name in screen.split(separator: "\n").contains { $0.contains("▸ \(name)") || $0.contains("  \(name) ") } }
        #expect(shown.count >= 2, "\(shown)\n\(screen)")
        if shown.count < names.count {
            #expect(screen.contains("Knobs 1/\(names.count)"), "\(screen)")
        }
    }
}
