import LabText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small state file without trusting what sits at the path: a FIFO is
/// opened non-blocking and refused, a directory or device (a symlink to
/// `/dev/zero`) is refused, and at most `limit` bytes are read.
public enum SafeRead {
    /// What a read found.
    public enum Outcome: Equatable, Sendable {
        /// Nothing at the path (not an error: a first start).
        case missing
        case contents(Data)
    }

    /// The largest state file read (progress or knobs): 4 MiB, far above what
    /// a learner's progress or knob values take (a few KiB).
    public static let stateFileLimit = 4 << 20

    /// Reads `url`; throws a ``SafeFile/Refusal`` naming the path when it is not
    /// a regular file or is larger than `limit` bytes.
    public static func read(_ url: URL, limit: Int = stateFileLimit) throws -> Outcome {
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return .missing }
            if code == ENOTDIR {
                throw SafeFile.Refusal(.cannotReadPathNotFolder, ["file": .text(url.path)])
            }
            throw SafeFile.Failure(operation: .open, path: url.path, code: code)
        }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SafeFile.Failure(operation: .inspect, path: url.path, code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SafeFile.Refusal(.cannotReadNotRegular, ["file": .text(url.path), "kind": .phrase(SafeFile.kindName(info.st_mode))])
        }
        guard Int(info.st_size) <= limit else {
            throw SafeFile.Refusal(.cannotReadTooLarge, ["file": .text(url.path), "bytes": .integer(Int(info.st_size)), "limit": .integer(limit)])
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SafeFile.Failure(operation: .read, path: url.path, code: errno)
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            guard data.count <= limit else {
                throw SafeFile.Refusal(.cannotReadGrew, ["file": .text(url.path), "limit": .integer(limit)])
            }
        }
        return .contents(data)
    }
}

/// `read(2)`, named apart from the static `read` above.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
