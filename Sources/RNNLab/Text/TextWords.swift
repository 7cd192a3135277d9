/// Words of a text as a char-LM lesson counts them: maximal runs of letters
/// (an apostrophe inside a run is kept: "o'er"), lower-cased.
enum TextWords {
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || (ch == "'" && !current.isEmpty) {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(current.hasSuffix("'") ? String(current.dropLast()) : current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current.hasSuffix("'") ? String(current.dropLast()) : current) }
        return out.filter { !$0.isEmpty }
    }

    /// The share of `words` found in `dictionary`; 0 for no words.
    static func knownFraction(_ words: [String], in dictionary: Set<String>) -> Double {
        words.isEmpty ? 0 : Double(words.filter(dictionary.contains).count) / Double(words.count)
    }
}
