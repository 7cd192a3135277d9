import LabText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old contents or the complete
/// new ones, and never destroys what sits at the path.
///
/// Before anything is written, ``destination(of:)`` decides where the bytes go:
/// a symlink is followed to the file it names (the link stays a link), a
/// directory, FIFO, socket or device node is refused and left alone, and the
/// folder must exist. Then: a uniquely named temporary file in that folder (a
/// rename is only atomic within one file system), the bytes, the old file's
/// permission bits (0644 for a new file), `fsync` when `durable`, `rename` over
/// the destination, and `fsync` of the folder. On any failure before the rename
/// the temporary file is removed and the destination is untouched.
public enum SafeFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        try write(to: url, durable: durable) { writer in
            try data.withUnsafeBytes { try writer.write($0) }
        }
    }

    /// Checks the destination, creates the temporary file, lets `body` fill it
    /// through the writer, and moves it into place. Anything `body` throws is
    /// rethrown after cleanup.
    public static func write(to url: URL, durable: Bool = true, _ body: (inout Writer) throws -> Void) throws {
        let target = try destination(of: url)
        let directory = (target.path as NSString).deletingLastPathComponent
        let name = (target.path as NSString).lastPathComponent
        var template = Array("\(directory)/\(temporaryPrefix(of: name))XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(operation: .createTemporary, path: directory, code: errno) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var isOpen = true
        do {
            var writer = Writer(fd: fd, path: tempPath)
            try body(&writer)
            guard fchmod(fd, target.permissions) == 0 else { throw Failure(operation: .setPermissions, path: tempPath, code: errno) }
            if let owner = target.owner, owner.uid != geteuid() || owner.gid != getegid() {
                _ = fchown(fd, owner.uid, owner.gid)  // best effort: only root may give a file away
            }
            if durable { guard fsync(fd) == 0 else { throw Failure(operation: .sync, path: tempPath, code: errno) } }
            isOpen = false
            guard close(fd) == 0 else { throw Failure(operation: .close, path: tempPath, code: errno) }
            // The check above and this rename are not one step; refuse if a
            // non-regular file appeared at the path in between.
            if let kind = nonRegularKind(at: target.path) {
                throw Refusal(.notRegularFile, ["file": .text(target.path), "kind": .phrase(kind)])
            }
            guard rename(tempPath, target.path) == 0 else { throw Failure(operation: .rename(from: tempPath), path: target.path, code: errno) }
        } catch {
            if isOpen { _ = close(fd) }
            _ = unlink(tempPath)
            throw error
        }
        if durable { syncDirectory(directory) }
    }

    /// The name of the temporary files a write to `name` creates (`.name.tmp-` and six characters).
    public static func temporaryPrefix(of name: String) -> String { ".\(name).tmp-" }

    /// Where a write to `url` would go, and the mode and owner it keeps; throws
    /// the refusal the writer would give. `rnnlab run` calls this for its output
    /// paths before training, so a bad path costs nothing.
    public static func destination(of url: URL) throws -> Destination {
        var path = url.path
        for _ in 0..<maxSymlinkHops {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                let code = errno
                guard code == ENOENT else { throw Failure(operation: .inspect, path: path, code: code) }
                try checkFolder(of: path, for: url)
                return Destination(path: path, permissions: 0o644, owner: nil)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                path = try linkTarget(of: path)
            case S_IFREG:
                try checkFolder(of: path, for: url)
                return Destination(path: path, permissions: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
            default:
                throw Refusal(.notRegularFile, ["file": .phrase(describe(url, path)), "kind": .phrase(kindName(info.st_mode))])
            }
        }
        throw Refusal(.symlinkLoop, ["file": .text(url.path), "limit": .integer(maxSymlinkHops)])
    }

    /// A write's resolved destination.
    public struct Destination: Sendable, Equatable {
        /// The real file the bytes go to (after following symlinks).
        public var path: String
        /// Permission bits the new file gets: the old file's, or 0644.
        public var permissions: mode_t
        /// The old file's owner, kept when the writer may (root).
        public var owner: (uid: uid_t, gid: gid_t)?

        public static func == (a: Destination, b: Destination) -> Bool {
            a.path == b.path && a.permissions == b.permissions && a.owner?.uid == b.owner?.uid && a.owner?.gid == b.owner?.gid
        }
    }

    static let maxSymlinkHops = 32

    private static func describe(_ url: URL, _ path: String) -> Phrase {
        path == url.path ? .verbatim(path) : Phrase(.store(.linkTo), ["link": .text(url.path), "target": .text(path)])
    }

    /// The folder of `path` must exist, be a folder, and be writable.
    private static func checkFolder(of path: String, for url: URL) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let shown = folder.isEmpty ? "." : folder
        var info = stat()
        guard stat(shown, &info) == 0 else {
            throw Refusal(.cannotWriteNoFolder, ["file": .phrase(describe(url, path)), "folder": .text(shown)])
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Refusal(.cannotWriteNotFolder, ["file": .phrase(describe(url, path)), "folder": .text(shown)])
        }
        guard access(shown, W_OK) == 0 else {
            throw Refusal(.cannotWriteNotWritable, ["file": .phrase(describe(url, path)), "folder": .text(shown)])
        }
    }

    /// The path a symlink names, relative links taken from the link's folder.
    private static func linkTarget(of path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { throw Failure(operation: .readLink, path: path, code: errno) }
        let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
    }

    /// What sits at `path` when it is something other than a regular file
    /// (symlinks followed); nil for a regular file or nothing.
    static func nonRegularKind(at path: String) -> Phrase? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFREG ? nil : kindName(info.st_mode)
    }

    /// "a directory", "a FIFO", … for a file mode.
    static func kindName(_ mode: mode_t) -> Phrase {
        switch mode & S_IFMT {
        case S_IFDIR: return Phrase(.store(.aDirectory))
        case S_IFIFO: return Phrase(.store(.aFIFO))
        case S_IFCHR: return Phrase(.store(.aCharacterDevice))
        case S_IFBLK: return Phrase(.store(.aBlockDevice))
        case S_IFSOCK: return Phrase(.store(.aSocket))
        case S_IFLNK: return Phrase(.store(.aSymbolicLink))
        default: return Phrase(.store(.aRegularFile))
        }
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
                    throw Failure(operation: .write, path: path, code: errno)
                }
                next += n
                remaining -= n
            }
        }
    }

    /// A system call that failed, with the path and the system's reason.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// What the store was doing; each has its own message.
        public enum Operation: Sendable, Equatable {
            case create, createTemporary, setPermissions, sync, close, write, read, open, inspect, readLink
            case openLock, lock, setAside
            case rename(from: String)
        }

        public var operation: Operation
        public var path: String
        public var code: Int32

        public var phrase: Phrase {
            var arguments: [String: TextArgument] = ["path": .text(path), "reason": .text(String(cString: strerror(code))),
                                                     "code": .integer(Int(code))]
            let key: StoreKey
            switch operation {
            case .create: key = .couldNotCreate
            case .createTemporary: key = .couldNotCreateTemporary
            case .setPermissions: key = .couldNotSetPermissions
            case .sync: key = .couldNotSync
            case .close: key = .couldNotClose
            case .write: key = .couldNotWrite
            case .read: key = .couldNotRead
            case .open: key = .couldNotOpen
            case .inspect: key = .couldNotInspect
            case .readLink: key = .couldNotReadLink
            case .openLock: key = .couldNotOpenLock
            case .lock: key = .couldNotLock
            case .setAside: key = .couldNotSetAside
            case .rename(let from):
                key = .couldNotRename
                arguments["from"] = .text(from)
            }
            return Phrase(.store(key), arguments)
        }

        public var description: String { Language.english.render(phrase) }
    }

    /// A destination the writer will not touch, and why.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var phrase: Phrase
        public init(_ key: StoreKey, _ arguments: [String: TextArgument] = [:]) { phrase = Phrase(.store(key), arguments) }
        public var description: String { Language.english.render(phrase) }
    }
}
