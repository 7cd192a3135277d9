import LabText
import RNNEngine

extension Measurement {
    /// `input_gate_gap_top`: the LSTM's input gate on the marked steps minus on the
    /// others, on the quarter of units whose cell state moved most at the first
    /// marker (the units that wrote the first value), averaged over validation
    /// sequences. `input_gate_gap` averages over every unit, which dilutes the few
    /// that do the writing.
    static let inputGateGapTop: Measurement = Measurement(
        yields: [MetricKind(MetricID("input_gate_gap_top"), label: .inputGateGapTop, lowerIsBetter: false, range: -1...1)],
        unavailable: { s, task, marker in
            guard task != .seq2seq, cell(s) == "lstm" else { return Phrase(.check(.needsCell), ["cell": "lstm"]) }
            return marker ? nil : Phrase(.check(.needsMarkers))
        },
        compute: { e in
            let v = e.probeMarkedSequences(.lstm) { probe, marked, _ in
                WritingUnits.inputGateGap(gate: probe.gate(0), cell: probe.cell, marked: marked)
            }
            return (v.map { [Metric(inputGateGapTop.yields[0], $0)] } ?? [], nil)
        })
}

/// The units of one sequence that wrote at the first marker, and their input gate.
enum WritingUnits {
    /// The quarter of units (at least one) with the largest |c[m] − c[m−1]| at the
    /// first marked step m (c[−1] = 0), for a cell state (T, H); nil without a marker.
    static func top(cell c: Tensor, marked: [Bool]) -> [Int]? {
        guard let m = marked.firstIndex(of: true), c.shape.count == 2 else { return nil }
        let H = c.shape[1]
        let moved = (0..<H).map { j in abs(c[m, j] - (m > 0 ? c[m - 1, j] : 0)) }
        return Array((0..<H).sorted { moved[$0] > moved[$1] }.prefix(max(1, H / 4)))
    }

    /// Mean input gate (T, H) of the `top` units on the marked steps minus on the
    /// unmarked ones; nil when either set of steps is empty.
    static func inputGateGap(gate: Tensor, cell: Tensor, marked: [Bool]) -> Double? {
        guard let units = top(cell: cell, marked: marked) else { return nil }
        var sum = (0.0, 0.0), count = (0, 0)
        for t in marked.indices {
            for j in units {
                if marked[t] { sum.0 += gate[t, j]; count.0 += 1 } else { sum.1 += gate[t, j]; count.1 += 1 }
            }
        }
        guard count.0 > 0, count.1 > 0 else { return nil }
        return sum.0 / Double(count.0) - sum.1 / Double(count.1)
    }
}
