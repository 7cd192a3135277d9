import Testing
@testable import TerminalUI

/// The loss plot reads in every terminal: knob-change marks never cover one
/// another, every series has its own glyph without colour, step axes show
/// whole numbers, large values read 1e12.
@Suite struct PlotReadabilityTests {
    func curve(_ n: Int) -> [Double] { (0..<n).map { 2.5 / (1 + Double($0) / 20) } }

    func plot(events: [PlotEvent], steps: Int = 1000) -> LinePlot {
        LinePlot(series: [PlotSeries(name: "train", values: curve(steps), color: .cyan)], events: events, yScale: .log)
    }

    /// Three quick changes a few steps apart land in one or two columns; each
    /// label is still on screen, whole, and no two share a cell.
    @Test(arguments: [(60, 12), (78, 8), (98, 10)])
    func threeNearbyMarksAreAllReadable(width: Int, height: Int) {
        let labels = ["lr 0.01→0.02", "lr 0.02→0.04", "lr 0.04→0.08"]
        let events = labels.enumerated().map { PlotEvent(step: Double(500 + 4 * $0.offset), label: $0.element) }
        var buffer = Buffer(width: width, height: height)
        buffer.render(plot(events: events), in: buffer.bounds)
        let lines = buffer.textLines()
        for label in labels {
            #expect(lines.filter { $0.contains(label) }.count == 1, "\(label) at \(width)×\(height):\n\(lines.joined(separator: "\n"))")
        }
        // The newest change is on the top row (the next may share it, left of the marker).
        let rows = labels.map { label in lines.firstIndex { $0.contains(label) } ?? -1 }
        #expect(rows[2] == 1 && rows[2] <= rows[1] && rows[1] <= rows[0], "\(rows)")
    }

    /// Labels are laid out before drawing: spans on one row keep a gap, and
    /// labels take at most half the plot's rows; one that finds no room is left out.
    @Test func placementNeverOverlapsAndKeepsTheCurveInView() {
        let events = (0..<9).map { PlotEvent(step: Double(100 + $0), label: "hidden \($0)→\($0 + 1)") }
        let p = plot(events: events)
        let places = p.placeEventLabels(columns: Array(repeating: 10, count: 9), width: 40, rows: 3)
        let placed = places.compactMap { $0 }
        #expect(placed.count == 6)  // two per row: right and left of the marker
        for a in placed.indices {
            for b in placed.indices where b > a && placed[a].row == placed[b].row {
                let ra = placed[a].x..<(placed[a].x + 11), rb = placed[b].x..<(placed[b].x + 11)
                #expect(!ra.overlaps(rb))
            }
        }
        #expect(places[8] != nil && places[0] == nil)  // the newest are kept
        #expect(LinePlot.eventLabelRows(plotRows: 5) == 3 && LinePlot.eventLabelRows(plotRows: 1) == 1)
    }

    /// NO_COLOR: the second and third series draw with their own markers and
    /// the legend shows each one's glyph; with colour all are braille lines.
    @Test func withoutColourEachSeriesHasItsOwnGlyph() {
        let series = [PlotSeries(name: "train", values: curve(200), color: .cyan),
                      PlotSeries(name: "valid", values: curve(200).map { $0 * 1.3 }, color: .yellow),
                      PlotSeries(name: "chance", steps: [0, 199], values: [1.5, 1.5], color: .white)]
        var mono = Buffer(width: 60, height: 12, capabilities: .monochrome)
        mono.render(LinePlot(series: series), in: mono.bounds)
        let legend = mono.textLines()[0]
        #expect(legend.contains("━━ train") && legend.contains("++ valid") && legend.contains("oo chance"))
        let body = mono.textLines().dropFirst().joined()
        #expect(body.contains("+") && body.contains("o"))
        #expect(body.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        var color = Buffer(width: 60, height: 12, capabilities: .full)
        color.render(LinePlot(series: series), in: color.bounds)
        #expect(color.textLines()[0].contains("━━ valid"))
    }

    /// Before training (x from 0 to 1) and on a two-step axis: no 0.2 or 2.5.
    @Test(arguments: [(0.0, 1.0), (0.0, 3.0), (0.0, 2.0)])
    func stepAxesShowWholeNumbers(lo: Double, hi: Double) {
        var buffer = Buffer(width: 50, height: 10)
        buffer.render(LinePlot(series: [PlotSeries(name: "g", steps: [lo, hi], values: [1, 2], color: .red)],
                               xRange: lo...hi), in: buffer.bounds)
        let axis = buffer.textLines()[9]
        let labels = axis.split(separator: " ")
        #expect(!labels.isEmpty && labels.allSatisfy { Int($0) != nil }, "\(axis)")
        #expect(labels.first == "0" && labels.last.map(String.init) == String(Int(hi)))
    }

    /// A blow-up to 1e14 reads in e notation on the y axis.
    @Test func largeValuesReadInENotation() {
        var buffer = Buffer(width: 50, height: 12)
        let values = (0..<100).map { pow(10, Double($0) / 7) }
        buffer.render(LinePlot(series: [PlotSeries(name: "mse", values: values, color: .red)], yScale: .log), in: buffer.bounds)
        let text = buffer.textLines().joined(separator: "\n")
        #expect(text.contains("1e12") || text.contains("1e10"))
        for suffix in ["T┤", "G┤", "M┤"] { #expect(!text.contains(suffix)) }
    }

    /// NO_COLOR: the colour bar of a heatmap is its shade ramp, lightest to darkest, between brackets.
    @Test func heatmapLegendShowsTheShadeRampWithoutColour() {
        var buffer = Buffer(width: 30, height: 3, capabilities: .monochrome)
        buffer.render(Heatmap(rows: 1, columns: 4, values: [-1, 0, 1, 0.5], colorMap: .diverging), in: buffer.bounds)
        let legend = buffer.textLines()[2]
        for shade in ["░", "▒", "▓", "█"] { #expect(legend.contains(shade), "\(legend)") }
        #expect(legend.hasPrefix("-1 [") && legend.contains("█] 1"), "\(legend)")
        let ramp = legend.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }
        let order: [Character] = [" ", "░", "▒", "▓", "█"]
        let ranks = ramp.map { order.firstIndex(of: $0) ?? -1 }
        #expect(ranks == ranks.sorted() && !ranks.contains(-1), "lightest to darkest: \(ramp)")
    }

    /// A loss flat near 1.39 (plain SGD at a tiny rate) gets y labels that
    /// differ: more digits when the range is narrow, never "1.39" three times.
    @Test func aNarrowRangeHasDistinctYLabels() {
        let values = (0..<200).map { 1.386 + 0.006 * Double($0 % 7) / 6 }
        var buffer = Buffer(width: 60, height: 12)
        buffer.render(LinePlot(series: [PlotSeries(name: "train", values: values, color: .cyan)]), in: buffer.bounds)
        let labels = buffer.textLines().compactMap { line -> String? in
            guard let tick = line.firstIndex(of: "┤") else { return nil }
            return line[..<tick].trimmingCharacters(in: .whitespaces)
        }
        #expect(labels.count >= 3, "\(buffer.textLines().joined(separator: "\n"))")
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(LinePlot.distinctLabels([1.386, 1.388, 1.39, 1.392]) == ["1.386", "1.388", "1.39", "1.392"])
        #expect(LinePlot.distinctLabels([0, 0.5, 1]) == ["0", "0.5", "1"])  // three digits when they suffice
    }
}

import Foundation
