/// A grid of numbers row by row, for a heatmap, with optional labels: hidden
/// states are units × time steps, attention is output steps × source steps.
public struct Grid: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    /// rows · columns values, row by row.
    public var values: [Double]
    /// One label per row (the decoded symbols of an attention map), or none.
    public var rowLabels: [String]
    /// One label per column (the source symbols of an attention map), or none.
    public var columnLabels: [String]
    /// Names of equal blocks of rows, top to bottom (the gates of a gate grid), or none.
    public var rowGroups: [String]

    public init(rows: Int, columns: Int, values: [Double], rowLabels: [String] = [], columnLabels: [String] = [],
                rowGroups: [String] = []) {
        self.rows = rows
        self.columns = columns
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.rowGroups = rowGroups
    }

    /// A grid with nothing in it.
    public static let empty = Grid(rows: 0, columns: 0, values: [])

    /// The (T, H) matrix `values` turned into an H × T grid (units down, time across).
    public static func unitsByTime(timeSteps t: Int, units h: Int, _ values: [Double]) -> Grid {
        guard t > 0, h > 0, values.count >= t * h else { return .empty }
        var out = [Double](repeating: 0, count: t * h)
        for step in 0..<t {
            for unit in 0..<h { out[unit * t + step] = values[step * h + unit] }
        }
        return Grid(rows: h, columns: t, values: out)
    }
}
