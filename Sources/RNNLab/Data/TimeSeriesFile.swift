import LabText
import Foundation

/// A labelled multivariate series from an sktime `.ts` file.
public struct LabelledSeries: Sendable {
    /// steps × dimensions values, step-major (the features of step 0, then step 1, …).
    public var values: [Float]
    public var steps: Int
    /// Index into the file's class labels.
    public var label: Int
}

/// A whole `.ts` file: its class labels (as declared by `@classLabel`) and series.
public struct LabelledSeriesSet: Sendable {
    public var dimensions: Int
    public var classLabels: [String]
    public var series: [LabelledSeries]

    /// Reads the sktime `.ts` text format: header lines starting with `@`
    /// (`@dimensions`, `@classLabel true …`, then `@data`), comments starting
    /// with `#`, then one series per line: each dimension's comma-separated
    /// values, dimensions separated by `:`, and the class label last. All
    /// dimensions of one series must have the same length; "?" (missing) is refused.
    public static func load(path: String) throws -> LabelledSeriesSet {
        let file = try DataFile(path: path)
        var dimensions: Int? = nil
        var labels: [String]? = nil
        var inData = false
        var series: [LabelledSeries] = []
        try file.forEachLine { line, range in
            let first = range.first { file.bytes[$0] != 0x20 && file.bytes[$0] != 0x09 }
            guard let first, file.bytes[first] != UInt8(ascii: "#") else { return }
            if !inData {
                let text = file.text(first..<range.upperBound).trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("@") else { throw DataError(path: path, line: line, .dataBeforeSection) }
                let parts = text.split(separator: " ").map(String.init)
                switch parts[0].lowercased() {
                case "@dimensions":
                    guard parts.count == 2, let d = Int(parts[1]), d > 0 else {
                        throw DataError(path: path, line: line, .badDimensions)
                    }
                    dimensions = d
                case "@classlabel":
                    guard parts.count >= 3, parts[1] == "true" else {
                        throw DataError(path: path, line: line, .badClassLabel)
                    }
                    labels = Array(parts[2...])
                case "@data":
                    guard dimensions != nil else { throw DataError(path: path, line: line, .dataBeforeDimensions) }
                    guard labels != nil else { throw DataError(path: path, line: line, .dataBeforeClassLabel) }
                    inData = true
                default: break
                }
                return
            }
            let fields = file.fields(range, separator: UInt8(ascii: ":"))
            let d = dimensions!
            guard fields.count == d + 1 else {
                throw DataError(path: path, line: line, .fieldCount, ["dimensions": .integer(d), "fields": .integer(d + 1), "found": .integer(fields.count)])
            }
            let label = file.text(fields[d]).trimmingCharacters(in: .whitespaces)
            guard let index = labels!.firstIndex(of: label) else {
                throw DataError(path: path, line: line, .undeclaredLabel, ["label": .text(DataFile.excerpt(label))])
            }
            var columns: [[Float]] = []
            for (k, field) in fields[0..<d].enumerated() {
                var column: [Float] = []
                for item in file.fields(field) {
                    column.append(Float(try file.value(item, line: line, what: Phrase(.data(.dimensionField), ["dimension": .integer(k + 1)]))))
                }
                if let first = columns.first, first.count != column.count {
                    throw DataError(path: path, line: line, .dimensionLength, ["dimension": .integer(k + 1), "steps": .integer(column.count), "first": .integer(first.count)])
                }
                columns.append(column)
            }
            let steps = columns[0].count
            var values = [Float](repeating: 0, count: steps * d)
            for t in 0..<steps { for k in 0..<d { values[t * d + k] = columns[k][t] } }
            series.append(LabelledSeries(values: values, steps: steps, label: index))
        }
        guard inData else { throw DataError(path: path, .noDataSection) }
        guard !series.isEmpty else { throw DataError(path: path, .noSeries) }
        return LabelledSeriesSet(dimensions: dimensions!, classLabels: labels!, series: series)
    }
}
