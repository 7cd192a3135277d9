import LabText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One JSON file in the state folder, read and saved the same way for progress
/// and knob values:
///
/// - reading never blocks and never trusts the path (``SafeRead``); a folder,
///   FIFO or device at the path is reported and left alone;
/// - a file that is not valid is set aside under a name that never replaces an
///   earlier backup (`name.corrupt`, then `name.corrupt-2`, …), with a notice;
/// - a save takes the folder's ``StateLock``, re-reads the file, merges the
///   change into what another lab may have written meanwhile, and writes with
///   ``SafeFile``.
public struct StateFile: Sendable {
    public let url: URL
    /// Whether saves `fsync` (progress: yes; knob values: no, see DECISIONS.md).
    public let durable: Bool

    public init(url: URL, durable: Bool) {
        self.url = url
        self.durable = durable
    }

    public var folder: URL { url.deletingLastPathComponent() }
    public var name: String { url.lastPathComponent }

    /// What a decoder made of a file: the value, and the entries it had to drop
    /// (each described for a notice). `nil` from a decoder means the whole file is invalid.
    public struct Decoded<Value> {
        public var value: Value
        public var dropped: [String]
        public init(_ value: Value, dropped: [String] = []) {
            self.value = value
            self.dropped = dropped
        }
    }

    /// Reads and decodes the file. Missing: `nil` and no notice. Unreadable:
    /// `nil` and a notice (nothing moved). Invalid: set aside, `nil` and a
    /// notice. Partly valid: the valid part, a copy of the file set aside, and a notice.
    public func load<Value>(_ decode: (JSONValue) -> Decoded<Value>?) -> (value: Value?, notice: Phrase?) {
        if let refusal = folderProblem() { return (nil, refusal) }
        let data: Data
        do {
            switch try SafeRead.read(url) {
            case .missing: return (nil, nil)
            case .contents(let d): data = d
            }
        } catch {
            return (nil, Phrase.describing(error))
        }
        guard let decoded = Self.parse(data).flatMap(decode) else {
            let aside = try? StateLock.withLock(folder) { try setAside(ifStill: data, copy: false) }
            guard let aside else { return (nil, Phrase(.store(.invalidKept), ["name": .text(name), "folder": .text(folder.path)])) }
            return (nil, Phrase(.store(.invalidMoved), ["name": .text(name), "folder": .text(folder.path), "aside": .text(aside)]))
        }
        guard decoded.dropped.isEmpty else {
            let aside = try? StateLock.withLock(folder) { try setAside(ifStill: data, copy: true) }
            let list = TextArgument.list(Array(decoded.dropped.prefix(3)) + (decoded.dropped.count > 3 ? ["…"] : []))
            var arguments: [String: TextArgument] = ["name": .text(name), "count": .integer(decoded.dropped.count), "entries": list]
            guard let aside else { return (decoded.value, Phrase(.store(.entriesDropped), arguments)) }
            arguments["aside"] = .text(aside)
            return (decoded.value, Phrase(.store(.entriesDroppedCopied), arguments))
        }
        return (decoded.value, nil)
    }

    /// Saves under the folder's lock: re-reads the file, passes what it holds
    /// (nil when missing or invalid; an invalid file is set aside first) to
    /// `merge`, and writes what `merge` returns. Returns the merged value.
    /// Throws, naming the path, when the file or folder cannot be read or written.
    public func save<Value>(_ decode: (JSONValue) -> Decoded<Value>?, merge: (Value?) -> Value,
                            encode: (Value) throws -> Data) throws -> Value {
        try StateLock.withLock(folder) {
            var current: Value?
            switch try SafeRead.read(url) {
            case .missing: current = nil
            case .contents(let data):
                if let decoded = Self.parse(data).flatMap(decode) {
                    current = decoded.value
                } else {
                    _ = try setAside(ifStill: data, copy: false)
                }
            }
            let merged = merge(current)
            try SafeFile.write(try encode(merged), to: url, durable: durable)
            return merged
        }
    }

    /// Removes temporary files a killed save left behind (`.name.tmp-XXXXXX`).
    /// Runs under the lock, so no save of another lab is in the middle of writing one.
    /// Returns the number removed.
    @discardableResult
    public func removeLeftovers() -> Int {
        guard folderProblem() == nil, FileManager.default.fileExists(atPath: folder.path) else { return 0 }
        let prefix = SafeFile.temporaryPrefix(of: name)
        return (try? StateLock.withLock(folder) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            var removed = 0
            for n in names where n.hasPrefix(prefix) && n.count == prefix.count + 6 {
                if unlink(folder.appendingPathComponent(n).path) == 0 { removed += 1 }
            }
            return removed
        }) ?? 0
    }

    /// A notice when the state folder exists but is not a folder.
    func folderProblem() -> Phrase? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? nil : Phrase(.store(.folderIsFile), ["folder": .text(folder.path)])
    }

    static func parse(_ data: Data) -> JSONValue? { JSONValue.parse(data) }

    /// Moves (or copies) the file to the first free `name.corrupt[-N]`, if it
    /// still holds `data`. Returns the backup's name. Never replaces a backup.
    func setAside(ifStill data: Data, copy: Bool) throws -> String? {
        guard case .contents(let now) = try SafeRead.read(url), now == data else { return nil }
        for n in 1...1000 {
            let asideName = n == 1 ? "\(name).corrupt" : "\(name).corrupt-\(n)"
            let aside = folder.appendingPathComponent(asideName).path
            if copy {
                let fd = open(aside, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                if fd < 0 {
                    if errno == EEXIST { continue }
                    throw SafeFile.Failure(operation: .create, path: aside, code: errno)
                }
                var writer = SafeFile.Writer(fd: fd, path: aside)
                defer { _ = close(fd) }
                try data.withUnsafeBytes { try writer.write($0) }
                return asideName
            }
            // link(2) fails when the backup name is taken, so no backup is replaced.
            if link(url.path, aside) == 0 {
                _ = unlink(url.path)
                return asideName
            }
            if errno != EEXIST { throw SafeFile.Failure(operation: .setAside, path: url.path, code: errno) }
        }
        throw SafeFile.Refusal(.tooManyBackups, ["folder": .text(folder.path), "name": .text(name)])
    }
}
