import Foundation

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

