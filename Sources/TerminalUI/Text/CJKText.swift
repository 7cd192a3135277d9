/// Which characters belong to Chinese, Japanese or Korean writing, for the
/// rules that differ for text written without spaces between words
/// (emphasis boundaries, line breaking).
public enum CJKText {
    /// Whether `character` is CJK: a Han ideograph (with radicals and
    /// compatibility ideographs), kana, bopomofo, Hangul, a CJK symbol or
    /// punctuation mark (U+3000–303F), or a full-width or half-width form
    /// (U+FF00–FFEF). Judged by the first scalar.
    public static func isCJK(_ character: Character) -> Bool {
        guard let v = character.unicodeScalars.first?.value else { return false }
        return isCJK(scalarValue: v)
    }

    /// ``isCJK(_:)`` for one scalar value.
    public static func isCJK(scalarValue v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x11FF,  // Hangul Jamo
            0x2E80...0x2FDF,  // CJK and Kangxi radicals
            0x2FF0...0x31FF,  // description characters, CJK symbols and punctuation, kana, bopomofo
            0x3200...0x4DBF,  // enclosed CJK, compatibility, extension A
            0x4E00...0x9FFF,  // unified ideographs
            0xA960...0xA97F, 0xAC00...0xD7FF,  // Hangul
            0xF900...0xFAFF,  // compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFFEF,  // full-width and half-width forms
            0x1B000...0x1B2FF,  // kana supplement and extensions
            0x20000...0x3FFFF:  // extensions B and later
            return true
        default:
            return false
        }
    }
}
