import LabText
import RNNLab
import TerminalUI

/// A marker on the loss curve: a knob change, a rebuild, a roll-back. Its
/// label is a phrase, written in the language of the frame that draws it.
public struct RunEvent: Sendable, Equatable {
    public var step: Int
    public var label: Phrase
    /// Whether the change rebuilt the model (drawn in its own style).
    public var isRebuild: Bool
    /// For a live knob change: the knob, its old and its new value (as shown),
    /// so that quick changes of one knob can be drawn as one chain.
    public var change: KnobChange?
    public init(step: Int, label: Phrase, isRebuild: Bool = false, change: KnobChange? = nil) {
        self.step = step
        self.label = label
        self.isRebuild = isRebuild
        self.change = change
    }
}

/// A knob going from one value to another, as a loss-plot mark shows it.
public struct KnobChange: Sendable, Equatable {
    public var setting: String
    public var old: String
    public var value: String
    public init(setting: String, old: String, value: String) {
        self.setting = setting
        self.old = old
        self.value = value
    }
}

/// Where a run diverged, and what became NaN or infinite.
public struct RunDivergence: Sendable, Equatable {
    public var step: Int
    public var cause: Divergence
    public init(step: Int, cause: Divergence) {
        self.step = step
        self.cause = cause
    }
}

/// What one build of the experiment has produced so far: curves, the latest
/// probes and samples, the numbers checks are judged on. A rebuild or reset
/// replaces it with a fresh value (``RunState/restart(info:)``); a roll-back
/// trims every curve (``truncate(after:)``).
public struct RunData: Sendable {
    public var step = 0
    public var parameterCount = 0
    public var baselines: [Baseline] = []
    /// Training loss per step and validation loss per evaluation.
    public var trainLoss = SeriesHistory()
    public var validationLoss = SeriesHistory()
    /// The task's metrics at the last evaluation (the first is the status line's headline).
    public var lastMetrics: [Metric] = []
    /// Each task metric per evaluation, by metric id.
    public var metricHistory: [String: SeriesHistory] = [:]  // by MetricID.rawValue
    /// The global gradient norm per step (before clipping), and the steps clipped.
    public var gradientNormHistory = SeriesHistory()
    public var clippedSteps = SeriesHistory()
    /// The measurements of the last evaluation (`rtrl_ms_16`, …).
    public var measurements: [Metric] = []
    /// BPTT against RTRL at the last evaluation, for the RTRL panel.
    public var gradientComparison: GradientComparison?
    public var events: [RunEvent] = []
    /// The latest value of every probe, by id (each kept until a newer one comes).
    public var probes: ProbeView?
    /// Validation samples of the last evaluation.
    public var samples: [SampleRow] = []
    /// The numbers checks are judged on.
    public var metrics = RunMetrics()
    /// Set while the divergence banner is up.
    public var diverged: RunDivergence?
    /// The lesson's checks judged on this build, as `rnnlab verify` judges them.
    public var checks = LiveChecks()
    public var rate = StepRate()
    /// Seconds this build has spent training (while running, by the clock's ticks).
    public var trainingSeconds = 0.0

    public init() {}

    /// The data of a freshly built experiment.
    public init(info: ExperimentInfo) {
        parameterCount = info.parameterCount
        baselines = info.baselines
        metrics = RunMetrics(baselines: info.baselines)
    }

    /// Every curve, for trimming after a roll-back.
    private static var curves: [WritableKeyPath<RunData, SeriesHistory>] { [\.trainLoss, \.validationLoss, \.gradientNormHistory, \.clippedSteps] }

    /// Drops every curve's points after `step`, metric histories included.
    public mutating func truncate(after step: Int) {
        for curve in Self.curves { self[keyPath: curve].truncate(after: Double(step)) }
        for name in metricHistory.keys { metricHistory[name]!.truncate(after: Double(step)) }
    }

