/// Checks on the text of a lesson file that every reader applies: ids that
/// `verify LESSON/CHECK` can address, and no control characters (an ANSI escape
/// in a title would reach the terminal through `rnnlab list`).
enum TextCheck {
    /// Why `id` cannot be an id (nil when it can): letters, digits, `-` and `_` only.
    static func idProblem(_ id: String) -> String? {
        if let bad = id.unicodeScalars.first(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")) }) {
            return "has \(describe(bad)); an id has only letters, digits, - and _"
        }
        return nil
    }

    /// The first control character of `text` (an escape sequence starts with one;
    /// a tab counts unless `allowingTab`, as in prose), described for a message;
    /// nil when there is none.
    static func controlCharacter(in text: String, allowingTab: Bool = false) -> String? {
        text.unicodeScalars.first { c in
            if allowingTab && c.value == 0x09 { return false }
            let category = c.properties.generalCategory
            return category == .control || (category == .format && c.value != 0x200D)
        }.map(describe)
    }

    static func describe(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch c.value {
        case 0: return "a NUL character (\(code))"
        case 0x1B: return "an escape character (\(code), as in ANSI escape sequences)"
        case 0x09: return "a tab (\(code))"
        case 0x0D: return "a carriage return (\(code))"
        default:
            return c.properties.generalCategory == .control || c.properties.generalCategory == .format
                ? "a control character (\(code))" : "the character \"\(c)\" (\(code))"
        }
    }
}
