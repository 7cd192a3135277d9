/// The stable name of a probe, apart from any label a screen gives it.
public struct ProbeID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Hidden states of the last layer's forward direction: a grid, H units × T steps.
    public static let hidden = ProbeID(rawValue: "hidden")
    /// Hidden states of the last layer's backward direction (bidirectional layers only),
    /// steps in input order: a grid, H units × T steps.
    public static let hiddenBackward = ProbeID(rawValue: "hidden_backward")
    /// Gate activations: a grid, (G·H) × T, its row groups named by gate.
    public static let gates = ProbeID(rawValue: "gates")
    /// LSTM cell states: a grid, H × T (absent for cells without one).
    public static let cell = ProbeID(rawValue: "cell")
    /// ‖∂L/∂h_t‖ for t = 0…T−1 (first layer, forward direction): a series.
    public static let gradientNorms = ProbeID(rawValue: "gradient_norms")
    /// ‖∂L/∂θ‖ per parameter, in the model's parameter order: a table.
    public static let parameterGradientNorms = ProbeID(rawValue: "parameter_gradient_norms")
    /// ρ(W_hh) of the first layer (per gate block for gated cells): a series.
    public static let spectralRadii = ProbeID(rawValue: "spectral_radii")
    /// Seq2seq attention of the first validation example: a grid, U output steps ×
    /// S source steps, labelled with the decoded and the source symbols.
    public static let attention = ProbeID(rawValue: "attention")
    /// Tasks with a marker input (the adding problem): 1 at the marked steps of the
    /// probed sequence, 0 elsewhere, a series of T, taken with the other probes.
    public static let markedSteps = ProbeID(rawValue: "marked_steps")
}

/// One named number of a table probe.
public struct TableRow: Sendable, Equatable {
    public var name: String
    public var value: Double
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// What a probe recorded, as plain values any screen can draw.
public enum Probe: Sendable, Equatable {
    case grid(Grid)
    case series([Double])
    case table([TableRow])
    /// Class counts whose labels are phrases (class names in the lab's own words).
    case confusion(ConfusionMatrix)

    public var grid: Grid? { if case .grid(let g) = self { g } else { nil } }
    public var series: [Double]? { if case .series(let s) = self { s } else { nil } }
    public var table: [TableRow]? { if case .table(let t) = self { t } else { nil } }
    public var confusion: ConfusionMatrix? { if case .confusion(let m) = self { m } else { nil } }
}

/// The probes taken at one step, by id.
public struct ProbeSet: Sendable, Equatable {
    /// The step the probes were taken at.
    public var step: Int
    public var values: [ProbeID: Probe]

    public init(step: Int, values: [ProbeID: Probe]) {
        self.step = step
        self.values = values
    }

    public subscript(id: ProbeID) -> Probe? {
        get { values[id] }
        set { values[id] = newValue }
    }

    /// Takes every probe of `newer` (and its step), keeping those it lacks.
    public mutating func merge(_ newer: ProbeSet) {
        step = newer.step
        values.merge(newer.values) { _, new in new }
    }

    // MARK: The well-known probes, empty when absent

    /// ‖∂L/∂h_t‖ for t = 0…T−1.
    public var gradientNorms: [Double] { values[.gradientNorms]?.series ?? [] }
    /// Hidden states, units × time.
    public var hidden: Grid { values[.hidden]?.grid ?? .empty }
    /// Gate activations, (gates·units) × time.
    public var gates: Grid { values[.gates]?.grid ?? .empty }
    /// LSTM cell states, units × time.
    public var cell: Grid { values[.cell]?.grid ?? .empty }
    /// The gates of ``gates``, top to bottom.
    public var gateNames: [String] { gates.rowGroups }
    /// ‖∂L/∂θ‖ by parameter name.
    public var parameterGradients: [String: Double] {
        Dictionary((values[.parameterGradientNorms]?.table ?? []).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
    /// Parameter names in the model's order.
    public var parameterOrder: [String] { (values[.parameterGradientNorms]?.table ?? []).map(\.name) }
    /// Attention weights, output steps × source steps.
    public var attention: Grid { values[.attention]?.grid ?? .empty }
    /// The decoded output symbol of each attention row.
    public var attentionRows: [String] { attention.rowLabels }
    /// The source symbol of each attention column.
    public var attentionColumns: [String] { attention.columnLabels }
    /// ρ(W_hh) of the first layer.
    public var spectralRadii: [Double] { values[.spectralRadii]?.series ?? [] }
}
