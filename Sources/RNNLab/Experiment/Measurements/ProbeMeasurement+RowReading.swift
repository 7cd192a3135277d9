import Foundation
import LabText
import RNNEngine

extension ProbeID {
    /// An image read one row per step, and the class the model would give after each
    /// row: the first validation image (`RowReading`), measured at evaluations.
    public static let rowReading = ProbeID(rawValue: "row_reading")
}

/// One image as a recurrent classifier reads it, a row of pixels per step, with the
/// class probabilities its read-out gives the state after each row (the head applied
/// to h_t, as if the image ended there): how the guess firms up as rows come in.
public struct RowReading: Sendable, Equatable {
    /// T rows of I pixels in 0…1, row by row.
    public var pixels: [Double]
    public var rows: Int
    public var width: Int
    /// T rows of C class probabilities, row by row: after row t.
    public var probabilities: [Double]
    /// The C class names: the class indices as text (an image task's classes are digits).
    public var classNames: [String]
    /// The image's class, an index into `classNames`.
    public var target: Int

    public init(pixels: [Double], rows: Int, width: Int, probabilities: [Double], classNames: [String], target: Int) {
        (self.pixels, self.rows, self.width, self.probabilities, self.classNames, self.target) =
            (pixels, rows, width, probabilities, classNames, target)
    }

    /// The most probable class after row t and its probability.
    public func guess(afterRow t: Int) -> (index: Int, probability: Double) {
        let c = classNames.count
        let row = probabilities[(t * c)..<((t + 1) * c)]
        let best = row.indices.max { row[$0] < row[$1] }! - t * c
        return (best, row[t * c + best])
    }

    /// The probe form: T rows of I pixels then C probabilities; the column labels are
    /// I empty strings then the class names, and the one row group is the target's name.
    public var grid: Grid {
        var values: [Double] = []
        let c = classNames.count
        for t in 0..<rows { values += pixels[(t * width)..<((t + 1) * width)] + probabilities[(t * c)..<((t + 1) * c)] }
        return Grid(rows: rows, columns: width + c, values: values,
                    columnLabels: Array(repeating: "", count: width) + classNames, rowGroups: [classNames[target]])
    }

    /// The reading of a probe grid, or nil for anything else.
    public static func reading(_ grid: Grid?) -> RowReading? {
        guard let grid, grid.rows > 0, grid.values.count == grid.rows * grid.columns, grid.columnLabels.count == grid.columns,
              let targetName = grid.rowGroups.first else { return nil }
        let width = grid.columnLabels.prefix { $0.isEmpty }.count
        let names = Array(grid.columnLabels[width...])
        guard width > 0, !names.isEmpty, !names.contains(""), let target = names.firstIndex(of: targetName) else { return nil }
        let c = names.count
        var pixels: [Double] = [], probabilities: [Double] = []
        for t in 0..<grid.rows {
            let row = grid.values[(t * grid.columns)..<((t + 1) * grid.columns)]
            pixels += row.prefix(width)
            probabilities += row.suffix(c)
        }
        return RowReading(pixels: pixels, rows: grid.rows, width: width, probabilities: probabilities, classNames: names, target: target)
    }
}

extension ProbeMeasurement {
    static let rowReading = ProbeMeasurement(
        id: .rowReading,
        unavailable: { $0 == .classification ? nil : Phrase(.check(.needsAccuracy)) },
        compute: { e in e.rowReading().map { .grid($0.grid) } })
}

extension Experiment {
    /// The first validation image of an image task, read by a one-way classifier.
    func rowReading() -> RowReading? {
        guard let model = model as? SequenceModel, model.kind == .classification, model.front == nil, model.embedding == nil,
              task.preview == .image, !model.recurrent.options.bidirectional, !model.recurrent.options.goBackwards,
              let batch = validation.first, batch.batchSize > 0, let target = batch.targetClasses?.first else { return nil }
        let x = batch.inputs.slice(axis: 0, 0..<1)                     // (1, T, I)
        let (steps, width) = (x.shape[1], x.shape[2])
        var states = model.hiddenStates(inputs: x)                     // (1, T, H)
        if model.readout == .max {
            // The max read-out after row t is each unit's maximum over rows 0…t.
            let h = states.shape[2]
            for t in 1..<max(steps, 1) { for u in 0..<h { states[0, t, u] = max(states[0, t, u], states[0, t - 1, u]) } }
        }
        let logits = withNoGrad { model.head(Variable(states)).value }  // (1, T, C)
        let c = logits.shape[2], all = logits.doubles
        var probabilities: [Double] = []
        for t in 0..<steps {
            let row = Array(all[(t * c)..<((t + 1) * c)])
            let m = row.max() ?? 0
            let e = row.map { exp($0 - m) }
            let sum = e.reduce(0, +)
            probabilities += e.map { $0 / sum }
        }
        // Class indices as names: an image task's classes are its digits.
        let names = (0..<c).map(String.init)
        return RowReading(pixels: x.doubles, rows: steps, width: width, probabilities: probabilities, classNames: names, target: target)
    }
}
