import RNNLab

/// Every dashboard panel, by the name lesson files use. A new panel is a file
/// in `Panels/`, one line here and its name in `PanelKind`; its texts are
/// cases of `PanelKey` with their English in `English+Dashboard.swift` (each
/// language's table is one file, so translators never open a panel's code).
enum PanelRegistry {
    static let all: [any DashboardPanel] = [
        LossPanel(),
        GradientNormsPanel(),
        HiddenHeatmapPanel(),
        GatesHeatmapPanel(),
        CellHeatmapPanel(),
        PredictionsPanel(),
        ParameterGradientsPanel(),
        AttentionPanel(),
        GradientHistoryPanel(),
        MetricPanel(),
        RTRLPanel(),
        ComparePanel(),
        AccuracyByLengthPanel(),
        TreeStatesPanel(),
        ForecastPanel(),
        LossGapPanel(),
        ConfusionPanel(),
        SeedDotsPanel(),
        TextSamplesPanel(),
        ActivationStripPanel(),
        RowReadingPanel(),
        DirectionsPanel(),
        DepthAccuracyPanel(),
    ]

    /// The panels of a lesson that lists none.
    static let defaultPanels: [PanelKind] = [.loss, .gradientNorms]

    private static let byID: [PanelKind: any DashboardPanel] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The panel registered under `id`.
    static func panel(_ id: PanelKind) -> (any DashboardPanel)? { byID[id] }

    /// The panels `lesson` shows, in its order.
    static func panels(of lesson: Lesson) -> [any DashboardPanel] {
        (lesson.panels.isEmpty ? defaultPanels : lesson.panels).compactMap(panel)
    }
}

extension LessonState {
    /// What the experiment must measure at each evaluation: the metrics the
    /// lesson's checks name and what its panels need.
    public var measurements: Set<String> {
        PanelRegistry.panels(of: lesson).reduce(lesson.measurementNames) { $0.union($1.measurements) }
    }

    /// The trainer probes the lesson's panels read.
    var probes: Set<ProbeID> {
        PanelRegistry.panels(of: lesson).reduce([]) { $0.union($1.probes) }
    }
}
