extension Buffer {
    /// The text of each row: the symbols of all cells but continuations, so a
    /// wide grapheme appears once and the row still spans `width` columns.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            line.reserveCapacity(width)
            for x in 0..<width {
                let c = cells[y * width + x]
                if c.width != 0 { line.append(c.symbol) }
            }
            return line
        }
    }

    /// A printable picture of the buffer for snapshot files.
    ///
    /// Each row of text is framed by `|`. With `includeStyles`, a second
    /// section follows: one letter per cell naming its style (`.` for the
    /// default style), and a key listing what each letter means.
    public func snapshotText(includeStyles: Bool = false) -> String {
        var out = "size \(width)x\(height)\n"
        for line in textLines() { out += "|" + line + "|\n" }
        guard includeStyles else { return out }
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var keys: [Style: Character] = [Style.plain: "."]
        var order: [Style] = []
        out += "styles\n"
        for y in 0..<height {
            var line = "|"
            for x in 0..<width {
                let s = cells[y * width + x].style
                if let k = keys[s] {
                    line.append(k)
                } else {
                    let k = order.count < letters.count ? letters[order.count] : "?"
                    keys[s] = k
                    order.append(s)
                    line.append(k)
                }
            }
            out += line + "|\n"
        }
        for s in order { out += "\(keys[s]!) = \(Buffer.describe(s))\n" }
        return out
    }

    /// A short description such as `fg=196 bg=17 bold`.
    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if let f = style.foreground { parts.append("fg=\(f.index)") }
        if let b = style.background { parts.append("bg=\(b.index)") }
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
        ]
        for (a, n) in names where style.attributes.contains(a) { parts.append(n) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
