@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// A pseudo-translation: every catalogue text with its ASCII letters turned
/// into fullwidth ones ("loss" → "ｌｏｓｓ"), placeholders kept. Drawn with it,
/// a frame shows ASCII words only where a text did not come from the
/// catalogue, or where it is data (a setting's name, a metric's label, a
/// symbol); and every text is twice as wide, as Chinese will be.
let pseudoLanguage = Language(code: "x-pseudo", name: "ｐｓｅｕｄｏ",
                              texts: Dictionary(uniqueKeysWithValues: TextKey.allCases.map { ($0, pseudo(Language.english.texts[$0] ?? "")) }))

/// `text` with its letters fullwidth, except the names inside `{name}` and `{name:one|other}`.
func pseudo(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
        out += fullwidth(rest[..<open])
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "}"),
              after[..<close].wholeMatch(of: /[A-Za-z_][A-Za-z0-9_]*(:[^{}]*)?/) != nil else {
            out += "{"
            rest = after
            continue
        }
        let inner = after[..<close]
        if let colon = inner.firstIndex(of: ":") {
            out += "{" + inner[..<colon] + ":" + fullwidth(inner[inner.index(after: colon)...]) + "}"
        } else {
            out += "{" + inner + "}"
        }
        rest = after[after.index(after: close)...]
    }
    return out + fullwidth(rest)
}

private func fullwidth(_ s: Substring) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.map { c in
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A: return Unicode.Scalar(c.value - 0x20 + 0xFF00)!
        default: return c
        }
    }))
}

/// Every word of two or more ASCII letters in `text`, each with whether it
/// may be cut: followed by "…", or ending the text (a clipped row).
func asciiWords(_ text: String) -> [(word: String, cut: Bool)] {
    text.matches(of: /[A-Za-z]{2,}(…)?/).map { m in
        let s = String(m.output.0)
        return s.hasSuffix("…") ? (String(s.dropLast()), true) : (s, m.range.upperBound == text.endIndex)
    }
}

/// A sample item that is data: a symbol or a number, not a class name in the lab's words.
func isData(_ item: SampleItem) -> Bool {
    if case .word = item { return false }
    return true
}

/// The words a run's data brings to the frame: settings, metric labels,
/// baselines, parameter and gate names, symbols, RNNLab's own descriptions
/// (a divergence, a build failure) which are not the lab's sentences.
func dataWords(_ runs: [RunState]) -> Set<String> {
    var texts: [String] = []
    for run in runs {
        texts += run.settings.flatMap { [$0.key, $0.value.description] }
        // A metric label from the catalogue is not data; one given as text (deprecated) is.
        texts += (run.lastMetrics + run.measurements).filter { $0.kind.labelPhrase.key == nil }.map(\.label) + run.baselines.filter { $0.name.key == nil }.map { Language.english.render($0.name) }
        if let p = run.probes { texts += p.parameterOrder + p.gateNames + p.attentionRows + p.attentionColumns }
        // Symbols and numbers are data; a class name in the lab's words (`.word`) is not.
        texts += run.samples.flatMap { ($0.predicted + $0.target).filter(isData).map { sampleText($0, .english) } }
        texts += run.gradientComparison?.rows.map(\.name) ?? []
        // The divergence and a build failure are catalogue phrases (RNNLab's), not data.
    }
    // NumberFormat's words for what is not a number.
    texts += ["NaN", "inf"]
    return Set(texts.flatMap { asciiWords($0).map(\.word) })
}


/// The words in `rects` of `buffer` (each row of each rectangle read on its
/// own, so a word clipped at a panel's edge reads as cut) that are neither
/// from the catalogue nor data; a cut word may be the start of a data word.
func strayEnglish(_ buffer: Buffer, in rects: [Rect]? = nil, data: Set<String>) -> [String] {
    return (rects ?? [buffer.bounds]).flatMap { rect in
        (rect.minY..<rect.maxY).flatMap { y -> [String] in
            let row = String((rect.minX..<rect.maxX).filter { !buffer[$0, y].isContinuation }.map { buffer[$0, y].symbol })
            return asciiWords(row).filter { w in
                !(data.contains(w.word) || (w.cut && data.contains { $0.hasPrefix(w.word) }))
            }.map { "row \(y): \($0.word) in \(row.trimmingCharacters(in: .whitespaces))" }
        }
    }
}

