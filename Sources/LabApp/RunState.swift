import RNNLab
import TerminalUI

/// A marker on the loss curve: a knob change, a rebuild, a roll-back.
public struct RunEvent: Sendable, Equatable {
    public var step: Int
    public var label: String
    public init(step: Int, label: String) {
        self.step = step
        self.label = label
    }
}

/// The live run of the open lesson, as the trainer reported it.
public struct RunState: Sendable {
    /// The settings in force (from `.ready` and `.changed`).
    public var settings: [String: SettingValue]
    /// Whether the trainer has built the experiment.
    public var isReady = false
    /// Why the experiment could not be built.
    public var failure: String?
    public var isRunning = false
    public var step = 0
    public var parameterCount = 0
    public var baselines: [Baseline] = []
    /// Training loss per step and validation loss per evaluation.
    public var trainLoss = SeriesHistory()
    public var validationLoss = SeriesHistory()
    /// The task's metrics at the last evaluation (the first is the status line's headline).
    public var lastMetrics: [Metric] = []
    /// Each task metric per evaluation, by name.
    public var metricHistory: [String: SeriesHistory] = [:]  // by MetricID.rawValue
    /// The global gradient norm per step (before clipping), and the steps clipped.
    public var gradientNormHistory = SeriesHistory()
    public var clippedSteps = SeriesHistory()
    /// The measurements of the last evaluation (`rtrl_ms_16`, …).
    public var measurements: [Metric] = []
    /// BPTT against RTRL at the last evaluation, for the RTRL panel.
    public var gradientComparison: GradientComparison?
    public var events: [RunEvent] = []
    public var probes: ProbeView?
    public var samples: [String] = []
    /// The numbers checks are judged on.
    public var metrics = RunMetrics()
    /// The divergence message while the banner is up.
    public var divergence: String?
    /// Check ids whose settings have held for the whole run so far.
    public var eligibleChecks: Set<String> = []
    /// Check ids met in this run.
    public var passedChecks: Set<String> = []
    /// Check ids already judged at their end step in this run (`when: end`).
    public var judgedChecks: Set<String> = []
    /// A rebuild marker waiting for the `.ready` that follows the change.
    public var pendingRebuildLabel: String?
    public var rate = StepRate()
    /// Last clock reading, for ``rate``.
    public var clock = 0.0

    public init(settings: [String: SettingValue]) { self.settings = settings }

    /// Back to the last good step after a divergence: every curve loses the points after it.
    public mutating func rollBack(to step: Int) {
        divergence = nil
        self.step = step
        for series in [\RunState.trainLoss, \.validationLoss, \.gradientNormHistory, \.clippedSteps] {
            self[keyPath: series].truncate(after: Double(step))
        }
        for name in metricHistory.keys { metricHistory[name]!.truncate(after: Double(step)) }
    }

    /// Starts the curves again (a rebuild or reset).
    public mutating func restart(info: ExperimentInfo) {
        settings = info.settings
        parameterCount = info.parameterCount
        baselines = info.baselines
        isReady = true
        failure = nil
        step = 0
        trainLoss.removeAll()
        validationLoss.removeAll()
        lastMetrics = []
        metricHistory = [:]
        gradientNormHistory.removeAll()
        clippedSteps.removeAll()
        measurements = []
        gradientComparison = nil
        events = []
        probes = nil
        samples = []
        metrics = RunMetrics(baselines: info.baselines)
        divergence = nil
        passedChecks = []
        judgedChecks = []
        rate.reset()
        if let label = pendingRebuildLabel { events.append(RunEvent(step: 0, label: label)) }
        pendingRebuildLabel = nil
    }

    /// The best baseline of the metric the loss is measured in (cross-entropy
    /// for classes, MSE for regression): the reference line of the loss plot.
    public var lossBaseline: (name: String, value: Double)? {
        var best: (String, Double)?
        for b in baselines {
            for m in b.metrics where m.id == .crossEntropy || m.id == .mse {
                if best == nil || m.value < best!.1 { best = (b.name, m.value) }
            }
        }
        return best
    }

    /// The best baseline value of a metric, by id (higher or lower as the metric prefers).
    public func baseline(_ metric: String) -> Double? {
        var best: Double?
        for b in baselines {
            for m in b.metrics where m.id.rawValue == metric {
                best = best.map { m.lowerIsBetter ? min($0, m.value) : max($0, m.value) } ?? m.value
            }
        }
        return best
    }
}
