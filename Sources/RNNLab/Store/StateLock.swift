import LabText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on the state folder (`flock` on `.lock` in it), held while
/// one lab re-reads, merges and writes a state file, so two labs on one folder
/// merge instead of overwriting each other. Held for milliseconds; a lab that
/// cannot get it within `timeout` reports that instead of waiting forever.
public enum StateLock {
    /// The lock file's name in the state folder.
    public static let fileName = ".lock"

    /// Runs `body` holding the lock on `folder`, creating the folder (and the
    /// lock file) when missing.
    public static func withLock<T>(_ folder: URL, timeout: Duration = .seconds(5), _ body: () throws -> T) throws -> T {
        try ensureFolder(folder)
        let path = folder.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard fd >= 0 else { throw SafeFile.Failure(operation: .openLock, path: path, code: errno) }
        defer { _ = close(fd) }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw SafeFile.Failure(operation: .lock, path: path, code: code)
            }
            guard clock.now < deadline else {
                throw SafeFile.Refusal(.stayedLocked, ["folder": .text(folder.path), "time": .text("\(timeout)")])
            }
            usleep(10_000)
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }

    /// Creates the state folder with its parents; refuses a file in its place.
    public static func ensureFolder(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SafeFile.Refusal(.folderIsFile, ["folder": .text(folder.path)])
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SafeFile.Refusal(.cannotCreateFolder, ["folder": .text(folder.path), "reason": .text(error.localizedDescription)])
        }
    }
}
