import Foundation
@testable import LabApp
import LabText
import RNNLab
import TerminalUI
import Testing

/// What narrow dashboards keep readable (review A15, B2): the spectral radius
/// before the legend's long name, the value before "(validation)", "chance"
/// at the head of a baseline's name, and lesson 3's solved fraction.
@Suite struct DashboardWordingTests {
    static let library = LessonLibrary.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons"))

    /// Lesson 3 names mse and solved in its checks; its prose and hint describe
    /// the solved fraction, so that is the metric panel's.
    @Test func lessonThreeShowsTheSolvedFraction() throws {
        let lesson = try #require(Self.library.lessons.first { $0.id == "vanishing-exploding" })
        var run = RunState(settings: [:])
        run.lastMetrics = [Metric(.mse, 0.17), Metric(.rmse, 0.41), Metric(.mae, 0.3), Metric(.solved, 0.12)]
        #expect(checkedMetric(run, checks: lesson.checks)?.id == MetricKind.solved.id)
        // A lesson whose checks name only mse keeps mse.
        let forecast = try #require(Self.library.lessons.first { $0.id == "forecasting-dropout" })
        #expect(checkedMetric(run, checks: forecast.checks)?.id == MetricKind.mse.id)
    }

    @Test func shortTitlesPutTheNumbersFirst() throws {
        let radius = try Language.english.format(.gate(.radiusOfMatrix), ["title": "‖∂L/∂h_t‖ by t", "matrix": "W_hh", "radius": "0.53"])
        #expect(radius.hasPrefix("ρ(W_hh) 0.53"))
        let zh = try Language.chinese.format(.gate(.radiusOfMatrix), ["title": "‖∂L/∂h_t‖ 随 t", "matrix": "W_hh", "radius": "0.53"])
        #expect(zh.hasPrefix("ρ(W_hh) 0.53"))
        #expect(try Language.english.format(.panel(.metricTitle), ["metric": "MSE", "value": "0.172"]) == "MSE 0.172 (validation)")
        #expect(try Language.english.format(.panel(.chanceLine), [:]) == "chance")
    }

    /// The ‖∂L/∂h_t‖ readout names the panel once, not again as its series.
    @Test func theGradientReadoutDoesNotRepeatItsLegend() {
        var state = trainedState(width: 100, height: 30, steps: 120, running: false)
        send(&state, keys(.character("i"), .tab))
        #expect(state.lesson!.inspect?.panel == .gradientNorms)
        let line = InspectTests.messageLine(state)
        let title = Language.english.render(Phrase(.panel(.gradientNormsTitle)))
        #expect(line.hasPrefix(title + ": t 11: "), "\(line)")
        #expect(line.components(separatedBy: title).count == 2 && !line.contains("ρ("), "\(line)")
    }
}
