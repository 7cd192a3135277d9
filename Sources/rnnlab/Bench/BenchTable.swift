import Foundation

/// Bench rows as a plain-text table, one line per measurement, the thread
/// counts side by side.
enum BenchTable {
    static func render(_ rows: [BenchRow]) -> String {
        var keys: [String] = []
        var byKey: [String: [Int: BenchRow]] = [:]
        for r in rows {
            let key = r.group + "\u{1}" + r.name
            if byKey[key] == nil { keys.append(key) }
            byKey[key, default: [:]][r.threads] = r
        }
        let threadCounts = Array(Set(rows.map(\.threads))).sorted()
        var lines = [pad("group", 8) + pad("benchmark", 34)
            + threadCounts.map { pad("\($0) thread" + ($0 == 1 ? "" : "s"), 14) }.joined() + "reference"]
        for key in keys {
            let entry = byKey[key]!
            let any = entry.values.first!
            var line = pad(any.group, 8) + pad(any.name, 34)
            for t in threadCounts {
                line += pad(entry[t].map { format($0.value) + " " + $0.unit } ?? "-", 14)
            }
            if let ref = any.reference { line += format(ref) + " " + any.unit }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ v: Double) -> String {
        v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.3g", v)
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
