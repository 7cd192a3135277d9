import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// `i` puts a cursor on the dashboard: it reads step and values on a plot,
/// unit, t and value on a heatmap, on the message line; arrows move it, Tab
/// goes to the next panel, `i` or Esc puts it away.
@Suite struct InspectTests {
    /// The message line (the second row from the bottom).
    static func messageLine(_ state: AppState) -> String {
        screenText(state).split(separator: "\n", omittingEmptySubsequences: false)[state.height - 2]
            .trimmingCharacters(in: .whitespaces)
    }

    /// The hidden state the fixture's probes hold at (unit, t).
    static func hidden(unit: Int, t: Int) -> Double { Double(Float(sin(Double(t) * 0.7 + Double(unit)) * 0.9)) }

    @Test func theCursorReadsTheLossPlotThenTheGradientsThenTheHeatmap() {
        var state = trainedState(width: 100, height: 30, steps: 120, running: false)
        #expect(send(&state, keys(.character("i"))).isEmpty)
        #expect(state.lesson!.inspect?.panel == .loss)
        // On the newest column: the last step, train and validation loss.
        let first = Self.messageLine(state)
        #expect(first.hasPrefix("loss") && first.contains(": step 1") && first.contains("train loss "), "\(first)")
        let newest = first
        send(&state, keys(.left, .left, .left, .left, .left))
        let earlier = Self.messageLine(state)
        #expect(earlier != newest, "moving left reads an earlier step")
        func step(_ line: String) -> Int? {
            line.range(of: #"step \d+"#, options: .regularExpression).flatMap { Int(line[$0].dropFirst(5)) }
        }
        #expect((step(earlier) ?? .max) < (step(newest) ?? 0), "\(earlier) / \(newest)")
        // Tab: the gradient norms by t, on its last t (T = 12: t 11).
        send(&state, keys(.tab))
        #expect(state.lesson!.inspect?.panel == .gradientNorms)
        #expect(Self.messageLine(state).contains(": t 11: "), "\(Self.messageLine(state))")
        // Tab: the hidden state, unit 0 at t 0; → → → ↓ ↓ reads unit 2 at t 3, the probe's own value.
        send(&state, keys(.tab))
        #expect(state.lesson!.inspect?.panel == .hiddenHeatmap)
        #expect(Self.messageLine(state).contains("unit 0, t 0: \(NumberFormat.compact(Self.hidden(unit: 0, t: 0), significantDigits: 3))"))
        send(&state, keys(.right, .right, .right, .down, .down))
        let line = Self.messageLine(state)
        #expect(line.contains("unit 2, t 3: \(NumberFormat.compact(Self.hidden(unit: 2, t: 3), significantDigits: 3))"), "\(line)")
        // The cursor's cell is drawn reversed; moving far right stops at the last t.
        send(&state, Array(repeating: AppMessage.key(.right), count: 40))
        #expect(Self.messageLine(state).contains("unit 2, t 11: "))
        // i ends it; the message line is the message line again.
        send(&state, keys(.character("i")))
        #expect(state.lesson!.inspect == nil && !Self.messageLine(state).contains("unit 2"))
    }

    @Test func theCursorCellIsReversedAndOtherKeysStillWork() {
        var state = trainedState(width: 100, height: 30, steps: 120, running: true)
        send(&state, keys(.character("i"), .tab, .tab))
        let buffer = frame(state)
        let reversed = (0..<state.height).flatMap { y in (0..<state.width).map { (x: $0, y: y) } }
            .filter { buffer[$0.x, $0.y].style.attributes.contains(.reverse) }
        // In the dashboard's body (right of the 40-column left part, under its status line) only the cursor's cell.
        let body = reversed.filter { $0.x > 40 && $0.y > 1 && $0.y < state.height - 2 }
        #expect(body.count == 1, "\(body)")
        // Space still pauses while the cursor is out; Esc puts it away.
        #expect(send(&state, keys(.character(" "))).map(\.summary) == ["send pause"])
        send(&state, keys(.escape))
        #expect(state.lesson!.inspect == nil)
    }

    @Test func nothingToInspectBeforeTheModelIsBuilt() {
        var state = fixtureState(width: 100, height: 30)
        send(&state, keys(.enter))
        send(&state, keys(.character("i")))
        #expect(state.lesson!.inspect == nil)
        #expect(state.lesson!.message?.phrase.key == .explore(.inspectNothing))
    }
}
