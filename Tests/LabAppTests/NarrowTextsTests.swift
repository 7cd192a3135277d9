import Foundation
import LabText
@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// Issue 19 (ux19c): the last texts that were cut at 80×24 and 100×30, in the
/// shipped lessons, in English and in Chinese, each panel drawn in the
/// rectangle the dashboard gives it (``NarrowTitlesTests/placed(_:)``).
@Suite struct NarrowTextsTests {
    static let sizes = [(80, 24), (100, 30)]

    /// Lesson `index` of the shipped lessons, its run and (if it has one) its
    /// `compare` run trained 120 fake steps, evaluated every 20 with every task
    /// metric; the lesson's run improves three times as fast, so it meets a
    /// threshold first. `probes` ride on each evaluation of the lesson's run, `companionProbes` on the other's.
    static func trainedState(_ index: Int, width: Int, height: Int, chinese: Bool, probes: [ProbeID: Probe] = [:],
                             companionProbes: [ProbeID: Probe] = [:]) throws -> AppState {
        var state = try ShippedChineseFrameTests.state(width: width, height: height)
        if !chinese { state.setLanguage(.english) }
        _ = openLesson(&state, index: index)
        let lesson = state.lesson!.lesson
        send(&state, [.trainer(readyEvent(lesson)), .trainer(.running(true)), .tick(seconds: 0)])
        if let compare = lesson.compare { send(&state, [.companion(readyEvent(lesson, overrides: compare)), .companion(.running(true))]) }
        for step in 1...120 {
            send(&state, [.trainer(.report(report(step, rate: 1.0 / 80, probes: probes))), .tick(seconds: Double(step) / 40)])
            if lesson.compare != nil { send(&state, [.companion(.report(report(step, rate: 1.0 / 240, probes: companionProbes)))]) }
        }
        return state
    }

    /// A fake step; every 20th evaluates every task metric: shares climb by `rate` a step, losses fall.
    static func report(_ step: Int, rate: Double, probes: [ProbeID: Probe]) -> StepReport {
        var report = fakeReport(step: step, evaluate: step % 20 == 0, probes: step % 5 == 0)
        guard report.evaluation != nil else { return report }
        let s = Double(step), share = min(0.99, 0.25 + s * rate), ce = 1.4 * exp(-s * rate * 2) + 0.05
        report.evaluation!.metrics = [Metric(.accuracy, share), Metric(.crossEntropy, ce), Metric(.bitsPerChar, ce / log(2.0)),
                                      Metric(.exactMatch, share * 0.9), Metric(.mse, ce / 10), Metric(.solved, share)]
        report.evaluation!.probes = probes
        return report
    }

    /// The rows of `panel` drawn in `rect`, as text, a wide character once.
    static func rows(_ panel: any DashboardPanel, _ context: PanelContext, _ rect: Rect) -> [String] {
        var buffer = Buffer(width: rect.width, height: rect.height)
        panel.draw(context, in: buffer.bounds, buffer: &buffer)
        return LabTextInAppTests.text(buffer).components(separatedBy: "\n")
    }

    /// The compare tables of lessons 5–13 keep, whole, the checked metric's
    /// name (or its abbreviation) and each run's value of it, and the step
    /// each run first met the check's threshold (before, at 80×24:
    /// "cell forget_bias param…", the metric and the step off the edge).
    @Test(arguments: sizes, [false, true])
    func compareTablesKeepMetricAndFirstMet(size: (Int, Int), chinese: Bool) throws {
        var checked = 0
        for index in 4...12 {
            let state = try Self.trainedState(index, width: size.0, height: size.1, chinese: chinese)
            let context = PanelContext(state.lesson!, language: state.language)
            guard let (panel, rect) = NarrowTitlesTests.placed(state).first(where: { $0.0.id == .compare }), rect.height >= 4 else { continue }
            let rows = Self.rows(panel, context, rect)
            let where_ = "lesson \(index + 1) at \(size) in \(rect.width) columns:\n\(rows.prefix(4).joined(separator: "\n"))"
            // The heading keeps both runs' values whole, if need be without the settings' names ("gru 0 vs lstm 1").
            #expect(!rows[0].contains("…"), "\(where_)")
            let checks = context.lesson.checks
            let metric = try #require(checkedMetric(context.run, checks: checks))
            let label = context.language.render(metric.kind.labelPhrase)
            let short = ComparePanel.metricAbbreviation(metric.id).map { context.text($0) } ?? label
            #expect(rows[1].contains(label) || rows[1].contains(short), "\(where_)")
            let target = thresholdClauses(for: metric.id.rawValue, checks: checks).first
            if let target {
                #expect(rows[1].contains(context.text(.compareFirstMet, ["condition": .text("\(target.op)\(PanelNumbers.setting(target.value))")])),
                        "\(where_)")
            }
            for (i, run) in [context.run, context.companion!].enumerated() {
                let cells = rows[2 + i].split(separator: " ").map(String.init)
                let value = PanelNumbers.metric(try #require(run.lastMetrics.first { $0.id == metric.id }))
                #expect(cells.contains(value), "\(where_)")
                if let target {
                    let met = firstStep(run.metricHistory[metric.id.rawValue], meeting: target).map { "\($0)" } ?? "–"
                    #expect(cells.last == met, "\(where_)")
                }
                #expect(!rows[2 + i].contains("…"), "\(where_)")
            }
            checked += 1
        }
        #expect(checked >= 8)
    }

