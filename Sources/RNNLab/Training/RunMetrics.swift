/// The numbers a check's condition may name, from the reports of a run, keyed by
/// `MetricID.rawValue`.
///
/// The run's own (`RunMetrics.kinds`): `loss` (the last training loss),
/// `validation_loss`, `grad_norm` (global, before clipping), `grad_first` and
/// `grad_last` (‖∂L/∂h_t‖ at the first and last step), `grad_ratio` (first over
/// last; from the last probe whose norms were all finite), `diverged` (1 once a
/// step was NaN or infinite), `clipped_fraction`, `step`, `parameters` and
/// `recurrent_parameters` (the model's and its recurrent layer's). Then the task's
/// metrics by id (`mse`, `solved`, `accuracy`, `cross_entropy`, `exact_match`,
/// `bits_per_char`, …), each baseline as `baseline_<id>` (the best over the task's
/// baselines), and the measurements the experiment was asked for (`Measurements`).
/// A check adds `reached`/`reached_at` (with `until`), `runs` (with seeds) and
/// `versus_<id>` (with versus): see `CheckVocabulary`.
public struct RunMetrics: Sendable {
    public private(set) var values: [String: Double] = [RunMetrics.diverged.id.rawValue: 0]
    private var clippedSteps = 0
    private var steps = 0

    public static let loss = MetricKind(MetricID("loss"), label: .loss, lowerIsBetter: true)
    public static let validationLoss = MetricKind(MetricID("validation_loss"), label: .validationLoss, lowerIsBetter: true)
    public static let gradNorm = MetricKind(MetricID("grad_norm"), label: .gradientNorm, lowerIsBetter: true, range: MetricKind.nonNegative)
    public static let gradFirst = MetricKind(MetricID("grad_first"), label: .gradientFirst, lowerIsBetter: false, range: MetricKind.nonNegative)
    public static let gradLast = MetricKind(MetricID("grad_last"), label: .gradientLast, lowerIsBetter: false, range: MetricKind.nonNegative)
    public static let gradRatio = MetricKind(MetricID("grad_ratio"), label: .gradientRatio, lowerIsBetter: false,
                                             range: 0...Double.infinity)
    public static let diverged = MetricKind(MetricID("diverged"), label: .diverged, lowerIsBetter: true, range: 0...1)
    public static let clippedFraction = MetricKind(MetricID("clipped_fraction"), label: .clippedSteps, lowerIsBetter: true,
                                                   range: 0...1, isFraction: true)
    public static let step = MetricKind(MetricID("step"), label: .step, lowerIsBetter: false, range: MetricKind.nonNegative)
    public static let parameters = MetricKind(MetricID("parameters"), label: .parameters, lowerIsBetter: true, range: MetricKind.nonNegative)
    public static let recurrentParameters = MetricKind(MetricID("recurrent_parameters"), label: .recurrentParameters,
                                                       lowerIsBetter: true, range: MetricKind.nonNegative)

    /// Every metric a run records besides the task's and the measurements.
    public static let kinds: [MetricKind] = [loss, validationLoss, gradNorm, gradFirst, gradLast, gradRatio, diverged,
                                             clippedFraction, step, parameters, recurrentParameters]

    public init(baselines: [Baseline] = []) {
        for b in baselines {
            for m in b.metrics {
                let key = m.id.baseline
                let old = values[key]
                values[key] = old.map { m.lowerIsBetter ? min($0, m.value) : max($0, m.value) } ?? m.value
            }
        }
    }

    private mutating func set(_ kind: MetricKind, _ value: Double) { values[kind.id.rawValue] = value }

    /// The model's size, known before the first step.
    public mutating func setModel(parameters: Int, recurrentParameters: Int) {
        set(Self.parameters, Double(parameters))
        set(Self.recurrentParameters, Double(recurrentParameters))
    }

    public mutating func record(_ r: StepReport) {
        steps += 1
        if r.clipped { clippedSteps += 1 }
        set(Self.step, Double(r.step))
        set(Self.loss, r.loss)
        set(Self.gradNorm, r.gradientNorm)
        set(Self.clippedFraction, Double(clippedSteps) / Double(steps))
        if r.divergence != nil { set(Self.diverged, 1) }
        if let p = r.probes, let first = p.gradientNorms.first, let last = p.gradientNorms.last,
           p.gradientNorms.allSatisfy(\.isFinite) {
            set(Self.gradFirst, first)
            set(Self.gradLast, last)
            set(Self.gradRatio, last > 0 ? first / last : (first > 0 ? .infinity : 0))
        }
        if let e = r.evaluation {
            set(Self.validationLoss, e.loss)
            for m in e.metrics + e.measurements { values[m.id.rawValue] = m.value }
        }
    }
}