/// The rectangles of the dashboard drawn in `area`: the status row, then each
/// panel's (or the whole body before the experiment is built).
func dashboardRects(_ ls: LessonState, in area: Rect) -> [Rect] {
    let body = area.inset(top: 1, left: 1)
    guard ls.run.isReady else { return [area.row(0), body] }
    let context = PanelContext(ls, language: pseudoLanguage)
    return [area.row(0)] + DashboardLayout.place(PanelRegistry.panels(of: ls.lesson), context, in: body).map(\.1)
}

/// Proves the dashboard's migration to the catalogue complete: every panel
/// and the dashboard drawn in a pseudo-translation show no English word of
/// their own. The 简体中文 table will be drawn the same way.
@Suite struct CatalogueCoverageTests {
    @Test func thePseudoLanguageIsCompleteAndChangesEveryWord() throws {
        for key in TextKey.allCases {
            let text = pseudoLanguage.texts[key] ?? "{missing}"
            #expect(!text.isEmpty, "\(key.id) has no English text")
            #expect(asciiWords(text.replacing(/\{[^{}]*\}/, with: "")).isEmpty, "\(key.id): \(text)")
        }
        #expect(try pseudoLanguage.format(.dashboard(.rolledBackLowered), ["step": 3, "rate": "0.001"])
                    == "ｒｏｌｌｅｄ ｂａｃｋ ｔｏ ｓｔｅｐ 3, ｌｅａｒｎｉｎｇ ｒａｔｅ ｎｏｗ 0.001; Ｓｐａｃｅ ｒｅｓｕｍｅｓ")
        #expect(try pseudoLanguage.format(.home(.summary), ["lessons": 2, "done": 0, "total": 1]).hasPrefix("2 ｌｅｓｓｏｎｓ"))
    }

    /// The detector itself: an English literal on a frame is found, data is not.
    @Test func strayEnglishIsFound() {
        var buffer = Buffer(width: 40, height: 2)
        buffer.write("ｌｏｓｓ hidden 0.5 shown here", x: 0, y: 0)
        buffer.write("rnn.wei… chance hi", x: 0, y: 1)
        let stray = strayEnglish(buffer, data: ["hidden", "rnn", "weight", "chance"])
        // "hi" is the start of "hidden" but not cut: stray. "wei…" is cut by its ellipsis.
        #expect(stray.map { $0.components(separatedBy: " in ")[0] } == ["row 0: shown", "row 0: here", "row 1: hi"])
        // Clipped at the right edge of the region read, a data word's start is fine; an English one is not.
        #expect(strayEnglish(buffer, in: [Rect(x: 0, y: 1, width: 18, height: 1)], data: ["rnn", "weight", "chance", "hidden"]).isEmpty)
        let cut = strayEnglish(buffer, in: [Rect(x: 0, y: 0, width: 23, height: 1)], data: ["hidden"])
        #expect(cut.map { $0.components(separatedBy: " in ")[0] } == ["row 0: sho"])
    }

    /// Every registered panel, in every fixture state, at two sizes.
    @Test(arguments: PanelRegistry.all.map(\.id))
    func everyPanelIsWrittenInTheFramesLanguage(_ id: PanelKind) {
        let panel = PanelRegistry.panel(id)!
        for (name, english) in panelContexts() {
            var context = english
            context.language = pseudoLanguage
            // Check ids are the lesson file's data, like settings (the dot plot names its check).
            let data = dataWords([context.run] + [context.companion].compactMap { $0 })
                .union(context.lesson.checks.flatMap { asciiWords($0.id).map(\.word) })
            for (width, height) in [(120, 30), (60, 14)] {
                var buffer = Buffer(width: width, height: height)
                panel.draw(context, in: buffer.bounds, buffer: &buffer)
                let stray = strayEnglish(buffer, data: data)
                #expect(stray.isEmpty, "\(id) \(name) \(width)×\(height): \(stray)")
            }
            // The title too, wherever it is shown.
            #expect(strayWords(panel.title(context), data).isEmpty, "\(id) \(name) title: \(panel.title(context))")
        }
    }

    /// The whole dashboard: building, built, failed, diverged (its banner), with
    /// every panel kind, and the loss curve's markers after a change and a roll-back.
    @Test func theDashboardIsWrittenInTheFramesLanguage() {
        var building = fixtureState()
        send(&building, keys(.enter))
        var failed = fixtureState()
        send(&failed, keys(.enter))
        send(&failed, [.trainer(.failed(Phrase(.setting(.outOfRange), ["name": "hidden", "value": "0", "range": SettingDefinition.range(1...512)])))])
        var diverged = trainedState(width: 160, height: 50)
        send(&diverged, [.trainer(.diverged(.loss(.nan), step: 121)), .trainer(.running(false))])
        var rolledBack = trainedState(width: 160, height: 50)
        send(&rolledBack, [.trainer(.diverged(.loss(.nan), step: 121)), .trainer(.rolledBack(step: 100, learningRate: nil)),
                           .trainer(.diverged(.loss(.nan), step: 110)), .trainer(.rolledBack(step: 100, learningRate: 0.001))])
        let states: [(String, AppState)] = [
            ("building", building), ("failed", failed), ("trained", trainedState(width: 160, height: 50)),
            ("diverged", diverged), ("rolled back", rolledBack),
            ("clipped", clippedState(panels: "[loss, rtrl, gradient_history, metric, parameter_gradients, gates_heatmap, cell_heatmap]")),
            ("attention", attentionState(width: 160, height: 50)), ("compare", compareState()),
        ]
        for (name, state) in states {
            let ls = state.lesson!
            for (width, height) in [(160, 50), (70, 20)] {
                var buffer = Buffer(width: width, height: height)
                drawDashboard(ls, language: pseudoLanguage, in: buffer.bounds, buffer: &buffer)
                let stray = strayEnglish(buffer, in: dashboardRects(ls, in: buffer.bounds),
                                         data: dataWords([ls.run] + [ls.companion].compactMap { $0 }))
                #expect(stray.isEmpty, "\(name) \(width)×\(height): \(stray)")
            }
        }
        // Not vacuous: the banner and the markers are there, in the pseudo-language.
        var buffer = Buffer(width: 160, height: 50)
        drawDashboard(diverged.lesson!, language: pseudoLanguage, in: buffer.bounds, buffer: &buffer)
        let text = LabTextInAppTests.text(buffer)
        #expect(text.contains(pseudo("Diverged")) && text.contains(pseudo("roll back with lr ÷10")))
        #expect(rolledBack.lesson!.run.events.map { pseudoLanguage.render($0.label) }
                    == [pseudo("lr") + " 0.01→0.03", pseudo("rolled back"), pseudo("lr") + " 0.03→0.001"])
        // The status line's roll-back message is a catalogue sentence too.
        let message = rolledBack.lesson!.message!.text(in: pseudoLanguage)
        #expect(message.hasPrefix(pseudo("rolled back to step")) && strayWords(message, []).isEmpty, "\(message)")
    }

    /// Tables keep their columns when headings are wide: measured in display
    /// columns, so a fullwidth (or Chinese) heading pushes the column, never into it.
    @Test func tablesLineUpWithWideHeadings() {
        var rtrl = panelContext(clippedState(panels: "[loss, rtrl]"))
        rtrl.language = pseudoLanguage
        var buffer = Buffer(width: 90, height: 12)
        RTRLPanel().draw(rtrl, in: buffer.bounds, buffer: &buffer)
        let second = pseudo("parameter").displayWidth + 1  // the first column: its widest cell and a space
        #expect(buffer[second, 1].symbol == "‖" && buffer[second - 1, 1].symbol == " ", "\(LabTextInAppTests.text(buffer))")
        #expect(buffer[second, 2].symbol == "0" && buffer[second - 1, 2].symbol == " ", "\(LabTextInAppTests.text(buffer))")

        var predictions = panelContext(trainedState())
        predictions.language = pseudoLanguage
        buffer = Buffer(width: 60, height: 6)
        PredictionsPanel().draw(predictions, in: buffer.bounds, buffer: &buffer)
        // "ｐｒｅｄ" and "ｔａｒｇｅｔ" are 8 and 12 columns: both rows' symbols start at column 13.
        let start = pseudo("target").displayWidth + 1
        #expect(buffer[start, 1].symbol == "A" && buffer[start, 2].symbol == "A", "\(LabTextInAppTests.text(buffer))")
        #expect(buffer[start - 1, 1].symbol == " " && buffer[start - 1, 2].symbol == " ")
    }

    /// The knob editor's prompt is written in the frame's language (English's "hidden = " has no letters to mark).
    @Test func theKnobPromptIsInTheFramesLanguage() {
        var state = trainedState(running: false)
        state.language = Language(code: "x-prompt", name: "prompt",
                                  texts: pseudoLanguage.texts.merging([.knobs(.prompt): "{knob} ≔ "]) { $1 })
        send(&state, keys(.tab, .enter))
        let text = LabTextInAppTests.text(frame(state))
        #expect(text.contains("learning_rate ≔ 0.03"), "\(text)")
        #expect(!text.contains("learning_rate = "))
    }

    private func strayWords(_ text: String, _ data: Set<String>) -> [String] {
        asciiWords(text).map(\.word).filter { !data.contains($0) }
    }
}
