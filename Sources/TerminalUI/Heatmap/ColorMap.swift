/// Maps a number in 0…1 to a colour of the 256-colour palette.
public struct ColorMap: Hashable, Sendable {
    /// Palette entries from low to high.
    public var palette: [UInt8]
    /// Whether values are centred on zero (the range is made symmetric).
    public var isDiverging: Bool

    public init(palette: [UInt8], isDiverging: Bool) {
        self.palette = palette.isEmpty ? [0] : palette
        self.isDiverging = isDiverging
    }

    /// Dark purple through blue and green to yellow, after viridis: for
    /// magnitudes such as attention weights or gate activations.
    public static let sequential = ColorMap(
        palette: [53, 54, 60, 61, 67, 31, 30, 36, 72, 71, 77, 113, 149, 185, 220], isDiverging: false)

    /// Blue through near-white to red: for signed values such as hidden
    /// states or weights, centred on zero.
    public static let diverging = ColorMap(
        palette: [19, 25, 32, 74, 117, 153, 255, 224, 217, 210, 203, 160, 124], isDiverging: true)

    /// The colour at `t` (clamped to 0…1; NaN gives the lowest colour).
    public func color(at t: Double) -> Color {
        let n = palette.count
        guard t > 0 else { return Color(palette[0]) }
        let i = Int((min(1, t) * Double(n - 1)).rounded())
        return Color(palette[min(n - 1, max(0, i))])
    }

    /// Shade characters from empty to full, for terminals without colour.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    /// ASCII shades from empty to full.
    static let asciiShades: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The shade character for `t` in 0…1.
    static func shade(at t: Double, unicode: Bool) -> Character {
        let set = unicode ? shades : asciiShades
        guard t > 0 else { return set[0] }
        let i = Int((min(1, t) * Double(set.count - 1)).rounded())
        return set[min(set.count - 1, i)]
    }
}
