import LabText
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
        guard fd >= 0 else { throw LessonError(file: path, line: 1, .cannotOpen, ["reason": .text(String(cString: strerror(errno)))]) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LessonError(file: path, line: 1, .cannotRead, ["reason": .text(String(cString: strerror(errno)))]) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw LessonError(file: path, line: 1, describe(type))
        }
        guard Int(info.st_size) <= maximumBytes else {
            throw LessonError(file: path, line: 1, .fileTooLarge, ["bytes": .integer(Int(info.st_size)), "limit": .integer(maximumBytes)])
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw LessonError(file: path, line: 1, .cannotRead, ["reason": .text(String(cString: strerror(errno)))]) }
            if n == 0 { break }
            count += n
        }
        guard count <= maximumBytes else {
            throw LessonError(file: path, line: 1, .fileGrewTooLarge, ["limit": .integer(maximumBytes)])
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
                throw LessonError(file: file, line: number, .notUTF8)
            }
            if line.count > maximumLineLength {
                throw LessonError(file: file, line: number, .lineTooLong, ["characters": .integer(line.count), "limit": .integer(maximumLineLength)])
            }
            lines.append(line)
            start = end + 1
            number += 1
        }
        return lines.joined(separator: "\n")
    }

    /// Why a file of this type is not a lesson.
    private static func describe(_ type: mode_t) -> LessonFileKey {
        switch type {
        case S_IFDIR: return .isFolder
        case S_IFIFO: return .isFIFO
        case S_IFCHR: return .isCharacterDevice
        case S_IFBLK: return .isBlockDevice
        case S_IFSOCK: return .isSocket
        default: return .notRegularFile
        }
    }
}
