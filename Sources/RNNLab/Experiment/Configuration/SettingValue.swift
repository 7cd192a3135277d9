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
    /// `1000000`), others with up to four significant digits, in decimals from
    /// 1e-4 on (`0.01`, `0.0001`, `0.00025`) and with an exponent below (`1e-6`).
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return NumberFormat.fixed(v, decimals: 0) }
        let a = abs(v)
        guard a.isFinite, a >= 1e-4, a < 1e6 else { return NumberFormat.compact(v, significantDigits: 4) }
        return NumberFormat.fixed(v, decimals: max(0, 3 - DecimalMath.decimalExponent(a)))
    }
}

/// When a changed setting takes effect.
public enum SettingEffect: String, Sendable {
    /// Between two steps, keeping the model and the optimiser's state.
    case live
    /// The model is built again from the seed and the curves restart.
    case rebuild
}

