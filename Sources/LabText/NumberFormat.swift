#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's log10, reached from outside `DecimalMath`.
private func cLog10(_ x: Double) -> Double { log10(x) }

/// The lab's one number formatter: plot axes and legends (TerminalUI),
/// panels and status lines (LabApp), and message arguments (``TextArgument``).
public enum NumberFormat {
    /// A compact label with at most `significantDigits` significant digits:
    /// `1e-6`, `2.5e-4`, `0.01`, `1.5`, `123`, `2.3k`, `1.5e7`, `1e12`
    /// (thousands as `k`, larger numbers in e notation, never M, G or T). Trailing zeros
    /// are dropped; NaN and infinities read `NaN`, `inf`, `-inf`.
    public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        let digits = max(1, significantDigits)
        let sign = value < 0 ? "-" : ""
        var a = Swift.abs(value)
        // Round first so 999.96 becomes 1k rather than 1000.
        let e0 = DecimalMath.decimalExponent(a)
        a = round(a, toDecimals: digits - 1 - e0)
        let e = DecimalMath.decimalExponent(a)
        if a >= 1e6 {
            // Past thousands, the e notation ML readers expect (1e12, not 1T).
            return sign + scientific(a, exponent: e, digits: digits)
        }
        if a >= 1000 {
            let scaled = a / 1000
            let se = DecimalMath.decimalExponent(scaled)
            return sign + fixed(scaled, decimals: max(0, digits - 1 - se)) + "k"
        }
        if e >= -2 {
            return sign + fixed(a, decimals: max(0, digits - 1 - e))
        }
        return sign + scientific(a, exponent: e, digits: digits)
    }

    /// `value` with exactly up to `decimals` fractional digits, trailing zeros
    /// (and a bare point) removed. `fixed(0.125, decimals: 2)` is `0.13`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let d = min(max(0, decimals), 15)
        let scale = DecimalMath.pow10(d)
        let scaled = (Swift.abs(value) * scale).rounded()
        guard scaled < 9e18 else { return scientific(Swift.abs(value), exponent: DecimalMath.decimalExponent(Swift.abs(value)), digits: 3) }
        let n = UInt64(scaled)
        var digitsText = String(n)
        if d > 0 {
            while digitsText.count <= d { digitsText = "0" + digitsText }
            let cut = digitsText.index(digitsText.endIndex, offsetBy: -d)
            var frac = digitsText[cut...]
            while frac.last == "0" { frac = frac.dropLast() }
            digitsText = String(digitsText[..<cut]) + (frac.isEmpty ? "" : "." + frac)
        }
        let negative = value < 0 && n != 0
        return (negative ? "-" : "") + digitsText
    }

    /// A fraction as a percentage with up to `decimals` fractional digits:
    /// `percent(0.97, decimals: 0)` is `97%`, `percent(0.1234, decimals: 1)` is `12.3%`.
    public static func percent(_ fraction: Double, decimals: Int = 0) -> String {
        guard fraction.isFinite else { return fixed(fraction, decimals: decimals) }
        return fixed(fraction * 100, decimals: decimals) + "%"
    }

    static func round(_ a: Double, toDecimals d: Int) -> Double {
        if d >= 0 {
            let s = DecimalMath.pow10(min(d, 300))
            let r = (a * s).rounded() / s
            return r.isFinite && r > 0 ? r : a
        }
        let s = DecimalMath.pow10(min(-d, 300))
        return (a / s).rounded() * s
    }

    static func scientific(_ a: Double, exponent e: Int, digits: Int) -> String {
        let mantissa = a / DecimalMath.pow10(e)
        var m = fixed(mantissa, decimals: digits - 1)
        var exp = e
        if m == "10" { m = "1"; exp += 1 }
        return m + "e" + String(exp)
    }
}

/// Powers of ten and decimal exponents (the number formatter's, and the plots' ticks).
public enum DecimalMath {
    /// 10 raised to the integer `n`, exactly for |n| ≤ 22.
    public static func pow10(_ n: Int) -> Double {
        if n < 0 && n >= -22 { return 1 / pow10(-n) }
        var r = 1.0
        if n >= 0 { for _ in 0..<min(n, 400) { r *= 10 } } else { for _ in 0..<min(-n, 400) { r /= 10 } }
        return r
    }

    /// The decimal exponent e with 10^e ≤ x < 10^(e+1), for finite x > 0.
    public static func decimalExponent(_ x: Double) -> Int {
        var e = Int(cLog10(x).rounded(.down))
        while e > -330 && pow10(e) > x { e -= 1 }
        while e < 310 && pow10(e + 1) <= x { e += 1 }
        return e
    }
}
