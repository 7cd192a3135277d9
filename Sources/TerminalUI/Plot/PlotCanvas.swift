/// A grid of dots over a grid of cells. With braille each cell holds 2×4
/// dots; in ASCII mode each cell is one dot. Each cell remembers the last
/// series that drew in it, for its colour or ASCII marker.
struct PlotCanvas {
    let columns: Int
    let rows: Int
    let subX: Int
    let subY: Int
    var bits: [UInt8]
    var owner: [Int8]

    init(columns: Int, rows: Int, braille: Bool) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        subX = braille ? 2 : 1
        subY = braille ? 4 : 1
        bits = Array(repeating: 0, count: self.columns * self.rows)
        owner = Array(repeating: -1, count: self.columns * self.rows)
    }

    var dotsWide: Int { columns * subX }
    var dotsHigh: Int { rows * subY }

    /// Bit of dot (col, row) within a braille cell (Unicode's dot numbering).
    static let brailleBit: [UInt8] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

    /// Sets dot (x, y), counted from the top-left; ignores dots outside.
    @inline(__always) mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
        let cx = x / subX, cy = y / subY
        let i = cy * columns + cx
        bits[i] |= subX == 1 ? 1 : PlotCanvas.brailleBit[(y - cy * subY) * 2 + (x - cx * subX)]
        owner[i] = Int8(truncatingIfNeeded: series)
    }

    /// Sets dots y0...y1 (either order) in column x.
    mutating func verticalSpan(x: Int, _ y0: Int, _ y1: Int, series: Int) {
        for y in min(y0, y1)...max(y0, y1) { set(x, y, series: series) }
    }

    /// Sets the dots of a straight line (Bresenham).
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, series: Int) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, series: series)
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Whether cell (cx, cy) has any dot.
    func isEmpty(_ cx: Int, _ cy: Int) -> Bool { bits[cy * columns + cx] == 0 }
}

/// The 256 braille patterns U+2800…U+28FF, indexed by dot bits.
let brailleCharacters: [Character] = (0..<256).map { Character(Unicode.Scalar(UInt32(0x2800 + $0))!) }
