@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// The panels issue 17 added or changed: accuracy by source length, the source
/// of a seq2seq sample, and the marked steps under the gate bands.
@Suite struct SeqPanelsTests {
    func draw(_ id: PanelKind, _ context: PanelContext, width: Int = 48, height: Int = 12) -> Buffer {
        PanelSnapshotTests().draw(id, context, width: width, height: height)
    }

    /// One bar per length with tokens counted, as tall as its accuracy; empty lengths left out.
    @Test func lengthBarsFollowTheProbe() {
        let grid = LengthBucket.grid([LengthBucket(length: 10, counted: 40, correct: 36),
                                      LengthBucket(length: 11, counted: 0, correct: 0),
                                      LengthBucket(length: 20, counted: 40, correct: 20)])
        let bars = lengthBars(grid)
        #expect(bars.map(\.label) == ["10", "20"])
        #expect(bars.map(\.value) == [0.9, 0.5])
        #expect(lengthBars(nil).isEmpty && lengthBars(.empty).isEmpty)
    }

    /// Drawn: its heading, the length labels under the bars, the short bar lower than the tall one.
    @Test func accuracyByLengthPanelDrawsTheBars() {
        var context = panelContext(trainedState())
        let grid = LengthBucket.grid([LengthBucket(length: 10, counted: 40, correct: 40), LengthBucket(length: 20, counted: 40, correct: 10)])
        context.run.probes?[.accuracyByLength] = .grid(grid)
        let buffer = draw(.accuracyByLength, context)
        let rows = (0..<12).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[0].hasPrefix("accuracy by source length"))
        #expect(rows.contains { $0.contains("10") && $0.contains("20") })
        // The column of the first bar is filled higher up than the second's.
        func top(_ label: String) -> Int? {
            guard let labelRow = rows.lastIndex(where: { $0.contains(label) }),
                  let x = rows[labelRow].range(of: label).map({ rows[labelRow].distance(from: rows[labelRow].startIndex, to: $0.lowerBound) }) else { return nil }
            return (1..<labelRow).first { buffer[x, $0].symbol != " " }
        }
        let (a, b) = (top("10"), top("20"))
        #expect(a != nil && b != nil && a! < b!, "bars: \(rows.joined(separator: "\n"))")
    }

    /// Eleven lengths in a narrow panel: no room for a label under each bar, so the
    /// shortest and the longest length label the ends.
    @Test func narrowLengthPanelLabelsTheEnds() {
        var context = panelContext(trainedState())
        context.run.probes?[.accuracyByLength] = .grid(LengthBucket.grid((10...20).map { LengthBucket(length: $0, counted: 10, correct: 30 - $0) }))
        let buffer = draw(.accuracyByLength, context, width: 24, height: 8)
        let bottom = text(of: buffer, in: buffer.bounds.row(7))
        #expect(bottom.hasPrefix("10") && bottom.trimmingCharacters(in: .whitespaces).hasSuffix("20") && !bottom.contains("…"), "\(bottom)")
    }

    /// Before the first evaluation, the panel says when it will show.
    @Test func accuracyByLengthPanelWaits() {
        let buffer = draw(.accuracyByLength, panelContext(fixtureState().openedFirst()))
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("shown at the first evaluation"))
    }

    /// A seq2seq sample shows its source above the prediction and the target.
    @Test func predictionsShowTheSource() {
        var context = panelContext(trainedState())
        context.run.samples = [SampleRow(predicted: [.symbol("c"), .symbol("b")], target: [.symbol("c"), .symbol("a")],
                                         correct: [true, false], source: [.symbol("a"), .symbol("b"), .symbol("c")])]
        let buffer = draw(.predictions, context)
        let rows = (0..<4).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[1].hasPrefix("source a b c"), "\(rows)")
        #expect(rows[2].hasPrefix("pred   c b"), "\(rows)")
        #expect(rows[3].hasPrefix("target c a"), "\(rows)")
        #expect(sampleRows(context.run.samples[0]) == 3)
    }

    /// Steps map to the columns the heatmap draws them in: whole columns per step, or shared columns.
    @Test func markedColumnsFollowTheHeatmapsBins() {
        var marks = [Double](repeating: 0, count: 10)
        marks[2] = 1
        marks[7] = 1
        #expect(markedColumns(marks, width: 20) == [4, 5, 14, 15])
        #expect(markedColumns(marks, width: 5) == [1, 3])
        #expect(markedColumns([], width: 5).isEmpty)
    }

    /// With a marked-steps probe the gate bands get a row of ▲ under the marked steps.
    @Test func gateBandsFlagTheMarkedSteps() {
        var context = panelContext(trainedState())
        var gates = context.run.probes!.gates
        gates.rowGroups = ["r", "z"]
        context.run.probes?[.gates] = .grid(gates)
        var marks = [Double](repeating: 0, count: gates.columns)
        marks[1] = 1
        context.run.probes?[.markedSteps] = .series(marks)
        let buffer = draw(.gatesHeatmap, context, height: 14)
        let last = (0..<14).map { text(of: buffer, in: buffer.bounds.row($0)) }.last { $0.contains("▲") }
        #expect(last != nil)
        #expect(last?.filter { $0 == "▲" }.count ?? 0 >= 1)
        context.run.probes?[.markedSteps] = nil
        let plain = draw(.gatesHeatmap, context, height: 14)
        #expect(!(0..<14).contains { text(of: plain, in: plain.bounds.row($0)).contains("▲") })
    }
}

extension AppState {
    /// The state with its first lesson opened and nothing built yet.
    func openedFirst() -> AppState {
        var state = self
        send(&state, keys(.enter))
        return state
    }
}
