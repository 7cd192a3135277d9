/// ASCII stand-ins for the non-ASCII characters the widgets and lessons use,
/// for terminals without Unicode (`TERM=dumb`, the C locale). Anything that
/// carries meaning gets a look-alike, never `?` (which reads as "unknown" and
/// is the help key): ✓ is `v`, ✗ ✖ `x`, ▶ › `>`, ⚠ `!`, Greek letters
/// their Latin initial (ρ `p`). Text written as a string gets the longer,
/// clearer stand-ins of ``spelledOut(_:)`` first: ✓ `[x]`, ρ `rho`, … `...`.
public enum ASCIIFallback {
    /// A stand-in longer than one column, for characters whose one-column
    /// look-alike would mislead: a met check (✓) is `[x]`, not a `v` that
    /// could be a letter; ρ is `rho`, not `p`; an ellipsis is `...`, not `.`.
    public static func spelledOut(_ character: Character) -> String? {
        switch character.unicodeScalars.first?.value ?? 0 {
        case 0x2713, 0x2714, 0x2705: return "[x]"
        case 0x2026: return "..."
        case 0x03C1: return "rho"
        case 0x03C3: return "sigma"
        case 0x03BB: return "lambda"
        case 0x2192, 0x27F6: return "->"
        case 0x2190, 0x27F5: return "<-"
        case 0x2264: return "<="
        case 0x2265: return ">="
        default: return nil
        }
    }

    /// `text` with every character that has a spelled-out stand-in replaced
    /// by it; other characters are left for ``character(for:)``.
    public static func text<S: StringProtocol>(for text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if !c.isASCII, let s = spelledOut(c) { out += s } else { out.append(c) }
        }
        return out
    }

    /// A one-column ASCII character that looks like `character`, or `?`.
    public static func character(for character: Character) -> Character {
        guard let v = character.unicodeScalars.first?.value else { return "?" }
        switch v {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550,
            0x2013, 0x2014, 0x2212, 0x2574, 0x2576, 0x2578, 0x257A:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551,
            0x2016, 0x2223, 0x2225, 0x2575, 0x2577, 0x2579, 0x257B, 0x258F, 0x2595:
            return "|"
        case 0x250C...0x254B, 0x2552...0x256C: return "+"
        case 0x256D...0x2570: return "+"
        case 0x2581...0x2583: return "_"
        case 0x2584...0x2587: return "="
        case 0x2588...0x258E, 0x2590, 0x2593: return "#"
        case 0x2591: return "."
        case 0x2592: return ":"
        case 0x2800: return " "
        case 0x2801...0x28FF: return "*"
        case 0x2022, 0x00B7, 0x2219, 0x22C5: return "*"
        case 0x2026: return "."
        case 0x00D7, 0x2715, 0x2717: return "x"
        case 0x2192, 0x27F6, 0x21D2, 0x25B6, 0x25BA, 0x25B8, 0x203A, 0x00BB, 0x276F: return ">"
        case 0x2190, 0x27F5, 0x21D0, 0x25C0, 0x25C4, 0x25C2, 0x2039, 0x00AB, 0x276E: return "<"
        case 0x2713, 0x2714, 0x2705: return "v"
        case 0x2716, 0x2718, 0x274C: return "x"
        case 0x26A0: return "!"
        case 0x25E6, 0x25CB, 0x25CF: return "o"
        case 0x2191, 0x25B2: return "^"
        case 0x2193, 0x25BC: return "v"
        case 0x2018, 0x2019, 0x2032: return "'"
        case 0x201C, 0x201D, 0x2033: return "\""
        case 0x2264: return "<"
        case 0x2265: return ">"
        case 0x2248, 0x2243: return "~"
        case 0x221E: return "8"
        case 0x2202: return "d"
        case 0x2211: return "E"
        case 0x03C1: return "p"  // ρ
        case 0x03BB: return "l"  // λ
        case 0x03BC: return "u"  // μ
        case 0x03C4: return "t"  // τ
        case 0x03B5: return "e"  // ε
        case 0x03B3: return "y"  // γ
        case 0x03B4, 0x0394: return "d"  // δ Δ
        case 0x03C0: return "p"  // π
        case 0x03C6: return "f"  // φ
        case 0x03C9: return "w"  // ω
        case 0x03B1: return "a"
        case 0x03B2: return "b"
        case 0x03B7: return "n"
        case 0x03C3: return "s"
        case 0x03B8: return "o"
        case 0x00A0, 0x2002, 0x2003, 0x2009, 0x3000: return " "
        default: return "?"
        }
    }
}
