import Foundation
@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// Three made-up samples, colder ones tidier, with line breaks.
let fakeSampleTexts = [
    "KING HENRY:\nWhat say you to the king? I will not stay the day,\nAnd so the king is come to the town.\n",
    "GLOUCESTER:\nNay, sir, thou hast so far sen him with me\nThy hand, and leave the plend of hone.\n",
    "Qarly ie thon?\nWhaik'd frowne, ard mis lave cowlt, yo vie bhet!\nPry thusg oe Lyou.\n",
]

/// A strip over three verse lines whose unit counts characters since the newline.
func fakeStrip() -> ActivationStrip {
    let text = "the town.\nTo be, or not to be, that is the question:\nWhether 'tis nobler in the mind to suffer\nThe slings"
    var since = 0, values: [Double] = []
    for ch in text {
        values.append(min(0.9, -0.8 + 0.045 * Double(since)))
        since = ch == "\n" ? 0 : since + 1
    }
    return ActivationStrip(unit: 17, correlation: -0.61, characters: text.map(String.init), values: values)
}

/// The fixture lesson showing the char-LM panels, trained 120 fake steps; the
/// evaluations carry the samples, the strip and the share of real words.
func generationState(width: Int = 80, height: Int = 24, probes: Bool = true) -> AppState {
    let text = fixtureLessonText.replacingOccurrences(of: "panels: [loss, gradient_norms, hidden_heatmap, predictions]",
                                                      with: "panels: [loss, activation_strip, text_samples]")
    var state = AppState(lessons: [fixtureLesson(text)], completed: [:], firstStart: false, width: width, height: height)
    send(&state, keys(.enter))
    send(&state, [.trainer(readyEvent(state.lesson!.lesson)), .trainer(.running(true)), .tick(seconds: 0)])
    for step in 1...120 {
        var report = fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)
        if probes, report.evaluation != nil {
            report.evaluation!.probes = [
                .textSamples: .grid(TemperatureSample.grid(zip([0.5, 1.0, 1.5], fakeSampleTexts).map { TemperatureSample(temperature: $0, text: $1) })),
                .lineUnitStrip: .grid(fakeStrip().grid),
            ]
            report.evaluation!.measurements = zip(Measurement.knownWords.yields, [0.93, 0.61, 0.35]).map { Metric($0, $1) }
        }
        send(&state, [.trainer(.report(report)), .tick(seconds: Double(step) / 40)])
    }
    return state
}

@Suite struct GenerationPanelsTests {
    func draw(_ id: PanelKind, _ context: PanelContext, width: Int = 48, height: Int = 12, capabilities: Capabilities = .full) -> Buffer {
        var buffer = Buffer(width: width, height: height, capabilities: capabilities)
        registered(id).draw(context, in: buffer.bounds, buffer: &buffer)
        return buffer
    }

    @Test func charLanguageModelPanels80x24() {
        assertSnapshot(frame(generationState(), capabilities: .monochrome), named: "generation-80x24")
    }

    @Test func charLanguageModelPanels100x30() {
        assertSnapshot(frame(generationState(width: 100, height: 30), capabilities: .monochrome), named: "generation-100x30")
    }

    /// Each sample under its temperature and share of real words, newlines as ↵,
    /// the rows shared evenly.
    @Test func samplesAreLabelledWithTemperatureAndWords() {
        let buffer = draw(.textSamples, panelContext(generationState()), width: 60, height: 7)
        assertSnapshot(buffer, named: "panel-text_samples-60x7")
        let rows = (0..<7).map { text(of: buffer, in: buffer.bounds.row($0)) }
        #expect(rows[0].hasPrefix("samples at three temperatures"))
        #expect(rows[1].hasPrefix("τ 0.5 · 93% words KING HENRY:↵What say"))
        #expect(rows[3].hasPrefix("τ 1 · 61% words   GLOUCESTER:↵"))
        #expect(rows[5].hasPrefix("τ 1.5 · 35% words Qarly ie thon?↵"))
        // The second row of a sample continues its text where the first stopped.
        let first = rows[1].dropFirst(18), second = rows[2].dropFirst(18).trimmingCharacters(in: .whitespaces)
        #expect(fakeSampleTexts[0].replacingOccurrences(of: "\n", with: "↵").hasPrefix(String(first) + second))
    }

    /// Narrow: the short label; without Unicode the newline is a slash.
    @Test func narrowSamplesDropTheWordShare() {
        let buffer = draw(.textSamples, panelContext(generationState()), width: 30, height: 4, capabilities: .ascii)
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("t 0.5 KING HENRY:/What"))
    }

    @Test func samplesWaitForTheFirstEvaluationThenSayWhyNone() {
        var opened = fixtureState()
        send(&opened, keys(.enter))
        #expect(text(of: draw(.textSamples, panelContext(opened)), in: Rect(x: 0, y: 1, width: 48, height: 1)).hasPrefix("shown at the first evaluation"))
        let none = draw(.textSamples, panelContext(generationState(probes: false)))
        #expect(text(of: none, in: none.bounds.row(1)).hasPrefix("no samples"))
    }

    /// Each verse line over its shades, the unit's ramp restarting after each newline.
    @Test func stripShowsTheUnitUnderEachLine() {
        let buffer = draw(.activationStrip, panelContext(generationState()), width: 60, height: 8, capabilities: .monochrome)
        assertSnapshot(buffer, named: "panel-activation_strip-60x8")
        #expect(text(of: buffer, in: buffer.bounds.row(0)).hasPrefix("h of unit 17 · r -0.61 with line position"))
        #expect(text(of: buffer, in: buffer.bounds.row(1)).hasPrefix("the town.↵"))
        #expect(text(of: buffer, in: buffer.bounds.row(3)).hasPrefix("To be, or not to be, that is the question:↵"))
        // Under "To be…" the shades darken along the line: the first cell light, a later one full.
        let shades = text(of: buffer, in: buffer.bounds.row(4))
        #expect(shades.first == " " && shades.dropFirst(40).first == "█")
    }

    @Test func stripLinesBreakAfterNewlinesAndAtTheWidth() {
        let chars = "ab\ncdefg\nh".map(String.init)
        #expect(stripLines(chars.count, chars, width: 3) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]])
        #expect(stripLines(chars.count, chars, width: 0) == [])
    }

    @Test func wrappingCountsColumnsAndMarksNewlines() {
        let lines = wrapCharacters("ab\ncd", width: 2, unicode: true).map { $0.map(\.text).joined() }
        #expect(lines == ["ab", "↵c", "d"])
        #expect(wrapCharacters("abc", width: 0, unicode: true).isEmpty)
    }
}
