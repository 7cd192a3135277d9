/// A value for a placeholder. Numbers are formatted here, by ``NumberFormat``,
/// so every screen writes them the same way.
public indirect enum TextArgument: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Text shown as it is: a name, an id, or text from outside the catalogue.
    case text(String)
    /// An integer, also the count a plural choice reads.
    case integer(Int)
    /// A short number: `2.5e-4`, `0.01`, `1.5k` (``NumberFormat/compact(_:significantDigits:)``).
    case compact(Double, significantDigits: Int)
    /// At most `decimals` fractional digits, trailing zeros dropped (``NumberFormat/fixed(_:decimals:)``).
    case fixed(Double, decimals: Int)
    /// A fraction as a percentage: 0.97 → `97%` (``NumberFormat/percent(_:decimals:)``).
    case percent(Double, decimals: Int)
    /// Another message, written in the same language.
    case phrase(Phrase)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// The value as text in `language`.
    func render(in language: Language) -> String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case let .compact(v, digits): return NumberFormat.compact(v, significantDigits: digits)
        case let .fixed(v, decimals): return NumberFormat.fixed(v, decimals: decimals)
        case let .percent(v, decimals): return NumberFormat.percent(v, decimals: decimals)
        case .phrase(let p): return language.render(p)
        }
    }

    /// The count a plural choice reads: the integer, else none (the "other" form).
    var count: Int? {
        if case .integer(let n) = self { return n }
        return nil
    }
}
