/// The recurrent cells, with PyTorch's gate order and equations.
///
///   RNN:  h′ = act(W_ih x + b_ih + W_hh h + b_hh), act = tanh or relu
///   LSTM: i, f, g, o = σ, σ, tanh, σ of (W_ih x + b_ih + W_hh h + b_hh), split in 4
///         c′ = f ⊙ c + i ⊙ g;  h′ = o ⊙ tanh(c′)
///   GRU:  r, z = σ of (W_i· x + b_i· + W_h· h + b_h·);
///         n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn));  h′ = (1 − z) ⊙ n + z ⊙ h
public enum CellKind: String, Sendable, CaseIterable, Codable {
    case rnnTanh = "rnn_tanh"
    case rnnReLU = "rnn_relu"
    case lstm
    case gru

    /// How many H-sized blocks W_ih and W_hh stack: 1, 4 (i, f, g, o) or 3 (r, z, n).
    public var gateCount: Int {
        switch self {
        case .rnnTanh, .rnnReLU: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    /// The gate names in weight order, for probes and panels.
    public var gateNames: [String] {
        switch self {
        case .rnnTanh, .rnnReLU: return []
        case .lstm: return ["input", "forget", "cell", "output"]
        case .gru: return ["reset", "update", "new"]
        }
    }

    /// Values saved per step and row for the backward pass, in units of H:
    /// LSTM keeps i, f, g, o and tanh(c′); GRU keeps r, z, n and W_hn h + b_hn;
    /// the RNN needs only h. The gates come first, so probes read G·H values.
    var savedBlocks: Int {
        switch self {
        case .rnnTanh, .rnnReLU: return 0
        case .lstm: return 5
        case .gru: return 4
        }
    }

    public var hasCellState: Bool { self == .lstm }
}
