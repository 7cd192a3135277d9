import Foundation
import Testing
import TerminalUI

@Suite struct HeatmapTests {
    /// An attention-like matrix: each row peaks on the diagonal.
    func attention(_ n: Int) -> [Double] {
        (0..<n * n).map { i in
            let r = i / n, c = i % n
            return 1 / (1 + Double((r - c) * (r - c)))
        }
    }

    /// Hidden states: signed waves over time.
    func hidden(units: Int, steps: Int) -> [Double] {
        (0..<units * steps).map { i in
            let u = i / steps, t = i % steps
            let phase = Double((t * (u + 1)) % 20) / 10 - 1
            return phase * Double(u + 1) / Double(units)
        }
    }

    @Test func sequentialUpsampled() {
        var b = Buffer(width: 24, height: 7)
        b.render(Heatmap(rows: 6, columns: 6, values: attention(6)), in: b.bounds)
        assertSnapshot(b, named: "heatmap-sequential", styles: true)
    }

    @Test func divergingDownsampledWithNaN() {
        var values = hidden(units: 16, steps: 60)
        values[5 * 60 + 10] = .nan
        for t in 0..<60 { values[9 * 60 + t] = .nan }
        var b = Buffer(width: 30, height: 9)
        b.render(Heatmap(rows: 16, columns: 60, values: values, colorMap: .diverging), in: b.bounds)
        assertSnapshot(b, named: "heatmap-diverging", styles: true)
    }

    @Test func shadesWithoutColour() {
        var b = Buffer(width: 24, height: 7, capabilities: .monochrome)
        b.render(Heatmap(rows: 6, columns: 12, values: attention(6) + attention(6)), in: b.bounds)
        assertSnapshot(b, named: "heatmap-monochrome", styles: true)
    }

    @Test func asciiShades() {
        var b = Buffer(width: 24, height: 7, capabilities: .ascii)
        b.render(Heatmap(rows: 6, columns: 6, values: attention(6)), in: b.bounds)
        assertSnapshot(b, named: "heatmap-ascii")
    }

    /// With no room for the colour ramp the legend keeps its numbers whole: both ends,
    /// then closer together, then "±" for a range symmetric about 0, then nothing —
    /// never a number cut short (the gates panel at 80×24 showed "-0.459  0.").
    @Test(arguments: [(14, "-0.459  0.459"), (12, "-0.459 0.459"), (8, "±0.459"), (5, "")])
    func narrowLegendKeepsNumbersWhole(width: Int, legend: String) {
        var b = Buffer(width: width, height: 3)
        b.render(Heatmap(rows: 1, columns: 2, values: [-0.459, 0.459], colorMap: .diverging), in: b.bounds)
        let last = String((0..<width).map { b[$0, 2].symbol }).trimmingCharacters(in: .whitespaces)
        #expect(last == legend, "width \(width): \"\(last)\"")
        var ascii = Buffer(width: width, height: 3, capabilities: .ascii)
        ascii.render(Heatmap(rows: 1, columns: 2, values: [-0.459, 0.459], colorMap: .diverging), in: ascii.bounds)
        let asciiLast = String((0..<width).map { ascii[$0, 2].symbol }).trimmingCharacters(in: .whitespaces)
        #expect(asciiLast == legend.replacingOccurrences(of: "±", with: "+-"), "ascii width \(width): \"\(asciiLast)\"")
    }

    @Test func constantAndEmpty() {
        var b = Buffer(width: 20, height: 4)
        let halves = b.bounds.split(.down, [.fixed(2), .min(0)])
        b.render(Heatmap(rows: 2, columns: 4, values: Array(repeating: 0.3, count: 8)), in: halves[0])
        b.render(Heatmap(rows: 0, columns: 0, values: []), in: halves[1])
        assertSnapshot(b, named: "heatmap-constant-empty", styles: true)
    }
}
