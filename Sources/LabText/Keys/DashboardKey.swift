/// The live dashboard around the panels: the run's status line, the build
/// and divergence notices, roll-backs, and the markers on the loss curve.
public enum DashboardKey: String, CaseIterable, Sendable {
    case running
    case paused
    case diverged
    /// The run's state as its symbol alone, for a status line too narrow for the words.
    case runningShort
    case pausedShort
    case divergedShort
    /// Labels of the status line, each before its value.
    case step
    case loss
    /// The status line's short name for accuracy.
    case accuracy
    case rate
    case building
    case buildFailed
    case bannerTitle
    case bannerText
    case bannerRollBack
    case bannerLowerRate
    /// Status messages after the trainer rolled back.
    case rolledBack
    case rolledBackLowered
    /// The learning rate was already at the bottom of the lesson's range.
    case rolledBackAtFloor
    /// Markers on the loss curve.
    case eventChanged
    case eventRebuilt
    case eventRolledBack
    /// Short setting names for the markers.
    case shortLearningRate
    case shortOptimizer
    case shortWeightDecay

    public var placeholders: Set<String> {
        switch self {
        case .rate: return ["rate"]
        case .buildFailed: return ["reason"]
        case .bannerText: return ["cause"]
        case .rolledBack: return ["step"]
        case .rolledBackLowered, .rolledBackAtFloor: return ["step", "rate"]
        case .eventChanged, .eventRebuilt: return ["setting", "old", "value"]
        default: return []
        }
    }
}