    /// Lesson 12 at 80×24 and 100×30: the forecast panel's errors line is whole
    /// ("MSE 713 · last 2011" when "last value" does not fit; before, "MSE 713 ·
    /// last value …"), and the compare plot's legend names its two lines whole,
    /// by their values ("━━ 0 0  ━━ 0.2 0.3") when the settings' names do not fit
    /// (before, "━━ input_dropout 0", the recurrent dropout cut off).
    @Test(arguments: sizes, [false, true])
    func forecastErrorsAndCompareLegendAreWhole(size: (Int, Int), chinese: Bool) throws {
        let state = try Self.trainedState(11, width: size.0, height: size.1, chinese: chinese,
                                          probes: [.forecast: .grid(fakeForecast(step: 120).grid)])
        let context = PanelContext(state.lesson!, language: state.language)
        let placed = NarrowTitlesTests.placed(state)
        let (forecast, forecastRect) = try #require(placed.first { $0.0.id == .forecast })
        let errors = Self.rows(forecast, context, forecastRect)[1]
        #expect(errors.hasPrefix("MSE") && !errors.contains("…"), "\(size): \(errors)")
        let (compare, compareRect) = try #require(placed.first { $0.0.id == .compare })
        let rows = Self.rows(compare, context, compareRect)
        let legend = try #require(rows.first { $0.contains("━━") }, "\(rows.joined(separator: "\n"))")
        #expect(!legend.contains("…") && legend.components(separatedBy: "━━").count == 3, "\(size): \(legend)")
    }

    /// The table narrows step by step, then undoes the steps a later one made
    /// needless: dropping params leaves room for "hidden" and "accuracy" again.
    @Test func aStepALaterOneMadeNeedlessIsUndone() {
        let table = CompareTable(columns: [.init(headers: ["hidden", ""], cells: ["8", "2"], minimum: 5),
                                           .init(headers: ["params"], cells: ["388", "40"], minimum: 6),
                                           .init(headers: ["accuracy", "acc"], cells: ["75%", "50%"], minimum: 6)])
        let steps: [CompareTable.Step] = [.shorten(2), .shorten(0), .drop(1)]
        #expect(table.fitted(width: 22, steps: steps).headerLine == "hidden params accuracy")
        let narrow = table.fitted(width: 16, steps: steps)
        #expect(narrow.headerLine == "hidden accuracy" && narrow.rowLine(0) == "8      75%", "\(narrow.headerLine)")
        // Too narrow for anything but the cells: the names' header is cut, the cells stay whole.
        let noBlank = CompareTable(columns: [.init(headers: ["input_dropout recurrent_dropout"], cells: ["0 0", "0.2 0.3"], minimum: 5),
                                             .init(headers: ["MSE"], cells: ["0.0123", "0.0456"], minimum: 6)])
        let cut = noBlank.fitted(width: 20, steps: [])
        #expect(cut.headerLine == "input_dropou… MSE" && cut.rowLine(1) == "0.2 0.3       0.0456", "\(cut.headerLine)|\(cut.rowLine(1))")
        // Without Unicode the screen spells … as "...": the cut says so itself, so the columns stay put.
        let ascii = noBlank.fitted(width: 20, steps: [], unicode: false)
        #expect(ascii.headerLine == "input_drop... MSE" && ascii.rowLine(1) == cut.rowLine(1), "\(ascii.headerLine)")
    }

