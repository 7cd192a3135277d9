import Foundation
@testable import LabApp
import RNNLab
import TerminalUI
import Testing

/// A seq2seq lesson whose dashboard shows the attention panel.
let attentionLessonText = """
---
id: reverse-attention
title: Attention over the source
chapter: 5. Sequence to sequence
summary: A decoder that looks back at the source, step by step.
experiment:
  task: reverse
  length: 6
  K: 6
  hidden: 32
  attention: 1
  eval_every: 25
knobs:
  - name: learning_rate
    range: [0.0001, 1]
    scale: log
  - name: attention
    range: [0, 1]
panels: [loss, attention, predictions]
checks:
  - id: reversed
    title: The model reverses the sequence
    steps: 800
    expect: accuracy > 0.9
    hint: Press Space.
---

# Attention over the source

Each output step weighs the source steps; reversing a sequence makes the
weights an anti-diagonal.
"""

/// A 6 × 6 attention matrix for reversing "a b c d e f": output step u looks
/// mostly at source step 5 − u, a little at its neighbours.
func antiDiagonalProbes(step: Int) -> ProbeSet {
    let n = 6
    var weights = [Double](repeating: 0, count: n * n)
    for u in 0..<n {
        let s = n - 1 - u
        weights[u * n + s] = 0.8
        if s > 0 { weights[u * n + s - 1] = 0.15 }
        if s < n - 1 { weights[u * n + s + 1] = 0.05 }
    }
    var probes = fakeProbes(step: step)
    probes[.attention] = .grid(Grid(rows: n, columns: n, values: weights.map { Double(Float($0)) },
                                    rowLabels: ["f", "e", "d", "c", "b", "a"], columnLabels: ["a", "b", "c", "d", "e", "f"]))
    return probes
}

/// The attention lesson open at `width`×`height`, trained `steps` fake steps
/// (probes every 5 steps, with attention weights when `attention` is set).
func attentionState(width: Int = 80, height: Int = 24, steps: Int = 120, attention: Bool = true,
                    overrides: [String: SettingValue] = [:]) -> AppState {
    let lesson = try! LessonParser.parse(attentionLessonText, file: "05-reverse-attention.md")
    var state = AppState(lessons: [lesson], completed: [:], firstStart: false, width: 80, height: 24)
    send(&state, keys(.enter))
    send(&state, [.resize(width: width, height: height)])
    send(&state, [.trainer(readyEvent(lesson, overrides: overrides)), .trainer(.running(true)), .tick(seconds: 0)])
    for step in stride(from: 1, through: steps, by: 1) {
        var report = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
        if report.evaluation != nil {
            report.samples = [sampleRow("f e d c b a", "f e d c b a"), sampleRow("d b c a", "d c b a")]
        }
        if attention, report.probes != nil { report.probes = antiDiagonalProbes(step: step) }
        send(&state, [.trainer(.report(report)), .tick(seconds: Double(step) / 40)])
    }
    return state
}

@Suite struct AttentionPanelTests {
    @Test func antiDiagonal80x24() {
        assertSnapshot(frame(attentionState(), capabilities: .monochrome), named: "attention-80x24")
    }

    @Test func antiDiagonal120x40() {
        assertSnapshot(frame(attentionState(width: 120, height: 40), capabilities: .monochrome), named: "attention-120x40")
    }

    @Test func beforeTheFirstEvaluation() {
        assertSnapshot(frame(attentionState(steps: 3, attention: false)), named: "attention-empty-80x24")
    }

    @Test func modelWithoutAttention() {
        let state = attentionState(steps: 30, attention: false, overrides: ["attention": .number(0)])
        assertSnapshot(frame(state), named: "attention-off-80x24")
    }

    @Test func weightsUseTheSequentialMapOnZeroToOne() {
        var buffer = Buffer(width: 40, height: 10)
        var run = RunState(settings: [:])
        run.probes = antiDiagonalProbes(step: 5)
        let lesson = try! LessonParser.parse(attentionLessonText, file: "05-reverse-attention.md")
        AttentionPanel().draw(PanelContext(lesson: lesson, run: run, language: .english), in: Rect(width: 40, height: 10), buffer: &buffer)
        let layout = AttentionLayout(rows: 6, columns: 6, rowLabels: ["f", "e", "d", "c", "b", "a"],
                                     columnLabels: ["a", "b", "c", "d", "e", "f"],
                                     in: Rect(width: 40, height: 10).inset(top: 1))
        // Output step 0 looks at source step 5 with weight 0.8.
        let hot = buffer.cells[layout.grid.y * 40 + layout.grid.x + 5 * layout.columnWidth]
        #expect(hot.style.background == ColorMap.sequential.color(at: 0.8))
        let cold = buffer.cells[layout.grid.y * 40 + layout.grid.x]
        #expect(cold.style.background == ColorMap.sequential.color(at: 0))
    }

    @Test func tickLabelsAreCutToFit() {
        #expect(tickLabel("a", width: 3) == "a")
        #expect(tickLabel("<eos>", width: 3) == "<e…")
        #expect(tickLabel("<eos>", width: 1) == "<")
        #expect(tickLabel("x", width: 0) == "")
    }

    @Test func labelsGoWhenThereIsNoRoom() {
        // More source steps than columns: the grid is binned and the symbols are left out.
        let many = AttentionLayout(rows: 4, columns: 60, rowLabels: ["a", "b", "c", "d"],
                                   columnLabels: Array(repeating: "x", count: 60), in: Rect(width: 30, height: 8))
        #expect(many.columnWidth == 0)
        #expect(many.grid.maxX <= 30)
        // More output steps than rows: no row labels.
        let tall = AttentionLayout(rows: 20, columns: 4, rowLabels: Array(repeating: "y", count: 20),
                                   columnLabels: ["a", "b", "c", "d"], in: Rect(width: 30, height: 8))
        #expect(tall.rowHeight == 0)
        #expect(tall.rowLabels.width == 0)
        #expect(tall.grid.maxY <= 8)
    }

    /// At every size, in colour and in ASCII, the attention panel draws only
    /// inside its rectangle, and shows its title whenever it has a row to spare.
    @Test func everySizeKeepsThePanelInsideItsRect() {
        let context = panelContext(attentionState(steps: 30))
        for (w, h) in panelSizes {
            for capabilities in [Capabilities.full, .ascii] {
                let (buffer, rect) = drawInMargin(AttentionPanel(), context, width: w, height: h, capabilities: capabilities)
                let stray = strayCells(buffer, outside: rect)
                #expect(stray.isEmpty, "\(w)×\(h): \(stray.prefix(5))")
                if w >= 10 && h >= 1 {
                    #expect(text(of: buffer, in: rect.row(0)).hasPrefix("attention"), "\(w)×\(h)")
                }
            }
        }
    }
}
