import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a lesson file's text safely: only a regular file (a folder, FIFO or
/// device is refused by its type before anything is read, so nothing blocks),
/// at most `maximumBytes`, valid UTF-8 (the bad byte's line is named), lines of
/// at most `maximumLineLength` characters.
public enum LessonFile {
    /// 1 MiB: the longest shipped lesson is about 25 KB.
    public static let maximumBytes = 1 << 20
    /// Characters per line: the longest shipped line has under 200.
    public static let maximumLineLength = 1_000

    public static func text(at url: URL) throws -> String {
        let path = url.path
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw LessonError(file: path, line: 1, "cannot open the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LessonError(file: path, line: 1, "cannot read the file: \(String(cString: strerror(errno)))") }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw LessonError(file: path, line: 1, "is \(describe(type)), not a lesson file (a lesson is a regular .md file)")
        }
        guard Int(info.st_size) <= maximumBytes else {
            throw LessonError(file: path, line: 1, "the file has \(info.st_size) bytes; a lesson file has at most \(maximumBytes)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw LessonError(file: path, line: 1, "cannot read the file: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            count += n
        }
        guard count <= maximumBytes else {
            throw LessonError(file: path, line: 1, "the file has over \(maximumBytes) bytes; a lesson file has at most \(maximumBytes)")
        }
        return try decode(Array(bytes[..<count]), file: path)
    }

    /// The text of `bytes`; invalid UTF-8 and over-long lines are refused with their line.
    public static func decode(_ bytes: [UInt8], file: String) throws -> String {
        var lines: [String] = []
        var start = 0
        var number = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            guard let line = String(bytes: bytes[start..<end], encoding: .utf8) else {
                throw LessonError(file: file, line: number, "this line is not valid UTF-8 text")
            }
            if line.count > maximumLineLength {
                throw LessonError(file: file, line: number, "the line has \(line.count) characters; a lesson line has at most \(maximumLineLength)")
            }
            lines.append(line)
            start = end + 1
            number += 1
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
