import RNNEngine

/// What the recurrent layer showed on one step, for one sample (the first of the batch).
public struct ProbeSnapshot: Sendable {
    /// ‖∂L/∂h_t‖ for t = 0…T−1 (first layer, forward direction).
    public var gradientNorms: [Double]
    /// (T, H) hidden states of the last layer's forward direction.
    public var hidden: Tensor
    /// (T, G·H) gate activations, blocks named by `gateNames`.
    public var gates: Tensor
    /// (T, H) LSTM cell states, empty otherwise.
    public var cell: Tensor
    public var gateNames: [String]
    /// ‖∂L/∂θ‖ per parameter.
    public var parameterGradientNorms: [(name: String, norm: Double)]
    /// ρ(W_hh) of the first layer (per gate block for gated cells).
    public var spectralRadii: [Double]
    /// Seq2seq with attention: (U, S) weights of output step u on source step s,
    /// for the first validation example; nil otherwise.
    public var attention: Tensor? = nil
    /// Labels of the attention rows (the decoded output symbols) and columns (the source symbols).
    public var attentionRows: [String] = []
    public var attentionColumns: [String] = []
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
}

/// One step's outcome, posted by the trainer to whoever watches.
public struct StepReport: Sendable {
    public var step: Int
    public var loss: Double
    /// The global gradient norm before clipping.
    public var gradientNorm: Double
    public var clipped: Bool
    /// Set when the loss or a gradient was NaN or infinite: the step was not applied.
    public var divergence: String?
    public var evaluation: Evaluation?
    public var probes: ProbeSnapshot?
    /// A few validation samples: predictions and targets, as text.
    public var samples: [String]
}
