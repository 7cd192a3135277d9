import Foundation
import LabText
@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// Issue 19 (ux19b): what was still cut at 80×24 and 100×30 — panel headings
/// of the shipped lessons, in English and in Chinese, laid out as the
/// dashboard lays them out.
@Suite struct NarrowTitlesTests {
    /// The shipped lessons in `language`, lesson `index` open with a short fake run
    /// (evaluations and probes), at `width`×`height`.
    static func shippedState(_ index: Int, width: Int, height: Int, chinese: Bool) throws -> AppState {
        var state = try ShippedChineseFrameTests.state(width: width, height: height)
        if !chinese { state.setLanguage(.english) }
        _ = openLesson(&state, index: index)
        let lesson = state.lesson!.lesson
        send(&state, [.trainer(readyEvent(lesson)), .trainer(.running(true)), .tick(seconds: 0)])
        for step in 1...60 {
            send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 20 == 0, probes: step % 5 == 0))),
                          .tick(seconds: Double(step) / 40)])
        }
        return state
    }

    /// Each panel of the open lesson with the rectangle the dashboard gives it.
    static func placed(_ state: AppState) -> [(any DashboardPanel, Rect)] {
        let ls = state.lesson!
        let layout = LessonLayout(width: state.width, height: state.height, lesson: ls.lesson, focus: ls.focus)
        let body = layout.dashboard.inset(top: 1, left: 1)
        return DashboardLayout.place(PanelRegistry.panels(of: ls.lesson), PanelContext(ls, language: state.language), in: body)
    }

    /// The panels whose headings had a shorter form added: in every shipped
    /// lesson, at both sizes and in both languages, the heading drawn fits its
    /// panel whole (before, "accuracy by source len…", "attention: output
    /// step × sou…", "BPTT and RTRL on the live we…", "forecast 6 ahead vs t…").
    @Test(arguments: [(80, 24), (100, 30)], [false, true])
    func headingsFitTheirPanels(size: (Int, Int), chinese: Bool) throws {
        let fixed: Set<PanelKind> = [.accuracyByLength, .attention, .rtrl, .forecast, .metric, .gradientHistory, .hiddenHeatmap,
                                     .cellHeatmap, .gatesHeatmap, .directions, .confusion, .activationStrip, .treeStates]
        var checked = 0
        for index in 0..<16 {
            let state = try Self.shippedState(index, width: size.0, height: size.1, chinese: chinese)
            let context = PanelContext(state.lesson!, language: state.language)
            for (panel, rect) in Self.placed(state) where fixed.contains(panel.id) && rect.width > 0 {
                let heading = panel.heading(context, width: rect.width)
                #expect(heading.displayWidth <= rect.width,
                        "lesson \(index + 1) \(panel.id) at \(size): \"\(heading)\" in \(rect.width) columns")
                checked += 1
            }
            // The gradient norms' heading is its legend entry: "‖∂L/∂h_t‖" stays whole.
            for (panel, rect) in Self.placed(state) where panel.id == .gradientNorms && rect.width > 0 && rect.height >= 5 {
                var buffer = Buffer(width: rect.width, height: rect.height)
                panel.draw(context, in: buffer.bounds, buffer: &buffer)
                let legend = LabTextInAppTests.text(buffer).split(separator: "\n").first.map(String.init) ?? ""
                #expect(legend.contains("‖∂L/∂h_t‖"), "lesson \(index + 1) at \(size): \(legend)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// The longest heading that fits is kept: a wide panel still shows the whole title.
    @Test func wideHeadingKeepsTheWholeTitle() {
        let context = panelContext(attentionState())
        let panel = registered(.attention)
        #expect(panel.heading(context, width: 200) == panel.title(context))
        #expect(panel.heading(context, width: 23) == "attention: out × source")
        #expect(fittingTitle(["a long one", "short"], width: 3) == "short")
    }

    /// The forecast panel at its 80-column width: "truth" and the model's line
    /// stay named whole; the last-value line leaves the legend first (the
    /// errors line above names it). Wide, all three are named.
    @Test func forecastLegendKeepsTruthAndModel() {
        let context = panelContext(practiceState(panels: "[loss, forecast, compare]"))
        func legend(width: Int) -> String {
            var buffer = Buffer(width: width, height: 12)
            registered(.forecast).draw(context, in: buffer.bounds, buffer: &buffer)
            return text(of: buffer, in: buffer.bounds.row(2))
        }
        let narrow = legend(width: 23)
        #expect(narrow.contains("━━ truth") && narrow.contains("━━ model") && !narrow.contains("last"), "\(narrow)")
        let wide = legend(width: 60)
        #expect(wide.contains("━━ truth") && wide.contains("━━ forecast") && wide.contains("━━ last value"), "\(wide)")
    }

    /// The metric panel narrow: the heading loses "(validation)" before it is
    /// cut, and the legend drops the metric's own entry (the heading names it)
    /// before the baseline's.
    @Test func narrowMetricPanelKeepsTheBaselineNamed() {
        let context = panelContext(trainedState())
        var buffer = Buffer(width: 24, height: 10)
        registered(.metric).draw(context, in: buffer.bounds, buffer: &buffer)
        let heading = text(of: buffer, in: buffer.bounds.row(0)), legend = text(of: buffer, in: buffer.bounds.row(1))
        #expect(heading.hasPrefix("accuracy ") && !heading.contains("…") && !heading.contains("validation"), "\(heading)")
        #expect(legend.contains("━━ chance") || legend.contains("━━ baseline"), "\(legend)")
        #expect(!legend.contains("━━ accuracy"), "\(legend)")
    }

    /// A placeholder's note wraps over the panel's rows instead of being cut
    /// at its edge ("v on a check with seeds: each seed's result sh…"); what
    /// the rows cannot hold ends in "…".
    @Test func placeholderNoteWraps() {
        func rows(height: Int) -> [String] {
            var buffer = Buffer(width: 24, height: height)
            drawPlaceholder("seeds", "v on a check with seeds: each seed's result shows here as a dot", in: buffer.bounds, buffer: &buffer)
            return (0..<height).map { text(of: buffer, in: buffer.bounds.row($0)).trimmingCharacters(in: .whitespaces) }
        }
        let tall = rows(height: 5)
        #expect(tall[1] == "v on a check with seeds:" && tall.joined(separator: " ").contains("shows here as a dot"), "\(tall)")
        let short = rows(height: 3)
        #expect(short[1] == "v on a check with seeds:" && short[2].hasSuffix("…") && short[2].hasPrefix("each seed's"), "\(short)")
    }
}
