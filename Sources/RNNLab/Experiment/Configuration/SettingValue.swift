import Foundation
import LabText

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

    /// Compact, through the lab's one formatter: whole numbers in full (`128`,
    /// `1000000`), others with up to four significant digits (`0.01`, `1e-3`, `2.5e-4`).
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return NumberFormat.fixed(v, decimals: 0) }
        return NumberFormat.compact(v, significantDigits: 4)
    }
}

/// When a changed setting takes effect.
public enum SettingEffect: String, Sendable {
    /// Between two steps, keeping the model and the optimiser's state.
    case live
    /// The model is built again from the seed and the curves restart.
    case rebuild
}