    /// Wide, the table keeps every column and the long names.
    @Test func wideCompareTableKeepsEveryColumn() throws {
        let state = try Self.trainedState(4, width: 200, height: 60, chinese: false)
        let context = PanelContext(state.lesson!, language: state.language)
        let (panel, rect) = try #require(NarrowTitlesTests.placed(state).first { $0.0.id == .compare })
        let header = Self.rows(panel, context, rect)[1]
        #expect(header.contains("cell forget_bias") && header.contains("params") && header.contains("step")
                && header.contains("solved") && header.contains(">0.9 at"), "\(header)")
    }

    /// Lesson 16 before its first evaluation: the attention panel's note
    /// wraps whole over its rows (before: "attention appears afte…").
    @Test(arguments: sizes, [false, true])
    func attentionWaitingNoteIsWhole(size: (Int, Int), chinese: Bool) throws {
        var state = try ShippedChineseFrameTests.state(width: size.0, height: size.1)
        if !chinese { state.setLanguage(.english) }
        _ = openLesson(&state, index: 15)
        let context = PanelContext(state.lesson!, language: state.language)
        let (panel, rect) = try #require(NarrowTitlesTests.placed(state).first { $0.0.id == .attention })
        let rows = Self.rows(panel, context, rect).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let note = context.text(.attentionPending)
        let joined = rows.joined(separator: chinese ? "" : " ")
        #expect(joined == note, "\(size): \(rows)")
    }

    /// Lesson 8: the heading and the "▲ depths seen in training" rule fit the
    /// panel whole, in their long or short form.
    @Test(arguments: sizes, [false, true])
    func depthHeadingAndRuleFit(size: (Int, Int), chinese: Bool) throws {
        let state = try Self.trainedState(7, width: size.0, height: size.1, chinese: chinese,
                                          probes: [.accuracyByDepth: .grid(fakeDepths(holds: true))],
                                          companionProbes: [.accuracyByDepth: .grid(fakeDepths(holds: false))])
        let context = PanelContext(state.lesson!, language: state.language)
        let (panel, rect) = try #require(NarrowTitlesTests.placed(state).first { $0.0.id == .accuracyByDepth })
        let rows = Self.rows(panel, context, rect)
        let heading = rows[0].trimmingCharacters(in: .whitespaces)
        #expect(panel.titles(context).contains(heading), "\(size): \(heading)")
        let depth = Int(context.run.settings["depth"]?.number ?? 0)
        let rules = [PanelKey.depthTrained, .depthTrainedShort, .depthTrainedShortest].map { context.text($0, ["depth": .integer(depth)]) }
        if let rule = rows.first(where: { $0.contains("▲") }) {
            #expect(rules.contains(rule.trimmingCharacters(in: .whitespaces)), "\(size): \(rule)")
        }
        // The column heads are whole and tell the runs apart: "tree 1  tree 0", or "1  0" (before: "tre tre").
        let heads = rows[1].split(separator: " ").map(String.init)
        #expect(heads == ["tree", "1", "tree", "0"] || heads == ["1", "0"], "\(size): \(rows[1])")
    }

    /// Lesson 12: the loss-gap lines keep their numbers whole at both sizes
    /// (before, at 80×24: "gap at step 120: +0.0412 (validation ÷ tr…").
    @Test(arguments: sizes, [false, true])
    func lossGapLinesAreWhole(size: (Int, Int), chinese: Bool) throws {
        let state = try Self.trainedState(11, width: size.0, height: size.1, chinese: chinese)
        let context = PanelContext(state.lesson!, language: state.language)
        let (panel, rect) = try #require(NarrowTitlesTests.placed(state).first { $0.0.id == .lossGap })
        let rows = Self.rows(panel, context, rect)
        for (row, run) in [(rows[1], context.run), (rows[2], context.companion!)] {
            let latest = try #require(LossGap(run).points.last)
            #expect(!row.contains("…") && row.contains(PanelNumbers.value(latest.ratio)), "\(size) in \(rect.width): \(row)")
        }
    }

    /// The title bar keeps the lesson's whole title and the checks count
    /// (before, lesson 12 at 100 columns: "… › Forecasting: a baseline first, then rec…").
    @Test(arguments: sizes, [false, true])
    func titleBarKeepsTheTitle(size: (Int, Int), chinese: Bool) throws {
        for index in 0..<16 {
            var state = try ShippedChineseFrameTests.state(width: size.0, height: size.1)
            if !chinese { state.setLanguage(.english) }
            _ = openLesson(&state, index: index)
            let lesson = state.lesson!.lesson
            let bar = (LabTextInAppTests.text(frame(state)).split(separator: "\n").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            let count = state.language(.lesson(.checksCount), ["done": .integer(0), "total": .integer(lesson.checks.count)])
            #expect(bar.contains(lesson.title) && bar.hasSuffix(count), "lesson \(index + 1) at \(size): \(bar)")
        }
    }

    /// "✓ {title}" of a check met, too long for the message line (most check
    /// titles are 100–210 columns): cut after a whole word, ending in "…"
    /// (before: "…gets below half the chance MSE wi…").
    @Test(arguments: sizes, [false, true])
    func checkMetMessageEndsAtAWord(size: (Int, Int), chinese: Bool) throws {
        var state = try ShippedChineseFrameTests.state(width: size.0, height: size.1)
        if !chinese { state.setLanguage(.english) }
        _ = openLesson(&state, index: 2)
        let check = try #require(state.lesson!.lesson.checks.max { $0.title.displayWidth < $1.title.displayWidth })
        state.lesson!.message = StatusMessage(.checkMet, ["title": .text(check.title)])
        let rows = LabTextInAppTests.text(frame(state)).components(separatedBy: "\n")
        let line = rows[size.1 - 2].trimmingCharacters(in: .whitespaces)
        #expect(line.hasPrefix("✓ ") && line.hasSuffix("…"), "\(line)")
        let shown = String(line.dropLast())
        #expect(("✓ " + check.title).hasPrefix(shown), "\(line)")
        if !chinese {
            // The word before "…" is a whole word of the title.
            let next = ("✓ " + check.title).dropFirst(shown.count).first
            #expect(next == " ", "\(line)")
        }
    }

    /// A message that fits is left whole; one that does not keeps whole words.
    @Test func messageLineCutsAtAWord() {
        #expect(messageLine("✓ short", width: 20) == "✓ short")
        #expect(messageLine("✓ one two three four", width: 12) == "✓ one two…")
        #expect(messageLine("abcdefghijklmnop", width: 6) == "abcde…")
    }
}
