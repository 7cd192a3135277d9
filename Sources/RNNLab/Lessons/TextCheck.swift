import LabText

/// Checks on the text of a lesson file that every reader applies: ids that
/// `verify LESSON/CHECK` can address, and no control characters (an ANSI escape
/// in a title would reach the terminal through `rnnlab list`).
enum TextCheck {
    /// Why `id` cannot be an id (nil when it can): letters, digits, `-` and `_` only.
    /// The character that is not allowed, described (nil when the id is fine).
    static func idProblem(_ id: String) -> Phrase? {
        id.unicodeScalars.first(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")) })
            .map(describe)
    }

    /// The first control character of `text` (an escape sequence starts with one;
    /// a tab counts unless `allowingTab`, as in prose), described for a message;
    /// nil when there is none.
    static func controlCharacter(in text: String, allowingTab: Bool = false) -> Phrase? {
        text.unicodeScalars.first { c in
            if allowingTab && c.value == 0x09 { return false }
            let category = c.properties.generalCategory
            return category == .control || (category == .format && c.value != 0x200D)
        }.map(describe)
    }

    static func describe(_ c: Unicode.Scalar) -> Phrase {
        let hex = String(c.value, radix: 16, uppercase: true)
        let code: TextArgument = .text("U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
        switch c.value {
        case 0: return Phrase(.lessonFile(.nulCharacter), ["code": code])
        case 0x1B: return Phrase(.lessonFile(.escapeCharacter), ["code": code])
        case 0x09: return Phrase(.lessonFile(.tabCharacter), ["code": code])
        case 0x0D: return Phrase(.lessonFile(.carriageReturn), ["code": code])
        default:
            return c.properties.generalCategory == .control || c.properties.generalCategory == .format
                ? Phrase(.lessonFile(.controlCharacter), ["code": code])
                : Phrase(.lessonFile(.otherCharacter), ["character": .text(String(c)), "code": code])
        }
    }
}
