/// Display width of graphemes and strings in terminal columns.
///
/// East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul,
/// fullwidth forms) and emoji shown in emoji presentation take two columns;
/// combining marks, format characters and control characters take none;
/// everything else takes one. The wide ranges follow Unicode's
/// EastAsianWidth.txt (W and F), merged into coarse blocks.
public enum DisplayWidth {
    /// Columns taken by one grapheme: 0, 1 or 2.
    @inlinable
    public static func of(_ character: Character) -> Int {
        // Fast path: one scalar below U+0300 (ASCII and Latin-1).
        let scalars = character.unicodeScalars
        let first = scalars.first!
        let v = first.value
        if v < 0x300 {
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
            if character.utf8.count <= 2 { return 1 }
        }
        return slowWidth(character)
    }

    /// Columns taken by a string: the sum over its graphemes.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    @usableFromInline
    static func slowWidth(_ character: Character) -> Int {
        var iterator = character.unicodeScalars.makeIterator()
        let first = iterator.next()!
        let base = scalarWidth(first)
        // An emoji variation selector or a regional-indicator pair asks for the
        // two-column emoji presentation.
        var count = 1
        while let s = iterator.next() {
            count += 1
            if s.value == 0xFE0F { return 2 }
        }
        if count > 1 && first.value >= 0x1F1E6 && first.value <= 0x1F1FF { return 2 }  // a flag
        if base == 0 && count > 1 { return 1 }  // a lone mark with more marks: show as one
        return base
    }

    /// Columns taken by a single scalar outside any cluster.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Box drawing, blocks, shades and braille: the hot ranges of plots.
        if v >= 0x2500 && v <= 0x25A0 { return 1 }
        if v >= 0x2800 && v <= 0x28FF { return 1 }
        if v == 0x200B || (v >= 0x200C && v <= 0x200F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2060 && v <= 0x2064) || v == 0xFEFF || (v >= 0xFE00 && v <= 0xFE0F)
        {
            return 0
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1F1E6 && v <= 0x1F1FF { return 1 }  // a lone regional indicator
        return isWide(v) ? 2 : 1
    }

    /// Whether a scalar value lies in an East Asian Wide/Fullwidth range or is
    /// an emoji with default emoji presentation.
    static func isWide(_ v: UInt32) -> Bool {
        v >= wideRanges[0].0 && ScalarRanges.contains(v, in: wideRanges)
    }

    /// Sorted, non-overlapping inclusive ranges of two-column scalars.
    static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC),
        (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615),
        (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
        (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
        (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), (0x3041, 0x3247), (0x3250, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
        (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x18D08), (0x1AFF0, 0x1AFFE),
        (0x1B000, 0x1B2FF),
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
        (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251),
        (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C),
        (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0),
        (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC),
        (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A),
        (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5),
        (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF),
        (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAFF),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]
}

extension StringProtocol {
    /// Columns the string takes on a terminal (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The longest prefix that fits in `width` columns; when the string is cut
    /// and `ellipsis` is set, the last column shows "…".
    public func truncated(toDisplayWidth width: Int, ellipsis: Bool = true) -> String {
        if width <= 0 { return "" }
        if DisplayWidth.of(self) <= width { return String(self) }
        let limit = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for c in self {
            let w = DisplayWidth.of(c)
            if used + w > limit { break }
            out.append(c)
            used += w
        }
        if ellipsis { out.append("…") }
        return out
    }
}
