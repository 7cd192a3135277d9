import LabText

/// Why a step was not applied: the loss or the global gradient norm became NaN or
/// infinite (with that value), or the update made a weight NaN or infinite.
public enum Divergence: Sendable, Equatable {
    case loss(Double)
    case gradient(Double)
    case weights
}

extension Divergence {
    /// "at step 81 the loss became NaN": what the banner and the command line say.
    public func describe(atStep step: Int) -> Phrase {
        switch self {
        case .loss(let v): return Phrase(.run(.lossDiverged), ["step": .integer(step), "value": .text(NumberFormat.compact(v))])
        case .gradient(let v): return Phrase(.run(.gradientDiverged), ["step": .integer(step), "value": .text(NumberFormat.compact(v))])
        case .weights: return Phrase(.run(.weightsDiverged), ["step": .integer(step)])
        }
    }
}

/// A validation pass: the loss and the task's metrics, beside its baselines.
public struct Evaluation: Sendable {
    public var step: Int
    public var loss: Double
    public var metrics: [Metric]
    /// What the experiment was asked to measure besides the task's metrics
    /// (`Experiment.measurements`), e.g. `rtrl_difference`.
    public var measurements: [Metric] = []
    /// BPTT against RTRL on the live weights, when `rtrl_difference` was measured.
    public var gradientComparison: GradientComparison? = nil
    /// The probe measurements asked for (`ProbeMeasurement`), e.g. `connectivity`.
    public var probes: [ProbeID: Probe] = [:]

    public init(step: Int, loss: Double, metrics: [Metric], measurements: [Metric] = [],
                gradientComparison: GradientComparison? = nil) {
        self.step = step
        self.loss = loss
        self.metrics = metrics
        self.measurements = measurements
        self.gradientComparison = gradientComparison
    }
}

/// One step's outcome, posted by the trainer to whoever watches: numbers, tokens
/// and probe values, never text for the screen.
public struct StepReport: Sendable {
    public var step: Int
    public var loss: Double
    /// The global gradient norm before clipping.
    public var gradientNorm: Double
    public var clipped: Bool
    /// Set when the loss or a gradient was NaN or infinite: the step was not applied.
    public var divergence: Divergence?
    public var evaluation: Evaluation?
    public var probes: ProbeSet?
    /// A few validation examples, at evaluations.
    public var samples: [SampleRow]

    public init(step: Int, loss: Double, gradientNorm: Double, clipped: Bool = false, divergence: Divergence? = nil,
                evaluation: Evaluation? = nil, probes: ProbeSet? = nil, samples: [SampleRow] = []) {
        self.step = step
        self.loss = loss
        self.gradientNorm = gradientNorm
        self.clipped = clipped
        self.divergence = divergence
        self.evaluation = evaluation
        self.probes = probes
        self.samples = samples
    }
}
