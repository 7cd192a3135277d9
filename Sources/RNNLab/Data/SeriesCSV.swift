import LabText
import Foundation

/// A univariate time series read from a CSV file.
public struct TimeSeries: Sendable {
    /// The time of each observation (a decimal year, or yyyymmdd for weekly dates).
    public let times: [Double]
    /// The values; a missing observation has been filled (see `observed`).
    public let values: [Double]
    /// False where the file had no value and `values` holds a linear interpolation.
    public let observed: [Bool]
    public var count: Int { values.count }
    public var missingCount: Int { observed.filter { !$0 }.count }

    /// Monthly sunspots: header `"","time","sunspot.month"`, then `"n",time,value`.
    /// Every row must have 3 columns and numbers in the last two; no value may be missing.
    public static func loadSunspots(path: String) throws -> TimeSeries {
        try load(path: path, header: ["", "time", "sunspot.month"], timeColumn: 1, valueColumn: 2, allowMissing: false)
    }

    /// Weekly CO2: header `date,co2`, then `yyyymmdd,value` where the value may be empty.
    /// Empty values are filled by linear interpolation between the nearest observed
    /// rows (the rows are evenly spaced weeks) and flagged in `observed`; they never become NaN.
    public static func loadCO2(path: String) throws -> TimeSeries {
        try load(path: path, header: ["date", "co2"], timeColumn: 0, valueColumn: 1, allowMissing: true)
    }

    static func load(path: String, header: [String], timeColumn: Int, valueColumn: Int,
                     allowMissing: Bool) throws -> TimeSeries {
        let file = try DataFile(path: path)
        var times: [Double] = []
        var raw: [Double?] = []
        var sawHeader = false
        var blankLine: Int? = nil
        try file.forEachLine { line, range in
            if range.isEmpty { blankLine = blankLine ?? line; return }
            if let blankLine { throw DataError(path: path, line: blankLine, .blankLine) }
            let fields = file.fields(range)
            guard fields.count == header.count else {
                throw DataError(path: path, line: line, .columnCount, ["expected": .integer(header.count), "found": .integer(fields.count)])
            }
            if !sawHeader {
                let names = fields.map { file.text($0).trimmingCharacters(in: ["\"", " "]) }
                guard names == header else {
                    throw DataError(path: path, line: line, .header, ["expected": .text(header.joined(separator: ",")), "found": .text(file.excerpt(range))])
                }
                sawHeader = true
                return
            }
            let t = try file.value(fields[timeColumn], line: line, what: Phrase(.data(.timeField)))
            if let last = times.last, t <= last {
                throw DataError(path: path, line: line, .timeNotIncreasing, ["time": .text(file.excerpt(file.trimmed(fields[timeColumn])))])
            }
            let text = file.text(fields[valueColumn]).trimmingCharacters(in: [" "])
            if text.isEmpty {
                guard allowMissing else { throw DataError(path: path, line: line, .missingValue) }
                raw.append(nil)
            } else {
                raw.append(try file.value(fields[valueColumn], line: line, what: Phrase(.data(.valueField))))
            }
            times.append(t)
        }
        guard sawHeader else { throw DataError(path: path, .empty) }
        guard raw.count >= 2 else { throw DataError(path: path, .noRows) }
        guard raw.contains(where: { $0 != nil }) else { throw DataError(path: path, .allMissing) }
        return TimeSeries(times: times, values: interpolate(raw), observed: raw.map { $0 != nil })
    }

    /// Fills gaps linearly between the observed neighbours; a gap at either end
    /// takes the nearest observed value.
    static func interpolate(_ raw: [Double?]) -> [Double] {
        var out = [Double](repeating: 0, count: raw.count)
        var previous: Int? = nil
        for i in raw.indices {
            guard let v = raw[i] else { continue }
            out[i] = v
            let start = previous.map { $0 + 1 } ?? 0
            for j in start..<i {
                if let p = previous {
                    let w = Double(j - p) / Double(i - p)
                    out[j] = raw[p]! * (1 - w) + v * w
                } else {
                    out[j] = v
                }
            }
            previous = i
        }
        if let p = previous { for j in (p + 1)..<raw.count { out[j] = raw[p]! } }
        return out
    }
}
