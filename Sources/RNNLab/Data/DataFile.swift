import LabText
import Foundation

/// The bytes of one data file, decompressed when it is gzipped, with the path
/// kept for error messages.
struct DataFile {
    let path: String
    let bytes: [UInt8]

    /// Reads `path`; a `.gz` file (or any file starting with the gzip magic
    /// number) is inflated. A missing, unreadable, damaged or empty file throws,
    /// and so does anything that is not a regular file (a FIFO would block) or
    /// that is, or inflates to, more than `Gzip.outputLimit` bytes: no data file
    /// is read or inflated past that cap.
    init(path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DataError(path: path, errno == ENOENT || errno == ENOTDIR ? .notFound : .cannotRead)
        }
        let type = info.st_mode & S_IFMT
        guard type != S_IFDIR else { throw DataError(path: path, .isFolder) }
        guard type == S_IFREG else { throw DataError(path: path, .notRegularFile) }
        guard Int(info.st_size) <= Gzip.outputLimit else {
            throw DataError(path: path, .fileTooLarge, ["size": .integer(Int(info.st_size) >> 20), "limit": .integer(Gzip.outputLimit >> 20)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(path: path, .cannotRead)
        }
        var raw = [UInt8](data)
        if Gzip.isGzip(raw) {
            do { raw = try Gzip.decompress(raw) } catch let error as GzipError {
                throw DataError(path: path, problem: error.phrase)
            }
        } else if path.hasSuffix(".gz") {
            throw DataError(path: path, .notGzip)
        }
        guard raw.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw DataError(path: path, .empty)
        }
        bytes = raw
    }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Calls `body` with each line's 1-based number and its byte range (without
    /// the line break; a trailing carriage return is dropped too).
    func forEachLine(_ body: (Int, Range<Int>) throws -> Void) rethrows {
        var start = 0
        var number = 1
        let n = bytes.count
        try bytes.withUnsafeBufferPointer { b in
            while start < n {
                var end = start
                while end < n && b[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start && b[stop - 1] == 0x0D { stop -= 1 }
                try body(number, start..<stop)
                number += 1
                start = end + 1
            }
        }
    }

    /// The line as text (invalid UTF-8 is repaired, never fatal).
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The whole file as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The ranges of the fields of a line split at `separator`.
    func fields(_ range: Range<Int>, separator: UInt8 = UInt8(ascii: ",")) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == separator {
            result.append(start..<i)
            start = i + 1
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// The largest magnitude a data value may have: 1e15. Data is trained on in
    /// float32 after standardisation; one value of 1e16 or more among ordinary
    /// ones makes the standard deviation so large that every other value
    /// standardises to the same float, and past about 1e19 the sum of squares
    /// of a few rows loses the ordinary values entirely (past 3.4e38 the value
    /// is not even a float). No real measurement in the lab's data comes near:
    /// 1e15 is still an exact whole number in a Double (below 2^53 ≈ 9e15).
    static let maxMagnitude = 1e15

    /// At most this many characters of a field are quoted in an error message.
    static let excerptLength = 40

    /// `text` cut to `excerptLength` characters, with "…" when something was
    /// cut, and control characters (NUL, escape, …) shown as "�" so a data file
    /// cannot write terminal escapes into a message.
    static func excerpt<S: StringProtocol>(_ text: S) -> String {
        let cut = text.count > excerptLength ? String(text.prefix(excerptLength)) + "…" : String(text)
        var out = String.UnicodeScalarView()
        for s in cut.unicodeScalars { out.append(s.properties.generalCategory == .control ? "\u{FFFD}" : s) }
        return String(out)
    }

    /// A field's text for an error message: at most `excerptLength` characters
    /// (only the start of a huge field is decoded).
    func excerpt(_ range: Range<Int>) -> String {
        let head = range.lowerBound..<min(range.upperBound, range.lowerBound + 4 * (DataFile.excerptLength + 1))
        let text = String(decoding: bytes[head], as: UTF8.self)
        return head == range ? DataFile.excerpt(text) : DataFile.excerpt(text.prefix(DataFile.excerptLength)) + "…"
    }

    /// Parses a field as a number no larger in magnitude than `maxMagnitude`,
    /// or refuses it with `line` and `what` ("value", "dimension 2:") naming the field.
    func value(_ range: Range<Int>, line: Int, what: Phrase) throws -> Double {
        guard let v = number(range) else {
            throw DataError(path: path, line: line, .notANumber, ["field": .phrase(what), "text": .text(excerpt(trimmed(range)))])
        }
        guard abs(v) <= DataFile.maxMagnitude else {
            throw DataError(path: path, line: line, .tooLarge,
                            ["field": .phrase(what), "text": .text(excerpt(trimmed(range))), "limit": .text(NumberFormat.compact(DataFile.maxMagnitude))])
        }
        return v
    }

    /// The range without surrounding spaces.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && bytes[lo] == 0x20 { lo += 1 }
        while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
        return lo..<hi
    }

    /// Parses a field as a finite decimal number, or returns nil. Quotes around
    /// the field and surrounding spaces are allowed.
    func number(_ range: Range<Int>) -> Double? {
        var (lo, hi) = (trimmed(range).lowerBound, trimmed(range).upperBound)
        if hi - lo >= 2 && bytes[lo] == 0x22 && bytes[hi - 1] == 0x22 { lo += 1; hi -= 1 }
        guard lo < hi else { return nil }
        return DataFile.parseNumber(bytes, lo..<hi)
    }

    /// Fast path for `[-+]digits[.digits]` with up to 18 significant digits,
    /// exact by one correctly rounded division; anything else (exponents, long
    /// mantissas) goes through the standard library. NaN, infinity and hex are refused.
    static func parseNumber(_ b: [UInt8], _ range: Range<Int>) -> Double? {
        var i = range.lowerBound
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: Int64 = 0
        var digits = 0, fraction = 0
        var seenPoint = false
        var simple = true
        while i < range.upperBound {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                if digits < 18 { mantissa = mantissa * 10 + Int64(c - 0x30); digits += 1; if seenPoint { fraction += 1 } }
                else { simple = false; break }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                simple = false
                break
            }
            i += 1
        }
        if simple {
            guard digits > 0 else { return nil }
            let value = Double(mantissa) / powersOfTen[fraction]
            return negative ? -value : value
        }
        // Decimal notation only: the standard library also reads hex ("0x10"), "inf" and "nan".
        let decimal = b[range].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 | 0x20 == 0x65 }
        guard decimal, let value = Double(String(decoding: b[range], as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    private static let powersOfTen: [Double] = (0...18).map { (0..<$0).reduce(1.0) { v, _ in v * 10 } }
}
