import Foundation
import LabText

/// Timings measured by another engine on the same shapes (`Tests/scripts/bench_torch.py`
/// writes them), matched to our rows for `rnnlab bench --compare FILE`.
///
/// The file is `{"reference": "pytorch", "meta": {…}, "rows": [{group, name, threads,
/// value, unit}, …]}`, its rows named exactly as ours; a bare list of rows is read too.
struct ReferenceTimings {
    /// Who measured them ("pytorch"), as the file says.
    var source: String
    var rows: [BenchRow]

    private struct File: Decodable {
        var reference: String?
        var rows: [BenchRow]
    }

    /// Reads `path`; a missing or malformed file throws an error that names it.
    static func load(_ path: String, in language: Language = cliLanguage) throws -> ReferenceTimings {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw unreadable(path, error.localizedDescription, language)
        }
        return try decode(data, file: path, in: language)
    }

    /// Parses the file's bytes; `file` names it in the error.
    static func decode(_ data: Data, file: String, in language: Language = cliLanguage) throws -> ReferenceTimings {
        let decoder = JSONDecoder()
        do {
            // A bare list starts with "["; anything else is read as the object, so its error is the one reported.
            if data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "[") {
                return ReferenceTimings(source: "reference", rows: try decoder.decode([BenchRow].self, from: data))
            }
            let object = try decoder.decode(File.self, from: data)
            return ReferenceTimings(source: object.reference ?? "reference", rows: object.rows)
        } catch let error as DecodingError {
            throw unreadable(file, describe(error), language)
        } catch {
            throw unreadable(file, error.localizedDescription, language)
        }
    }

    private static func unreadable(_ file: String, _ reason: String, _ language: Language) -> BenchCompareError {
        BenchCompareError(message: language(.command(.benchCompareUnreadable),
                                            ["file": .text(file), "reason": .text(reason)]))
    }

    /// The decoder's own account of what is wrong (not the lab's sentence: passed through as data).
    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            let path = c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? c.debugDescription : path + ": " + c.debugDescription
        @unknown default:
            return String(describing: error)
        }
    }
}

/// A reference file that cannot be used; the message names the file.
struct BenchCompareError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One line of the side-by-side table: our row and the reference's, matched by
/// group + name + threads. Either side may be missing.
struct BenchComparison: Equatable {
    var group: String
    var name: String
    var threads: Int
    var unit: String
    /// Our time, nil for a row only the reference has.
    var ours: Double?
    /// The reference at the same thread count.
    var theirs: Double?
    /// The reference's best (lowest) time over all its thread counts for this group + name.
    var theirsBest: Double?

    /// ours / theirs-best: below 1 we are faster. Nil unless both sides measured the row.
    var ratio: Double? {
        guard let ours, let theirsBest, theirsBest > 0 else { return nil }
        return ours / theirsBest
    }

    /// Our rows in their order, each with the reference's figures, then the rows
    /// only the reference has. Only time rows (lower is better) have a best.
    static func match(ours: [BenchRow], theirs: [BenchRow]) -> [BenchComparison] {
        func key(_ r: BenchRow) -> String { r.group + "\u{1}" + r.name }
        var exact: [String: BenchRow] = [:]
        var best: [String: Double] = [:]
        for r in theirs {
            exact[key(r) + "\u{1}\(r.threads)"] = r
            best[key(r)] = min(best[key(r)] ?? .infinity, r.value)
        }
        var matched = Set<String>()
        var lines: [BenchComparison] = []
        for r in ours {
            let k = key(r) + "\u{1}\(r.threads)"
            let same = exact[k]
            if same != nil { matched.insert(k) }
            lines.append(BenchComparison(group: r.group, name: r.name, threads: r.threads, unit: r.unit,
                                         ours: r.value, theirs: same?.value, theirsBest: best[key(r)]))
        }
        for r in theirs where !matched.contains(key(r) + "\u{1}\(r.threads)") {
            lines.append(BenchComparison(group: r.group, name: r.name, threads: r.threads, unit: r.unit,
                                         ours: nil, theirs: r.value, theirsBest: best[key(r)]))
        }
        return lines
    }
}
