import RNNLab
import TerminalUI

/// How the panels and the status line write numbers, in one place.
enum PanelNumbers {
    /// A measured value (a norm, a loss, milliseconds): three significant digits, `2.5e-4`.
    static func value(_ v: Double) -> String { NumberFormat.compact(v, significantDigits: 3) }

    /// A metric as the learner reads it: fractions in percent (`87.5%`), others to four digits.
    static func metric(_ m: Metric) -> String {
        m.isFraction ? NumberFormat.fixed(m.value * 100, decimals: 1) + "%" : NumberFormat.compact(m.value, significantDigits: 4)
    }

    /// A setting or a check's threshold, as a lesson file writes it (`0.5`, `1e-4`).
    static func setting(_ v: Double) -> String { SettingValue.format(v) }

    /// A predicted or target value in the predictions panel: to three decimals.
    static func sample(_ v: Double) -> String { SettingValue.format((v * 1000).rounded() / 1000) }

    /// A fitted exponent, to one decimal (`3`, `0.9`).
    static func exponent(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 1) }

    /// A rate such as steps per second: two significant digits.
    static func rate(_ v: Double) -> String { NumberFormat.compact(v, significantDigits: 2) }
}
