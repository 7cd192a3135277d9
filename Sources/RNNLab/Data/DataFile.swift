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
            throw DataError(path: path, reason: errno == ENOENT || errno == ENOTDIR ? "file not found" : "cannot be read")
        }
        let type = info.st_mode & S_IFMT
        guard type != S_IFDIR else { throw DataError(path: path, reason: "is a folder, not a file") }
        guard type == S_IFREG else { throw DataError(path: path, reason: "is not a regular file") }
        guard Int(info.st_size) <= Gzip.outputLimit else {
            throw DataError(path: path, reason: "is \(Int(info.st_size) >> 20) MiB, over the \(Gzip.outputLimit >> 20) MiB limit for a data file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(path: path, reason: "cannot be read")
        }
        var raw = [UInt8](data)
        if Gzip.isGzip(raw) {
            do { raw = try Gzip.decompress(raw) } catch let error as GzipError {
                throw DataError(path: path, reason: error.description)
            }
        } else if path.hasSuffix(".gz") {
            throw DataError(path: path, reason: "not a gzip file (no gzip magic number)")
        }
        guard raw.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw DataError(path: path, reason: "file is empty")
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

    /// Parses a field as a finite decimal number, or returns nil. Quotes around
    /// the field and surrounding spaces are allowed.
    func number(_ range: Range<Int>) -> Double? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && bytes[lo] == 0x20 { lo += 1 }
        while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
        if hi - lo >= 2 && bytes[lo] == 0x22 && bytes[hi - 1] == 0x22 { lo += 1; hi -= 1 }
        guard lo < hi else { return nil }
        return DataFile.parseNumber(bytes, lo..<hi)
    }

    /// Fast path for `[-+]digits[.digits]` with up to 18 significant digits,
    /// exact by one correctly rounded division; anything else (exponents, long
    /// mantissas) goes through the standard library. NaN and infinity are refused.
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
        guard let value = Double(String(decoding: b[range], as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    private static let powersOfTen: [Double] = (0...18).map { (0..<$0).reduce(1.0) { v, _ in v * 10 } }
}
