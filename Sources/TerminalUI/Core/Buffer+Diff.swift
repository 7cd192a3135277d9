/// A row segment of changed cells, as returned by ``Buffer/diff(from:)``.
///
/// To flush it, move the cursor to (`x`, `y`) and draw each cell of `cells`
/// in order, skipping continuation cells (a wide grapheme advances the cursor
/// by two columns by itself). A run never starts with a continuation cell.
public struct BufferRun: Equatable, Sendable {
    /// Column of the first cell.
    public var x: Int
    /// Row.
    public var y: Int
    /// The new cells, left to right (a slice of the new buffer's storage).
    public var cells: ArraySlice<Cell>

    public init(x: Int, y: Int, cells: ArraySlice<Cell>) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension Buffer {
    /// The runs of cells that differ between `previous` and this buffer, row
    /// by row, left to right. Unchanged cells are never included. If the
    /// sizes differ, every row is one run (a full redraw).
    public func diff(from previous: Buffer) -> [BufferRun] {
        guard previous.width == width, previous.height == height else { return allRuns() }
        var runs: [BufferRun] = []
        cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                for y in 0..<height {
                    let rowStart = y * width
                    var x = 0
                    while x < width {
                        if new[rowStart + x] == old[rowStart + x] { x += 1; continue }
                        var start = x
                        // Never start on the right half of a wide grapheme.
                        if new[rowStart + start].width == 0 && start > 0 { start -= 1 }
                        var end = x + 1
                        while end < width && new[rowStart + end] != old[rowStart + end] { end += 1 }
                        // Take the continuation of a wide grapheme that ends the run.
                        if new[rowStart + end - 1].width == 2 && end < width { end += 1 }
                        runs.append(BufferRun(x: start, y: y, cells: cells[(rowStart + start)..<(rowStart + end)]))
                        x = end
                    }
                }
            }
        }
        return runs
    }

    /// Every row as one run, for the first frame or after a resize.
    public func allRuns() -> [BufferRun] {
        (0..<height).compactMap { y in
            width == 0 ? nil : BufferRun(x: 0, y: y, cells: cells[(y * width)..<((y + 1) * width)])
        }
    }
}
