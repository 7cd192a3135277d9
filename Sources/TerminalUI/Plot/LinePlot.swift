import LabText

/// How values map to positions along an axis.
public enum AxisScale: Hashable, Sendable {
    case linear
    /// Base-10 logarithmic; zero and negative values cannot be shown and are
    /// marked like NaN.
    case log
}

/// One line of a ``LinePlot``: y values at x positions (training steps).
public struct PlotSeries: Sendable {
    /// Name shown in the legend.
    public var name: String
    /// The y values. NaN and infinities (and values ≤ 0 on a log axis) break
    /// the line and are marked above the plot.
    public var values: [Double]
    /// Explicit x positions, one per value; when `nil`, value i sits at
    /// `firstStep + i * stepSize`.
    public var steps: [Double]?
    public var firstStep: Double
    public var stepSize: Double
    /// Colour of the line and its legend entry.
    public var color: Color
    /// False draws each value as a lone dot, with no line between neighbours:
    /// for events such as the steps where the gradient was clipped.
    public var connected = true
    /// A shorter name for a one-row legend too narrow for every full name
    /// ("bigram" for "bigram (previous character)").
    public var shortName: String?
    /// When a one-row legend cannot hold every entry whole (short names
    /// included), entries with a rank leave it, highest rank first, until the
    /// rest fit; the line is still drawn. `nil`: the entry always stays.
    public var legendRank: Int?

    /// A series of values at evenly spaced steps.
    public init(name: String, values: [Double], color: Color, firstStep: Double = 0, stepSize: Double = 1) {
        self.name = name
        self.values = values
        self.steps = nil
        self.firstStep = firstStep
        self.stepSize = stepSize
        self.color = color
    }

    /// A series of values at given steps (`steps` and `values` pair up; extra
    /// entries of the longer array are ignored).
    public init(name: String, steps: [Double], values: [Double], color: Color) {
        self.init(name: name, values: values, color: color)
        self.steps = steps
    }

    /// Number of points.
    var count: Int { steps.map { min($0.count, values.count) } ?? values.count }

    /// x of point i.
    @inline(__always) func step(_ i: Int) -> Double {
        if let steps { return steps[i] }
        return firstStep + Double(i) * stepSize
    }
}

/// A vertical marker at a step with a short label, such as a learning-rate change.
public struct PlotEvent: Sendable {
    public var step: Double
    /// Shown at the top of the plot beside the marker, e.g. "lr 0.1→0.01".
    public var label: String
    public var style: Style

    public init(step: Double, label: String, style: Style = .fg(.yellow)) {
        self.step = step
        self.label = label
        self.style = style
    }
}

/// A line plot drawn with braille dots (2×4 per cell), or with one ASCII
/// marker per cell when the terminal has no Unicode.
///
/// Shows a legend row, a y axis with compact tick labels (`1e-6`, `0.01`,
/// `2.3k`), an x axis of steps, and vertical event markers. The ranges are
/// found from the data unless given; values that cannot be drawn (NaN, ±inf,
/// and ≤ 0 on a log axis) are skipped, counted in the legend and marked with
/// `×` on the plot's top row at their step.
public struct LinePlot: Widget, Sendable {
    public var series: [PlotSeries]
    public var events: [PlotEvent]
    public var yScale: AxisScale
    /// Fixed y range; `nil` to fit the data.
    public var yRange: ClosedRange<Double>?
    /// Fixed x range; `nil` to fit the data.
    public var xRange: ClosedRange<Double>?
    /// Whether to show the legend row (needs a height of at least 5).
    public var showLegend: Bool
    /// Style of axes and tick labels.
    public var axisStyle: Style
    /// The language of the plot's own words ("no data", "(3 skipped)").
    public var language: Language
    /// Whether x values are whole numbers (training steps, time steps): the
    /// x axis then has ticks at whole numbers only. On by default.
    public var wholeSteps = true
    /// The most rows the legend may take: with 2, entries that do not fit on
    /// the first row go on a second one, whole (when the plot is at least 7
    /// rows tall). 1 by default: one row, cut at the edge.
    public var legendRowLimit = 1

    public init(
        series: [PlotSeries], events: [PlotEvent] = [], yScale: AxisScale = .linear,
        yRange: ClosedRange<Double>? = nil, xRange: ClosedRange<Double>? = nil,
        showLegend: Bool = true, axisStyle: Style = .dim, language: Language = .english
    ) {
        self.series = series
        self.events = events
        self.yScale = yScale
        self.yRange = yRange
        self.xRange = xRange
        self.showLegend = showLegend
        self.axisStyle = axisStyle
        self.language = language
    }

    /// Markers for series in ASCII mode, in order. Without colour (and with
    /// Unicode) the first series keeps its braille line and the others are
    /// drawn with these markers too, so every series has a glyph of its own.
    static let asciiMarkers: [Character] = ["*", "+", "o", "#", "x", "%", "@", "="]

    /// The ASCII marker of series `index`.
    static func marker(ofSeries index: Int) -> Character { asciiMarkers[index % asciiMarkers.count] }
}
