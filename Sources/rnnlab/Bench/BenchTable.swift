import Foundation
import LabText
import TerminalUI

/// Bench rows as a plain-text table, one line per measurement, the thread
/// counts side by side; columns are padded by display width.
enum BenchTable {
    static func render(_ rows: [BenchRow], in language: Language = cliLanguage) -> String {
        var keys: [String] = []
        var byKey: [String: [Int: BenchRow]] = [:]
        for r in rows {
            let key = r.group + "\u{1}" + r.name
            if byKey[key] == nil { keys.append(key) }
            byKey[key, default: [:]][r.threads] = r
        }
        let threadCounts = Array(Set(rows.map(\.threads))).sorted()
        var lines = [pad(language(.command(.benchGroup)), 8) + pad(language(.command(.benchName)), 34)
            + threadCounts.map { pad(language(.command(.benchThreads), ["threads": .integer($0)]), 14) }.joined()
            + language(.command(.benchReference))]
        for key in keys {
            let entry = byKey[key]!
            let any = entry.values.first!
            var line = pad(any.group, 8) + pad(any.name, 34)
            for t in threadCounts {
                line += pad(entry[t].map { value($0.value, $0.unit, language) } ?? "-", 14)
            }
            if let ref = any.reference { line += value(ref, any.unit, language) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The side-by-side table of `--compare`: per row our value, the reference's at
    /// the same thread count and its best over thread counts, and ours / best; rows
    /// only one side measured say so in the ratio column.
    static func renderComparison(_ lines: [BenchComparison], source: String, file: String,
                                 in language: Language = cliLanguage) -> String {
        let columns: [(TextKey, Int)] = [(.command(.benchGroup), 14), (.command(.benchName), 46),
                                         (.command(.benchThreads), 11), (.command(.benchOurs), 12),
                                         (.command(.benchTheirs), 12), (.command(.benchTheirsBest), 14),
                                         (.command(.benchRatioColumn), 0)]
        var header = ""
        for (key, width) in columns {
            let title = key == .command(.benchThreads) ? "" : language(key)
            header += width == 0 ? title : pad(title, width)
        }
        var out = [language(.command(.benchCompareFile), ["reference": .text(source), "file": .text(file)]), header]
        for l in lines {
            var line = pad(l.group, 14) + pad(l.name, 46)
                + pad(language(.command(.benchThreads), ["threads": .integer(l.threads)]), 11)
            for (v, width) in [(l.ours, 12), (l.theirs, 12), (l.theirsBest, 14)] {
                line += pad(v.map { value($0, l.unit, language) } ?? "-", width)
            }
            if let r = l.ratio {
                line += language(.command(.benchRatio), ["ratio": .text(NumberFormat.fixed(r, decimals: 2))])
            } else {
                line += language(.command(l.ours == nil ? .benchOnlyTheirs : .benchOnlyOurs))
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// "12.3 ms", "45 GFLOP/s".
    private static func value(_ v: Double, _ unit: String, _ language: Language) -> String {
        language(.command(.benchValue), ["value": .text(format(v)), "unit": .text(unit)])
    }

    /// Three significant digits, whole numbers from 100 on: 123, 45.6, 7.89, 0.0123.
    static func format(_ v: Double) -> String {
        v >= 100 ? NumberFormat.fixed(v, decimals: 0) : NumberFormat.compact(v, significantDigits: 3)
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.displayWidth >= width ? s + " " : padded(s, to: width)
    }
}
