import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// A made-up 28×28 "7": a bar across rows 4–6 and a stroke down to the lower
/// left; its guess is unsure (a 1) until row 9, then a 7 growing surer.
func fakeReading() -> RowReading {
    var pixels = [Double](repeating: 0, count: 28 * 28)
    for r in 4...6 { for c in 6...21 { pixels[r * 28 + c] = 1 } }
    for r in 7...24 { let c = 21 - (r - 7) * 2 / 3; pixels[r * 28 + c] = 1; pixels[r * 28 + c - 1] = 1 }
    var probabilities: [Double] = []
    for t in 0..<28 {
        var p = [Double](repeating: 0.02, count: 10)
        if t < 9 { p[1] = 0.3 } else { p[7] = min(0.98, 0.3 + 0.04 * Double(t)) }
        probabilities += p
    }
    return RowReading(pixels: pixels, rows: 28, width: 28, probabilities: probabilities, classNames: (0..<10).map(String.init), target: 7)
}

/// Accuracy by depth 1…6 for a run that holds up and one that falls off past 3.
func fakeDepths(holds: Bool) -> Grid {
    DepthBucket.grid((1...6).map { d in DepthBucket(depth: d, counted: 128, correct: holds ? 128 - 3 * d : (d <= 3 ? 120 - 5 * d : 40 + 3 * d)) })
}

/// The fixture lesson with `panels`, a compare run on `compare`, trained 120 fake steps;
/// the evaluations carry `probes(step)` in both runs (the companion's from `companion`).
func architectureState(panels: String, compare: String? = nil, width: Int = 80, height: Int = 24, running: Bool = false,
                       evaluationProbes: [ProbeID: Probe] = [:], companionProbes: [ProbeID: Probe] = [:],
                       stepProbes: ProbeSet? = nil, settings: [String: SettingValue] = [:]) -> AppState {
    var text = fixtureLessonText.replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]", with: "panels: \(panels)")
    if let compare { text = text.replacingOccurrences(of: "knobs:\n", with: "compare: \(compare)\nknobs:\n") }
    var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: width, height: height)
    send(&state, keys(.enter))
    let lesson = state.lesson!.lesson
    send(&state, [.trainer(readyEvent(lesson, overrides: settings)), .trainer(.running(true)), .tick(seconds: 0)])
    if let compare = lesson.compare { send(&state, [.companion(readyEvent(lesson, overrides: settings.merging(compare) { _, c in c })), .companion(.running(true))]) }
    for step in 1...120 {
        var report = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
        if report.evaluation != nil { report.evaluation!.probes = evaluationProbes }
        if let stepProbes, report.probes != nil { report.probes = ProbeSet(step: step, values: stepProbes.values) }
        send(&state, [.trainer(.report(report)), .tick(seconds: Double(step) / 40)])
        if lesson.compare != nil {
            var other = fakeReport(step: step, evaluate: step % 25 == 0)
            if other.evaluation != nil { other.evaluation!.probes = companionProbes }
            send(&state, [.companion(.report(other))])
        }
    }
    if !running { send(&state, [.trainer(.running(false))]) }
    return state
}

func readingState(width: Int = 80, height: Int = 24, running: Bool = false) -> AppState {
    architectureState(panels: "[loss, metric, row_reading, compare]", compare: "{hidden: 2}", width: width, height: height, running: running,
                      evaluationProbes: [.rowReading: .grid(fakeReading().grid)])
}

/// Forward states wavy, backward ones a ramp in t, 8 units × 12 steps each.
func directionProbes(backward: Bool = true) -> ProbeSet {
    var set = fakeProbes(step: 0)
    if backward {
        var values: [Double] = []
        for u in 0..<8 { for t in 0..<12 { values.append(Double(t - 6) / 6 * (u < 4 ? 1 : -1)) } }
        set[.hiddenBackward] = .grid(Grid(rows: 8, columns: 12, values: values))
    }
    return set
}

