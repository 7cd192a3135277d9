import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old contents or the complete
/// new ones, never a half-written file, even if the process dies midway.
///
/// The steps: create a uniquely named temporary file in the destination's own
/// directory (a rename is only atomic within one file system), write, `fsync`
/// the file, `rename` it over the destination, then `fsync` the directory so
/// the rename itself survives a crash. On any failure before the rename the
/// temporary file is removed and the destination is untouched.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws {
        try write(to: url, permissions: permissions) { writer in
            try data.withUnsafeBytes { try writer.write($0) }
        }
    }

    /// Creates the temporary file, lets `body` fill it through the writer, and
    /// moves it into place. Anything `body` throws is rethrown after cleanup.
    public static func write(
        to url: URL, permissions: mode_t = 0o644, _ body: (inout Writer) throws -> Void
    ) throws {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(operation: "create a temporary file in", path: directory, code: errno) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var isOpen = true
        do {
            var writer = Writer(fd: fd, path: tempPath)
            try body(&writer)
            guard fchmod(fd, permissions) == 0 else { throw Failure(operation: "set permissions of", path: tempPath, code: errno) }
            guard fsync(fd) == 0 else { throw Failure(operation: "sync", path: tempPath, code: errno) }
            isOpen = false
            guard close(fd) == 0 else { throw Failure(operation: "close", path: tempPath, code: errno) }
            guard rename(tempPath, path) == 0 else { throw Failure(operation: "rename \(tempPath) to", path: path, code: errno) }
        } catch {
            if isOpen { _ = close(fd) }
            _ = unlink(tempPath)
            throw error
        }
        syncDirectory(directory)
    }

    /// Makes the rename durable. Best effort: some file systems refuse to sync
    /// a directory, and the file itself is complete either way.
    private static func syncDirectory(_ directory: String) {
        let dirFD = open(directory, O_RDONLY)
        guard dirFD >= 0 else { return }
        _ = fsync(dirFD)
        _ = close(dirFD)
    }

    /// Appends bytes to the temporary file.
    public struct Writer {
        let fd: Int32
        let path: String

        /// Writes all of `bytes`, retrying short writes and interrupted calls.
        public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard var next = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                #if canImport(Darwin)
                let n = Darwin.write(fd, next, remaining)
                #elseif canImport(Musl)
                let n = Musl.write(fd, next, remaining)
                #else
                let n = Glibc.write(fd, next, remaining)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "write", path: path, code: errno)
                }
                next += n
                remaining -= n
            }
        }
    }

    /// A system call that failed, with the path and the system's reason.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var operation: String
        public var path: String
        public var code: Int32

        public var description: String {
            "could not \(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}
