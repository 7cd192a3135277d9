import Foundation
@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// Issue 19 (ux19b): the metric panel reads an MSE that falls over orders of
/// magnitude on a log axis, as the loss plot does; shares and narrow ranges stay linear.
@Suite struct MetricScaleTests {
    static let library = LessonLibrary.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons"))

    /// The forecasting lesson (its checks name mse) with a run whose mse took `values` at steps 100, 200, …
    func plot(_ kind: MetricKind, _ values: [Double]) throws -> LinePlot? {
        let lesson = try #require(Self.library.lessons.first { $0.id == "forecasting-dropout" })
        var run = RunState(settings: [:])
        run.lastMetrics = [Metric(kind, values.last!)]
        var history = SeriesHistory(capacity: 500)
        for (i, v) in values.enumerated() { history.append(step: Double(100 * (i + 1)), value: v) }
        run.metricHistory[kind.id.rawValue] = history
        return MetricPanel().plot(PanelContext(lesson: lesson, run: run, language: .english), width: 48)
    }

    @Test func mseFallingByDecadesIsOnALogAxis() throws {
        #expect(try plot(.mse, [120, 30, 4, 0.9, 0.2])?.yScale == .log)
        // A blow-up beside a small value: the small one still reads.
        #expect(try plot(.mse, [0.17, 1.4e14, 0.18])?.yScale == .log)
    }

    @Test func narrowRangesSharesAndNonPositiveValuesStayLinear() throws {
        #expect(try plot(.mse, [3.5, 3.4, 3.3, 3.25])?.yScale == .linear)
        #expect(try plot(.mse, [4, 2, 0])?.yScale == .linear)
        // A share keeps its fixed 0…1 axis, even from 1% to 90%.
        #expect(try plot(.accuracy, [0.01, 0.2, 0.9])?.yScale == .linear)
        #expect(MetricPanel.scale(of: [PlotSeries(name: "a", values: [0.01, 0.5, 0.9], color: .cyan)]) == .log)
        #expect(MetricPanel.scale(of: [PlotSeries(name: "a", values: [.nan, 2, 30], color: .cyan)]) == .log)
        #expect(MetricPanel.scale(of: []) == .linear)
    }
}
