import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// Lesson 2's key content at the sizes a projector or a laptop gives (review A9):
/// both cost blocks, every value and both growth exponents whole, no `…`.
@Suite struct RTRLNarrowTests {
    static let library = LessonLibrary.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons"))

    /// Lesson 2 after 100 fake steps whose evaluations carry the measurements a real run makes.
    static func state(width: Int, height: Int) throws -> AppState {
        let lesson = try #require(library.lessons.first { $0.id == "bptt-rtrl" })
        var state = AppState(lessons: [lesson], width: width, height: height)
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(lesson)), .trainer(.running(true))])
        let values: [String: Double] = [
            "rtrl_macs_16": 3.25e6, "rtrl_macs_32": 4.24e7, "rtrl_macs_64": 6.06e8, "rtrl_mac_growth": 3.77,
            "bptt_macs_16": 29_700, "bptt_macs_32": 109_000, "bptt_macs_64": 414_000, "bptt_mac_growth": 1.9,
            "rtrl_ms_16": 0.0399, "rtrl_ms_32": 0.844, "rtrl_ms_64": 6.28, "rtrl_growth": 3.3,
            "bptt_ms_16": 0.00247, "bptt_ms_32": 0.00295, "bptt_ms_64": 0.00906, "bptt_growth": 0.9,
        ]
        for step in 1...100 {
            var r = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
            if var e = r.evaluation {
                e.measurements = values.keys.sorted().map { Metric(MetricKind.known($0)!, values[$0]!) }
                e.gradientComparison = GradientComparison(rows: ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"].map {
                    .init(name: $0, bptt: 7.23e-5, rtrl: 7.23e-5, difference: 5.04e-7)
                }, difference: 5.04e-7)
                r.evaluation = e
            }
            send(&state, [.trainer(.report(r))])
        }
        return state
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func bothCostBlocksAreWholeAndUncut(width: Int, height: Int) throws {
        let state = try Self.state(width: width, height: height)
        let ls = try #require(state.lesson)
        let rect = try #require(placedPanels(ls, width: width, height: height, language: .english).first { $0.0.id == .rtrl }?.1)
        let buffer = frame(state)
        // The panel's own rows, under its heading (which may be cut: the cursor's readout names it whole).
        let rows = (rect.y + 1..<rect.maxY).map { y in String((rect.x..<rect.maxX).map { buffer[$0, y].symbol }) }
        let text = rows.joined(separator: "\n")
        for exponent in ["~H^3.8", "~H^1.9", "~H^3.3", "~H^0.9"] {
            #expect(text.contains(exponent), "\(exponent) at \(width)×\(height):\n\(text)")
        }
        #expect(!text.contains("…"), "\(width)×\(height):\n\(text)")
        #expect(rows.filter { $0.contains("H=16") && $0.contains("H=32") && $0.contains("H=64") }.count == 2, "\(text)")
        // Both methods' rows of both blocks, three values each.
        let costRows = rows.filter { $0.hasPrefix("RTRL ") || $0.hasPrefix("BPTT ") }.filter { !$0.contains("·") }
        #expect(costRows.count == 4, "\(width)×\(height):\n\(text)")
        #expect(costRows.allSatisfy { $0.split(separator: " ").count >= 4 }, "\(text)")
    }
}
