import RNNEngine

/// A value of a setting: a number or one of a list of names.
public enum SettingValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case choice(String)

    public var number: Double? { if case .number(let v) = self { return v } else { return nil } }
    public var choice: String? { if case .choice(let c) = self { return c } else { return nil } }

    public var description: String {
        switch self {
        case .number(let v): return SettingValue.format(v)
        case .choice(let c): return c
        }
    }

    /// Compact: 0.001, 1e-06, 128.
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        let a = abs(v)
        if a >= 1e-3 && a < 1e6 {
            var s = String(format: "%.4g", v)
            if s.contains("e") { s = String(v) }
            return s
        }
        return String(format: "%.3g", v)
    }
}

/// When a changed setting takes effect.
public enum SettingEffect: String, Sendable {
    /// Between two steps, keeping the model and the optimiser's state.
    case live
    /// The model is built again from the seed and the curves restart.
    case rebuild
}

/// A setting the experiment understands: its kind, what it may be, and how it applies.
public struct SettingDefinition: Sendable {
    public enum Kind: Sendable, Equatable {
        case integer(ClosedRange<Double>)
        case real(ClosedRange<Double>)
        case choice([String])
    }
    public var name: String
    public var summary: String
    public var kind: Kind
    public var effect: SettingEffect
    public var defaultValue: SettingValue

    /// Nil when `value` is allowed; otherwise the reason, naming the range or choices.
    public func refusal(_ value: SettingValue) -> String? {
        switch (kind, value) {
        case let (.integer(r), .number(v)):
            if !v.isFinite || v != v.rounded() { return "\(name) must be a whole number in \(Self.show(r))" }
            return r.contains(v) ? nil : "\(name)=\(SettingValue.format(v)) is out of range \(Self.show(r))"
        case let (.real(r), .number(v)):
            return v.isFinite && r.contains(v) ? nil : "\(name)=\(SettingValue.format(v)) is out of range \(Self.show(r))"
        case let (.choice(c), .choice(v)):
            return c.contains(v) ? nil : "\(name)=\(v) is not one of \(c.joined(separator: ", "))"
        case (.choice(let c), .number):
            return "\(name) takes one of \(c.joined(separator: ", "))"
        case (_, .choice(let v)):
            return "\(name) takes a number, not \"\(v)\""
        }
    }

    /// Reads `text` as a value of this setting (a number, or a choice name).
    public func parse(_ text: String) -> SettingValue {
        if case .choice = kind { return .choice(text) }
        if let v = Double(text) { return .number(v) }
        if text == "true" || text == "on" { return .number(1) }
        if text == "false" || text == "off" { return .number(0) }
        return .choice(text)
    }

    static func show(_ r: ClosedRange<Double>) -> String {
        "\(SettingValue.format(r.lowerBound))…\(SettingValue.format(r.upperBound))"
    }
}

/// The experiment's own settings: model, optimiser, clipping, dropout, run.
/// A task adds its difficulty knobs (T, delay, noise, …), which rebuild.
public enum ExperimentSettings {
    public static let definitions: [SettingDefinition] = [
        .init(name: "cell", summary: "recurrent cell", kind: .choice(CellKind.allCases.map(\.rawValue)), effect: .rebuild, defaultValue: .choice("rnn_tanh")),
        .init(name: "hidden", summary: "hidden units H", kind: .integer(1...512), effect: .rebuild, defaultValue: .number(32)),
        .init(name: "layers", summary: "stacked layers", kind: .integer(1...4), effect: .rebuild, defaultValue: .number(1)),
        .init(name: "bidirectional", summary: "read both ways (0 or 1)", kind: .integer(0...1), effect: .rebuild, defaultValue: .number(0)),
        .init(name: "go_backwards", summary: "a one-way seq2seq encoder reads the source right to left (0 or 1)", kind: .integer(0...1),
              effect: .rebuild, defaultValue: .number(0)),
        .init(name: "spectral_radius", summary: "initial spectral radius of W_hh (0 keeps the default init)", kind: .real(0...4), effect: .rebuild, defaultValue: .number(0)),
        .init(name: "recurrent_init", summary: "W_hh at start: the cell's default, orthogonal, or identity (IRNN); spectral_radius then rescales it", kind: .choice(["default", "orthogonal", "identity"]), effect: .rebuild, defaultValue: .choice("default")),
        .init(name: "forget_bias", summary: "LSTM forget-gate bias at start", kind: .real(-5...5), effect: .rebuild, defaultValue: .number(0)),
        .init(name: "seed", summary: "random seed of the model and data", kind: .integer(0...1_000_000), effect: .rebuild, defaultValue: .number(1)),
        .init(name: "optimizer", summary: "optimiser", kind: .choice(["sgd", "momentum", "nesterov", "rmsprop", "adam", "adagrad"]), effect: .live, defaultValue: .choice("adam")),
        .init(name: "learning_rate", summary: "learning rate η", kind: .real(1e-6...10), effect: .live, defaultValue: .number(0.01)),
        .init(name: "momentum", summary: "momentum μ (sgd variants)", kind: .real(0...0.999), effect: .live, defaultValue: .number(0.9)),
        .init(name: "weight_decay", summary: "L2 weight decay λ", kind: .real(0...1), effect: .live, defaultValue: .number(0)),
        .init(name: "clip_norm", summary: "clip gradients to this global norm (0: off)", kind: .real(0...1000), effect: .live, defaultValue: .number(0)),
        .init(name: "clip_value", summary: "clip each gradient element to ±this (0: off)", kind: .real(0...1000), effect: .live, defaultValue: .number(0)),
        .init(name: "dropout", summary: "dropout between layers", kind: .real(0...0.9), effect: .live, defaultValue: .number(0)),
        .init(name: "input_dropout", summary: "dropout on inputs, one mask per sequence", kind: .real(0...0.9), effect: .live, defaultValue: .number(0)),
        .init(name: "recurrent_dropout", summary: "dropout on h_{t-1}, one mask per sequence", kind: .real(0...0.9), effect: .live, defaultValue: .number(0)),
        .init(name: "batch", summary: "sequences per step B", kind: .integer(1...1024), effect: .live, defaultValue: .number(32)),
        .init(name: "attention", summary: "seq2seq: attend over the source (1) or use one fixed context (0)", kind: .integer(0...1), effect: .rebuild, defaultValue: .number(1)),
        .init(name: "score", summary: "seq2seq: attention score function", kind: .choice(["dot", "scaled_dot", "general", "additive"]), effect: .rebuild, defaultValue: .choice("additive")),
        .init(name: "embedding", summary: "seq2seq: embedding size E", kind: .integer(2...256), effect: .rebuild, defaultValue: .number(32)),
        .init(name: "teacher_forcing", summary: "seq2seq: chance of feeding the true previous token", kind: .real(0...1), effect: .live, defaultValue: .number(1)),
        .init(name: "eval_every", summary: "steps between validation runs", kind: .integer(1...10_000), effect: .live, defaultValue: .number(50)),
    ]

    public static func definition(_ name: String) -> SettingDefinition? { definitions.first { $0.name == name } }
}
