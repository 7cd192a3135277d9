import Foundation
import Testing
@testable import RNNEngine

/// Atomic writes: the destination holds the old file or the whole new one, and
/// no temporary file is left behind, whatever fails.
@Suite struct AtomicFileTests {
    struct Boom: Error {}

    let fm = FileManager.default

    @Test func writesAndReplacesWithoutLeavingTemporaryFiles() throws {
        let dir = try safetensorsTestDirectory()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.bin")
        try AtomicFile.write(Data("old".utf8), to: url)
        try AtomicFile.write(Data("new contents".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("new contents".utf8))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["a.bin"])
        let mode = try fm.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func failureInTheMiddleKeepsTheOldFile() throws {
        let dir = try safetensorsTestDirectory()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.bin")
        try AtomicFile.write(Data("old".utf8), to: url)
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: url) { writer in
                try Data("half of the new".utf8).withUnsafeBytes { try writer.write($0) }
                throw Boom()
            }
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["a.bin"])
    }

    @Test func failedRenameRemovesTheTemporaryFile() throws {
        // The destination is a non-empty directory, so rename(2) fails after the
        // temporary file was fully written and synced.
        let dir = try safetensorsTestDirectory()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("taken")
        try fm.createDirectory(at: url, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: url.appendingPathComponent("inside"))
        let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("new".utf8), to: url) }
        #expect(error?.description.contains("rename") == true)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["taken"])
        #expect(try fm.contentsOfDirectory(atPath: url.path) == ["inside"])
    }

    @Test func missingDirectoryIsReported() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/a.bin")
        let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("x".utf8), to: url) }
        #expect(error?.code == ENOENT)
        #expect(error?.description.contains("No such file or directory") == true)
    }

    /// Root may write into read-only directories, so this runs only as a normal user.
    @Test(.enabled(if: getuid() != 0, "root ignores directory permissions"))
    func readOnlyDirectoryKeepsTheOldFile() throws {
        let dir = try safetensorsTestDirectory()
        defer {
            try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? fm.removeItem(at: dir)
        }
        let url = dir.appendingPathComponent("model.safetensors")
        let old = SafetensorsFile(stateDict: ["w": .scalar(1)])
        try old.write(to: url)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        #expect(throws: AtomicFile.Failure.self) {
            try SafetensorsFile(stateDict: ["w": .scalar(2)]).write(to: url)
        }
        #expect(try SafetensorsFile.read(from: url) == old)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["model.safetensors"])
    }

    @Test func safetensorsEncodeFailureKeepsTheOldFile() throws {
        let dir = try safetensorsTestDirectory()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("model.safetensors")
        let old = SafetensorsFile(stateDict: ["w": .scalar(1)])
        try old.write(to: url)
        let bad = SafetensorsFile(tensors: ["ids": .int64(shape: [3], values: [1])])
        #expect(throws: SafetensorsError.valueCountMismatch(tensor: "ids", shape: [3], count: 1)) { try bad.write(to: url) }
        #expect(try SafetensorsFile.read(from: url) == old)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["model.safetensors"])
    }
}
