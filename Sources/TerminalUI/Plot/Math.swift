import LabText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's log10, reached from outside `Math`'s own namespace.
private func cLog10(_ x: Double) -> Double { log10(x) }

/// The few C math functions the plots need, in one place.
enum Math {
    /// Base-10 logarithm.
    @inline(__always) static func log10(_ x: Double) -> Double { cLog10(x) }

    /// 10 raised to `x`.
    @inline(__always) static func exp10(_ x: Double) -> Double { pow(10, x) }

    /// 10 raised to the integer `n` (``DecimalMath/pow10(_:)``).
    static func pow10(_ n: Int) -> Double { DecimalMath.pow10(n) }

    /// The decimal exponent e with 10^e ≤ x < 10^(e+1) (``DecimalMath/decimalExponent(_:)``).
    static func decimalExponent(_ x: Double) -> Int { DecimalMath.decimalExponent(x) }
}
