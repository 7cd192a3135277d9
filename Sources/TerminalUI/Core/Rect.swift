/// A rectangle of terminal cells: `x` and `y` name the top-left cell, and the
/// rectangle covers columns `x ..< x + width` and rows `y ..< y + height`.
///
/// Width and height are never negative; an initialiser given a negative size
/// stores zero.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Column of the left edge.
    public var x: Int
    /// Row of the top edge.
    public var y: Int
    /// Number of columns (at least 0).
    public var width: Int
    /// Number of rows (at least 0).
    public var height: Int

    /// A rectangle at (`x`, `y`) of the given size; negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin of the given size.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// First column inside.
    public var minX: Int { x }
    /// First row inside.
    public var minY: Int { y }
    /// First column to the right, outside.
    public var maxX: Int { x + width }
    /// First row below, outside.
    public var maxY: Int { y + height }
    /// Whether the rectangle covers no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// Number of cells covered.
    public var area: Int { width * height }

    /// Whether the cell (`x`, `y`) lies inside.
    @inlinable
    public func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < self.x + width && y >= self.y && y < self.y + height
    }

    /// Whether every cell of `other` lies inside (an empty `other` always does).
    public func contains(_ other: Rect) -> Bool {
        other.isEmpty
            || (other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY)
    }

    /// The cells both rectangles cover (empty, with zero size, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(minX, other.minX)
        let top = max(minY, other.minY)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by the given number of cells on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// A rectangle of at most the given size centred inside this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row `row` (relative to the top) of this rectangle, or an empty
    /// rectangle when the row is outside.
    public func row(_ row: Int) -> Rect {
        guard row >= 0, row < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + row, width: width, height: 1)
    }

    public var description: String { "(\(x),\(y) \(width)x\(height))" }
}