    /// Adds a step report: the curves, the latest probes (merged by id), samples and metrics.
    public mutating func record(_ report: StepReport) {
        step = report.step
        trainLoss.append(step: Double(report.step), value: report.loss)
        gradientNormHistory.append(step: Double(report.step), value: report.gradientNorm)
        if report.clipped { clippedSteps.append(step: Double(report.step), value: report.gradientNorm) }
        if let e = report.evaluation {
            validationLoss.append(step: Double(report.step), value: e.loss)
            lastMetrics = e.metrics
            for m in e.metrics { metricHistory[m.id.rawValue, default: SeriesHistory(capacity: 500)].append(step: Double(report.step), value: m.value) }
            if !e.measurements.isEmpty { measurements = e.measurements }
            if let c = e.gradientComparison { gradientComparison = c }
            if !e.probes.isEmpty {
                let p = ProbeSet(step: report.step, values: e.probes)
                if probes == nil { probes = p } else { probes!.merge(p) }
            }
        }
        if let p = report.probes {
            if probes == nil { probes = p } else { probes!.merge(p) }
        }
        if !report.samples.isEmpty { samples = report.samples }
        metrics.record(report)
    }
}

/// The live run of the open lesson (or of its compare run), as the trainer
/// reported it: the settings and the trainer's state, and the ``RunData`` of
/// the current build, whose fields read as the run's own (`run.trainLoss`).
@dynamicMemberLookup
public struct RunState: Sendable {
    /// The settings in force (from `.ready` and `.changed`).
    public var settings: [String: SettingValue]
    /// Whether the trainer has built the experiment.
    public var isReady = false
    /// Why the experiment could not be built.
    public var failure: Phrase?
    public var isRunning = false
    /// What this build has produced.
    public var data = RunData()
    /// A rebuild marker waiting for the `.ready` that follows the change.
    public var pendingRebuildLabel: Phrase?
    /// Last clock reading, for ``RunData/rate``.
    public var clock = 0.0

    public init(settings: [String: SettingValue]) { self.settings = settings }

    public subscript<T>(dynamicMember field: WritableKeyPath<RunData, T>) -> T {
        get { data[keyPath: field] }
        set { data[keyPath: field] = newValue }
    }

    /// Check ids whose settings have held for the whole run so far.
    public var eligibleChecks: Set<String> { data.checks.eligible }
    /// Check ids met in this run.
    public var passedChecks: Set<String> { data.checks.passed }
    /// Check ids this run was judged on and did not meet.
    public var failedChecks: Set<String> { data.checks.failed }

    /// What the divergence banner says, while it is up.
    public var divergence: Phrase? { data.diverged.map { $0.cause.describe(atStep: $0.step) } }

    /// Back to the last good step after a divergence: every curve loses the points after it.
    public mutating func rollBack(to step: Int) {
        data.diverged = nil
        data.step = step
        data.truncate(after: step)
    }

    /// Starts the curves again (a rebuild or reset).
    public mutating func restart(info: ExperimentInfo) {
        settings = info.settings
        isReady = true
        failure = nil
        data = RunData(info: info)
        if let label = pendingRebuildLabel { data.events.append(RunEvent(step: 0, label: label, isRebuild: true)) }
        pendingRebuildLabel = nil
    }

    /// The best baseline of the metric the loss is measured in (cross-entropy
    /// for classes, MSE for regression): the reference line of the loss plot.
    public var lossBaseline: (name: Phrase, value: Double)? {
        var best: (Phrase, Double)?
        for b in data.baselines {
            for m in b.metrics where m.id == .crossEntropy || m.id == .mse {
                if best == nil || m.value < best!.1 { best = (b.name, m.value) }
            }
        }
        return best
    }

    /// The best baseline value of a metric, by id (higher or lower as the metric prefers).
    public func baseline(_ metric: String) -> Double? {
        var best: Double?
        for b in data.baselines {
            for m in b.metrics where m.id.rawValue == metric {
                best = best.map { m.lowerIsBetter ? min($0, m.value) : max($0, m.value) } ?? m.value
            }
        }
        return best
    }
}
