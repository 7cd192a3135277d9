import LabText
import Foundation
import RNNEngine
import Testing
@testable import RNNLab

/// Writes never destroy what they replace (reliability review D1): the
/// destination holds the old file or the whole new one, a symlink stays a link
/// and its target gets the bytes, anything that is not a regular file is refused
/// and left alone, permissions are kept, and no temporary file is left behind.
@Suite struct SafeFileTests {
    struct Boom: Error {}
    let fm = FileManager.default

    @Test func writesAndReplacesWithoutLeavingTemporaryFiles() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.bin")
        try SafeFile.write(Data("old".utf8), to: url)
        try SafeFile.write(Data("new contents".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("new contents".utf8))
        #expect(try names(in: dir) == ["a.bin"])
        #expect(try mode(of: url) == 0o644)
    }

    @Test func failureInTheMiddleKeepsTheOldFile() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.bin")
        try SafeFile.write(Data("old".utf8), to: url)
        #expect(throws: Boom.self) {
            try SafeFile.write(to: url) { writer in
                try Data("half of the new".utf8).withUnsafeBytes { try writer.write($0) }
                throw Boom()
            }
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try names(in: dir) == ["a.bin"])
    }

    @Test func permissionBitsOfAnExistingFileAreKept() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("secret.json")
        try Data("old".utf8).write(to: url)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try SafeFile.write(Data("new".utf8), to: url)
        #expect(try mode(of: url) == 0o600)
        #expect(try Data(contentsOf: url) == Data("new".utf8))
    }

    @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        try fm.createDirectory(at: dir.appendingPathComponent("real"), withIntermediateDirectories: false)
        let target = dir.appendingPathComponent("real/progress.json")
        try Data("old".utf8).write(to: target)
        try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let link = dir.appendingPathComponent("progress.json")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real/progress.json")
        try SafeFile.write(Data("new".utf8), to: link)
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == "real/progress.json")
        #expect(try Data(contentsOf: target) == Data("new".utf8))
        #expect(try mode(of: target) == 0o640)
        #expect(try names(in: dir.appendingPathComponent("real")) == ["progress.json"])
    }

    @Test func aDanglingSymlinkCreatesItsTarget() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let link = dir.appendingPathComponent("out.csv")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: dir.appendingPathComponent("later.csv").path)
        try SafeFile.write(Data("x".utf8), to: link)
        #expect(try Data(contentsOf: dir.appendingPathComponent("later.csv")) == Data("x".utf8))
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path).hasSuffix("later.csv"))
    }

    @Test func aSymlinkLoopIsRefused() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        try fm.createSymbolicLink(atPath: a.path, withDestinationPath: b.path)
        try fm.createSymbolicLink(atPath: b.path, withDestinationPath: a.path)
        let error = #expect(throws: SafeFile.Refusal.self) { try SafeFile.write(Data("x".utf8), to: a) }
        #expect(error?.description.contains("too many levels of symbolic links") == true)
        #expect(try names(in: dir) == ["a", "b"])
    }

    @Test func aFIFOIsRefusedAndLeftAlone() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("metrics.csv")
        #expect(mkfifo(url.path, 0o600) == 0)
        let error = #expect(throws: SafeFile.Refusal.self) { try SafeFile.write(Data("x".utf8), to: url) }
        #expect(error?.description == "\(url.path) is a FIFO, not a regular file; it was left alone")
        #expect(english(SafeFile.nonRegularKind(at: url.path)) == "a FIFO")
        #expect(try names(in: dir) == ["metrics.csv"])
    }

    @Test func aDirectoryIsRefusedAndLeftAlone() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("taken")
        try fm.createDirectory(at: url, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: url.appendingPathComponent("inside"))
        let error = #expect(throws: SafeFile.Refusal.self) { try SafeFile.write(Data("new".utf8), to: url) }
        #expect(error?.description.contains("is a directory, not a regular file") == true)
        #expect(try names(in: dir) == ["taken"])
        #expect(try names(in: url) == ["inside"])
    }

    @Test func aDeviceBehindASymlinkIsRefused() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let link = dir.appendingPathComponent("model.safetensors")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        let error = #expect(throws: SafeFile.Refusal.self) { try SafeFile.write(Data("x".utf8), to: link) }
        #expect(error?.description == "\(link.path) (a link to /dev/null) is a character device, not a regular file; it was left alone")
        #expect(english(SafeFile.nonRegularKind(at: "/dev/null")) == "a character device")
    }

    @Test func aMissingFolderIsAnError() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/a.bin")
        let error = #expect(throws: SafeFile.Refusal.self) { try SafeFile.write(Data("x".utf8), to: url) }
        #expect(error?.description == "cannot write \(url.path): the folder \(url.deletingLastPathComponent().path) does not exist")
        #expect(!FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path))
    }

    @Test func theDestinationCheckIsTheWritersCheck() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("f.json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let checked = #expect(throws: SafeFile.Refusal.self) { try SafeFile.destination(of: fifo) }
        let written = #expect(throws: SafeFile.Refusal.self) { try SafeFile.write(Data(), to: fifo) }
        #expect(checked != nil && checked == written)
        let fresh = try SafeFile.destination(of: dir.appendingPathComponent("new.json"))
        #expect(fresh.path == dir.appendingPathComponent("new.json").path && fresh.permissions == 0o644)
    }

    /// Root may write into read-only directories, so this runs only as a normal user.
    @Test(.enabled(if: getuid() != 0, "root ignores directory permissions"))
    func readOnlyFolderKeepsTheOldCheckpoint() throws {
        let dir = try storeTestFolder()
        defer {
            try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? fm.removeItem(at: dir)
        }
        let url = dir.appendingPathComponent("model.safetensors")
        let old = SafetensorsFile(stateDict: ["w": .scalar(1)])
        try old.save(to: url)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        #expect(throws: SafeFile.Refusal.self) { try SafetensorsFile(stateDict: ["w": .scalar(2)]).save(to: url) }
        #expect(try SafetensorsFile.read(from: url) == old)
        #expect(try names(in: dir) == ["model.safetensors"])
    }

    @Test func checkpointEncodeFailureKeepsTheOldFile() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("model.safetensors")
        let old = SafetensorsFile(stateDict: ["w": .scalar(1)])
        try old.save(to: url)
        let bad = SafetensorsFile(tensors: ["ids": .int64(shape: [3], values: [1])])
        #expect(throws: SafetensorsError.valueCountMismatch(tensor: "ids", shape: [3], count: 1)) { try bad.save(to: url) }
        #expect(try SafetensorsFile.read(from: url) == old)
        #expect(try names(in: dir) == ["model.safetensors"])
    }

    @Test func checkpointStreamsTheSameBytesAsEncode() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("model.safetensors")
        let file = SafetensorsFile(stateDict: ["b": Tensor(shape: [3], scalars: [1, 2, 3]), "a": .scalar(4)], metadata: ["step": "7"])
        try file.save(to: url)
        #expect(try Data(contentsOf: url) == file.encode())
    }
}
