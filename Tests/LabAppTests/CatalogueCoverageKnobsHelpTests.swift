@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The knob panel (with the schema's own summaries) and the help overlay (with
/// the named keys) drawn in the pseudo-language: no English word of the lab's own.
@Suite struct CatalogueCoverageKnobsHelpTests {
    /// The fixture lesson's knobs: three without a summary of their own (the
    /// schema's, from the catalogue) and `k`, whose summary is lesson content.
    @Test func theKnobPanelWritesTheSchemasSummariesInTheFramesLanguage() {
        var state = trainedState(running: false)
        send(&state, keys(.tab))
        let ls = state.lesson!
        // Knob names (learning_rate reads as two words) and choice names are identifiers.
        let data = Set(ls.lesson.knobs.flatMap { $0.name.split(separator: "_").map(String.init) } + ["sgd", "adam"])
        for (index, knob) in ls.lesson.knobs.enumerated() {
            var selected = ls
            selected.selectedKnob = index
            var buffer = Buffer(width: 50, height: 14)
            drawKnobs(selected, language: pseudoLanguage, in: buffer.bounds, buffer: &buffer)
            let text = LabTextInAppTests.text(buffer)
            if knob.name == "k" {
                // A lesson's own summary stays as the lesson wrote it (translated with the lessons).
                #expect(knob.summary == .verbatim("how many steps back to echo") && text.contains("how many steps"))
                continue
            }
            #expect(knob.summary.key == .settingSummary(SettingSummaryKey(rawValue: knob.name)!), "\(knob.name)")
            let stray = strayEnglish(buffer, data: data)
            #expect(stray.isEmpty, "\(knob.name): \(stray)")
            // Not vacuous: the summary is there, in the pseudo-language.
            let summary = pseudoLanguage.render(knob.summary)
            #expect(text.contains(String(summary.prefix(6))), "\(knob.name): \(summary) not in\n\(text)")
        }
    }

    @Test func theHelpOverlayWritesKeyNamesInTheFramesLanguage() {
        var state = trainedState()
        send(&state, keys(.character("?")))
        state.language = pseudoLanguage
        var buffer = Buffer(width: state.width, height: state.height)
        drawHelp(state, in: buffer.bounds, buffer: &buffer)
        let top = LabTextInAppTests.text(buffer)
        var text = top
        // At 80×24 the help scrolls: its last rows (Ctrl-C) are read at the bottom.
        state.helpScroll = helpMaxScroll(state)
        var bottom = Buffer(width: state.width, height: state.height)
        drawHelp(state, in: bottom.bounds, buffer: &bottom)
        text += "\n" + LabTextInAppTests.text(bottom)
        for name in ["Space", "Tab", "Enter", "PgUp", "PgDn", "Ctrl"] {
            #expect(!text.contains(name), "\(name) is in English")
            #expect(text.contains(pseudo(name)), "\(pseudo(name)) is missing")
        }
        // The overlay's own rows (the modal, not the screen under it) hold no English word at all.
        let rows = top.split(separator: "\n").filter { $0.contains(pseudo("Space")) || $0.contains(pseudo("Tab")) }
        #expect(rows.count == 2 && rows.allSatisfy { asciiWords(String($0)).isEmpty }, "\(rows)")
    }

    @Test func hintBarsNameKeysInTheFramesLanguage() {
        #expect(hint(.play, .hintTrain, pseudoLanguage).key == pseudo("Space"))
        #expect(hint(.play, .hintTrain, .english).key == "Space")
        #expect(hint(.move, .hintChoose, pseudoLanguage).key == "↑↓")
        #expect(binding(.page).label.text(.english) == "PgUp PgDn")
    }

    /// A class name in the lab's words is written in the frame's language; a symbol as it is.
    @Test func classNamesInSamplesAreWrittenInTheFramesLanguage() {
        #expect(sampleText(.word(Phrase(.task(.classEven))), pseudoLanguage) == pseudo("even"))
        #expect(sampleText(.word(Phrase(.task(.classEven))), .english) == "even")
        #expect(sampleText(.symbol("XY"), pseudoLanguage) == "XY")
    }

    /// The loss plot's reference line names its baseline in the frame's language,
    /// as chance when the baseline ignores the input.
    @Test func theLossBaselineIsNamedInTheFramesLanguage() {
        var state = trainedState()
        state.lesson!.run.data.baselines = [Baseline(name: Phrase(.baseline(.majorityClass)), split: .validation,
                                                      metrics: [Metric(.crossEntropy, 1.2)])]
        var context = panelContext(state)
        context.language = pseudoLanguage
        var buffer = Buffer(width: 120, height: 20)
        LossPanel().draw(context, in: buffer.bounds, buffer: &buffer)
        let text = LabTextInAppTests.text(buffer)
        #expect(text.contains(pseudo("chance")) && !text.contains("majority"), "\(text)")
    }
}
