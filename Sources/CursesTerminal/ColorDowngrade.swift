import TerminalUI

/// Maps xterm 256-colour palette indices to what a terminal with fewer
/// colours can show. Pure: no terminal needed.
///
/// The target colour is the nearest, by weighted RGB distance, among the first
/// `paletteSize` xterm colours (8 or 16), using xterm's default RGB values.
/// Greys (the grey ramp, the cube's diagonal) are matched only against the
/// palette's greys (black, white and on 16 colours the two bright ones), so
/// a mid grey never turns cyan. Indices already inside the smaller palette
/// map to themselves.
public enum ColorDowngrade {
    /// The colour to use for palette `index` on a terminal with `paletteSize`
    /// colours (`COLORS`). Terminals with 256 or more colours, and indices
    /// below `paletteSize`, keep the index. Fewer than 8 colours yields 0…7
    /// anyway (curses' minimum when it has colour at all).
    public static func index(_ index: Int, paletteSize: Int) -> Int {
        if paletteSize >= 256 || index < paletteSize { return index }
        let limit = paletteSize >= 16 ? 16 : 8
        if index < limit { return index }
        let target = rgb(of: index)
        let greys = limit == 16 ? [0, 7, 8, 15] : [0, 7]
        let candidates = isGrey(target) ? greys : Array(0..<limit)
        var best = 0
        var bestDistance = Int.max
        for candidate in candidates {
            let d = distance(target, rgb(of: candidate))
            if d < bestDistance { bestDistance = d; best = candidate }
        }
        return best
    }

    /// ``index(_:paletteSize:)`` for a `TerminalUI.Color`.
    public static func index(_ color: Color, paletteSize: Int) -> Int {
        index(Int(color.index), paletteSize: paletteSize)
    }

    /// xterm's default RGB value of palette entry `index` (0…255).
    public static func rgb(of index: Int) -> (r: Int, g: Int, b: Int) {
        switch index {
        case 0..<16:
            let table: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
                (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
                (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            let (r, g, b) = table[index]
            return (r, g, b)
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let v = 8 + 10 * (min(255, max(232, index)) - 232)
            return (v, v, v)
        }
    }

    /// Whether a colour has (almost) no hue.
    static func isGrey(_ c: (r: Int, g: Int, b: Int)) -> Bool {
        max(c.r, c.g, c.b) - min(c.r, c.g, c.b) < 16
    }

    /// Squared RGB distance weighted 2:4:3, a cheap stand-in for perceived difference.
    static func distance(_ a: (r: Int, g: Int, b: Int), _ b: (r: Int, g: Int, b: Int)) -> Int {
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
