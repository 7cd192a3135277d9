import RNNLab
import RNNEngine

/// A grid of numbers row by row, for a heatmap: units × time steps.
public struct Grid: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The (T, H) matrix `values` turned into an H × T grid (units down, time across).
    public static func unitsByTime(timeSteps t: Int, units h: Int, _ values: [Double]) -> Grid {
        guard t > 0, h > 0, values.count >= t * h else { return Grid(rows: 0, columns: 0, values: []) }
        var out = [Double](repeating: 0, count: t * h)
        for step in 0..<t {
            for unit in 0..<h { out[unit * t + step] = values[step * h + unit] }
        }
        return Grid(rows: h, columns: t, values: out)
    }

    /// The (U, S) attention matrix as a U × S grid (output steps down, source steps across).
    static func outputBySource(_ weights: Tensor) -> Grid {
        let shape = weights.shape
        guard shape.count == 2, shape[0] > 0, shape[1] > 0, weights.count >= shape[0] * shape[1] else {
            return Grid(rows: 0, columns: 0, values: [])
        }
        return Grid(rows: shape[0], columns: shape[1], values: Array(weights.doubles.prefix(shape[0] * shape[1])))
    }
}

/// What the dashboard shows of a step's probes, as plain numbers.
public struct ProbeView: Sendable, Equatable {
    /// The step the probes were taken at.
    public var step: Int
    /// ‖∂L/∂h_t‖ for t = 0…T−1.
    public var gradientNorms: [Double]
    /// Hidden states, units × time.
    public var hidden: Grid
    /// Gate activations, (gates·units) × time.
    public var gates: Grid
    /// LSTM cell states, units × time (empty otherwise).
    public var cell: Grid
    public var gateNames: [String]
    /// ‖∂L/∂θ‖ per parameter.
    public var parameterGradients: [String: Double]
    public var parameterOrder: [String]
    /// Seq2seq attention weights, output steps × source steps (empty without attention).
    public var attention: Grid
    /// The decoded output symbol of each attention row.
    public var attentionRows: [String]
    /// The source symbol of each attention column.
    public var attentionColumns: [String]
    /// ρ(W_hh) of the first layer (per gate block for gated cells).
    public var spectralRadii: [Double]

    public init(step: Int, gradientNorms: [Double], hidden: Grid, gates: Grid = Grid(rows: 0, columns: 0, values: []),
                cell: Grid = Grid(rows: 0, columns: 0, values: []), gateNames: [String] = [],
                parameterGradients: [(String, Double)] = [],
                attention: Grid = Grid(rows: 0, columns: 0, values: []), attentionRows: [String] = [],
                attentionColumns: [String] = [], spectralRadii: [Double] = []) {
        self.step = step
        self.gradientNorms = gradientNorms
        self.hidden = hidden
        self.gates = gates
        self.cell = cell
        self.gateNames = gateNames
        self.parameterGradients = Dictionary(parameterGradients, uniquingKeysWith: { a, _ in a })
        self.parameterOrder = parameterGradients.map(\.0)
        self.attention = attention
        self.attentionRows = attentionRows
        self.attentionColumns = attentionColumns
        self.spectralRadii = spectralRadii
    }

    /// Converts a trainer snapshot.
    public init(step: Int, _ p: ProbeSnapshot) {
        func grid(_ shape: [Int], _ values: [Double]) -> Grid {
            shape.count == 2 ? Grid.unitsByTime(timeSteps: shape[0], units: shape[1], values) : Grid(rows: 0, columns: 0, values: [])
        }
        self.init(step: step, gradientNorms: p.gradientNorms,
                  hidden: grid(p.hidden.shape, p.hidden.count > 0 ? p.hidden.doubles : []),
                  gates: grid(p.gates.shape, p.gates.count > 0 ? p.gates.doubles : []),
                  cell: grid(p.cell.shape, p.cell.count > 0 ? p.cell.doubles : []),
                  gateNames: p.gateNames,
                  parameterGradients: p.parameterGradientNorms.map { ($0.name, $0.norm) },
                  attention: p.attention.map(Grid.outputBySource) ?? Grid(rows: 0, columns: 0, values: []),
                  attentionRows: p.attentionRows, attentionColumns: p.attentionColumns, spectralRadii: p.spectralRadii)
    }
}
