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

    /// 10 raised to the integer `n`, exactly for |n| ≤ 22.
    static func pow10(_ n: Int) -> Double {
        if n < 0 && n >= -22 { return 1 / pow10(-n) }
        var r = 1.0
        if n >= 0 { for _ in 0..<min(n, 400) { r *= 10 } } else { for _ in 0..<min(-n, 400) { r /= 10 } }
        return r
    }

    /// The decimal exponent e with 10^e ≤ x < 10^(e+1), for finite x > 0.
    static func decimalExponent(_ x: Double) -> Int {
        var e = Int(log10(x).rounded(.down))
        while e > -330 && pow10(e) > x { e -= 1 }
        while e < 310 && pow10(e + 1) <= x { e += 1 }
        return e
    }
}