func depthState(width: Int = 80, height: Int = 24) -> AppState {
    architectureState(panels: "[loss, accuracy_by_depth, compare]", compare: "{hidden: 2}", width: width, height: height,
                      evaluationProbes: [.accuracyByDepth: .grid(fakeDepths(holds: true))],
                      companionProbes: [.accuracyByDepth: .grid(fakeDepths(holds: false))], settings: ["depth": .number(3)])
}

@Suite struct ArchitecturePanelsTests {
    func draw(_ id: PanelKind, _ context: PanelContext, width: Int = 48, height: Int = 12, capabilities: Capabilities = .full) -> Buffer {
        var buffer = Buffer(width: width, height: height, capabilities: capabilities)
        registered(id).draw(context, in: buffer.bounds, buffer: &buffer)
        return buffer
    }

    // MARK: Row reading

    @Test func rowReading80x24() {
        assertSnapshot(frame(readingState(), capabilities: .monochrome), named: "row-reading-80x24")
    }

    @Test func rowReading100x30() {
        assertSnapshot(frame(readingState(width: 100, height: 30), capabilities: .monochrome), named: "row-reading-100x30")
    }

    /// Tall: half-blocks, a guess per two rows, the cursor resting on the last row when paused.
    @Test func tallReadingDrawsHalfBlocksAndEveryGuess() {
        let buffer = draw(.rowReading, panelContext(readingState()), width: 48, height: 16)
        assertSnapshot(buffer, named: "panel-row_reading-48x16")
        let rows = (0..<16).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[0].hasPrefix("read by rows · class 7"))
        #expect(rows[3].contains("▀▀▀") || rows[3].contains("███"))        // the bar of the 7 (pixel rows 4–5)
        #expect(rows[1].contains("row 2: 1 30%") && rows[5].contains("row 10: 7 66%"))
        #expect(rows[14].hasPrefix("▶") && rows[14].contains("row 28: 7 98%"))
        // Wrong guesses are red, right ones green.
        let x = rows[1].distance(from: rows[1].startIndex, to: rows[1].range(of: "row 2")!.lowerBound)
        #expect(buffer[x, 1].style.foreground == LabTheme.error.foreground)
        #expect(buffer[x, 5].style.foreground == LabTheme.goodDim.foreground)
    }

    /// Short: braille, four pixel rows a text row.
    @Test func shortReadingDrawsBraille() {
        let buffer = draw(.rowReading, panelContext(readingState()), width: 40, height: 8)
        let rows = (0..<8).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[2].unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(rows[7].hasPrefix("▶") && rows[7].contains("row 28: 7 98%"))
    }

    /// While training runs the cursor sweeps with the clock and rows below it are not yet guessed.
    @Test func runningCursorFollowsTheClock() {
        var state = readingState(running: true)
        state.lesson!.run.clock = 2.0                 // 8 rows read: pixel row 8 is under the cursor
        let panel = RowReadingPanel()
        #expect(panel.cursorRow(state.lesson!.run, rows: 28) == 8)
        let buffer = draw(.rowReading, panelContext(state), width: 48, height: 16)
        #expect(text(of: buffer, in: buffer.bounds.row(5)).hasPrefix("▶"))
        #expect(!text(of: buffer, in: buffer.bounds.row(6)).contains("row"))
        state.lesson!.run.clock = 7.25                // 29 rows: round again to row 1
        #expect(panel.cursorRow(state.lesson!.run, rows: 28) == 1)
    }

    /// Shorter still: pairs of rows merged, eight pixel rows a text row.
    @Test func veryShortReadingMergesRowPairs() {
        let buffer = draw(.rowReading, panelContext(readingState()), width: 40, height: 5)
        let rows = (0..<5).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[1].contains("row 8: 1 30%") && rows[4].hasPrefix("▶") && rows[4].contains("row 28: 7 98%"))
        #expect(rows[1].unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })   // the bar, rows 4–6
    }

    @Test func readingWaitsThenSaysWhyNone() {
        let opened = architectureState(panels: "[loss, row_reading]")
        let buffer = draw(.rowReading, panelContext(opened))
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("no image"))
    }

    // MARK: Directions

    @Test func directions80x24() {
        let state = architectureState(panels: "[loss, directions, predictions]", stepProbes: directionProbes())
        assertSnapshot(frame(state, capabilities: .monochrome), named: "directions-80x24")
    }

    @Test func directions100x30() {
        let state = architectureState(panels: "[loss, directions, predictions]", width: 100, height: 30, stepProbes: directionProbes())
        assertSnapshot(frame(state, capabilities: .monochrome), named: "directions-100x30")
    }

    /// Forward over backward, each labelled and on its own scale (a legend each).
    @Test func bothDirectionsAreDrawnOneAboveTheOther() {
        let state = architectureState(panels: "[loss, directions]", stepProbes: directionProbes())
        let buffer = draw(.directions, panelContext(state), width: 40, height: 13, capabilities: .monochrome)
        assertSnapshot(buffer, named: "panel-directions-40x13")
        let rows = (0..<13).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[1].hasPrefix("forward →") && rows[7].hasPrefix("← backward"))
        #expect(rows[6].hasPrefix("-0.9") && rows[12].hasPrefix("-1"))
    }

    @Test func oneDirectionSaysSo() {
        let state = architectureState(panels: "[loss, directions]", stepProbes: directionProbes(backward: false))
        let buffer = draw(.directions, panelContext(state), width: 60, height: 10)
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("one direction only"))
        #expect(text(of: buffer, in: buffer.bounds.row(2)).hasPrefix("forward →"))
    }

    // MARK: Depth

    @Test func depth80x24() {
        assertSnapshot(frame(depthState(), capabilities: .monochrome), named: "depth-80x24")
    }

    @Test func depth100x30() {
        assertSnapshot(frame(depthState(width: 100, height: 30), capabilities: .monochrome), named: "depth-100x30")
    }

    /// A row per depth with both runs' bars and percentages; a rule after the trained depths.
    @Test func depthRowsCompareBothRuns() {
        let buffer = draw(.accuracyByDepth, panelContext(depthState()), width: 50, height: 10)
        assertSnapshot(buffer, named: "panel-accuracy_by_depth-50x10")
        let rows = (0..<10).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[0].hasPrefix("accuracy by tree depth"))
        #expect(rows[1].hasPrefix("  hidden 8") && rows[1].contains("hidden 2"))
        #expect(rows[2].hasPrefix("1 ") && rows[2].contains("98%") && rows[2].contains("90%"))
        #expect(rows[5].hasPrefix("▲ depths seen in training (≤ 3)"))
        #expect(rows[6].hasPrefix("4 ") && rows[6].contains("91%") && rows[6].contains("41%"))
        // The longer bar is the surer run's: count the full blocks of each half.
        let left = rows[6].prefix(26).filter { $0 == "█" }.count, right = rows[6].dropFirst(26).filter { $0 == "█" }.count
        #expect(left > 2 * right)
    }

    @Test func depthBarsRoundToEighths() {
        var buffer = Buffer(width: 12, height: 1)
        drawAccuracyBar(0.5, x: 0, y: 0, width: 12, color: .cyan, buffer: &buffer)
        #expect(text(of: buffer, in: buffer.bounds) == "████ 50%    ")
        // Too narrow for a bar: the percentage alone, without its sign if need be, never a cut one ("10" for 100%).
        var narrow = Buffer(width: 4, height: 3)
        drawAccuracyBar(0.5, x: 0, y: 0, width: 4, color: .cyan, buffer: &narrow)
        drawAccuracyBar(1, x: 0, y: 1, width: 3, color: .cyan, buffer: &narrow)
        drawAccuracyBar(1, x: 0, y: 2, width: 2, color: .cyan, buffer: &narrow)
        #expect(text(of: narrow, in: narrow.bounds) == "50% \n100 \n    ")
        var ascii = Buffer(width: 12, height: 1, capabilities: .ascii)
        drawAccuracyBar(1, x: 0, y: 0, width: 12, color: .cyan, buffer: &ascii)
        #expect(text(of: ascii, in: ascii.bounds) == "####### 100%")
    }
}
