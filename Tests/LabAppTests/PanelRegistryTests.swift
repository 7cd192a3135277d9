@testable import LabApp
@testable import RNNLab
import TerminalUI
import Testing

/// The registry is the one list of panels: every name a lesson may use has
/// exactly one panel, and what panels need reaches the experiment.
@Suite struct PanelRegistryTests {
    @Test func everyPanelNameHasExactlyOnePanel() {
        let ids = PanelRegistry.all.map(\.id.rawValue)
        #expect(ids.sorted() == PanelKind.allCases.map(\.rawValue).sorted())
        #expect(Set(ids).count == ids.count)
        for kind in PanelKind.allCases { #expect(PanelRegistry.panel(kind)?.id == kind) }
    }

    @Test func aLessonWithoutPanelsShowsTheLossAndGradientNorms() {
        var lesson = fixtureLesson()
        lesson.panels = []
        #expect(PanelRegistry.panels(of: lesson).map(\.id) == [.loss, .gradientNorms])
    }

    @Test func theRTRLPanelAsksForItsMeasurementsOnlyWhenShown() {
        let plain = clippedState(panels: "[loss, gradient_history, metric]").lesson!
        #expect(plain.measurements == ["accuracy"])
        #expect(plain.lesson.measurementNames == ["accuracy"])
        let rtrl = clippedState(panels: "[loss, rtrl]").lesson!
        #expect(rtrl.measurements == ["accuracy", "rtrl_difference", "rtrl_mac_growth", "rtrl_growth"])
        // The lesson model itself knows only its checks' metrics.
        #expect(rtrl.lesson.measurementNames == ["accuracy"])
    }

    @Test func probePanelsNameTheProbesTheyRead() {
        var state = fixtureState()
        send(&state, keys(.enter))
        #expect(state.lesson!.probes == [.gradientNorms, .spectralRadii, .hidden])
        #expect(registered(.attention).probes == [.attention])
        #expect(registered(.loss).probes.isEmpty && registered(.metric).probes.isEmpty)
    }

    @Test func titlesNameWhatEachPanelShows() {
        let trained = panelContext(trainedState())
        #expect(registered(.hiddenHeatmap).title(trained) == "hidden h_t: units × t (step 120)")
        #expect(registered(.gradientNorms).title(trained) == "‖∂L/∂h_t‖ by t")
        let clipped = panelContext(clippedState())
        #expect(registered(.gradientHistory).title(clipped) == "clip_norm 0.5 · ‖∂L/∂θ‖ by step")
        #expect(registered(.metric).title(clipped) == "accuracy 75% (validation)")
        #expect(registered(.compare).title(panelContext(compareState())) == "hidden 8 vs 2, side by side")
        #expect(registered(.compare).title(trained) == "side by side")
    }
}
