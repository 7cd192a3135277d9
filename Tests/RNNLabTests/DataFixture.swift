import Foundation
@testable import RNNLab

/// Helpers of the data and task tests, in a namespace so they never collide
/// with other suites of this test target.
enum DataFixture {
    /// The repository's `datasets/` folder, found from this file's path.
    static let datasets = DataDirectory(path: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets").path)

    /// A fresh temporary folder for crafted files.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in a new temporary folder and returns the path.
    static func write(_ text: String, to name: String) -> String {
        let url = temporaryFolder().appendingPathComponent(name)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A new temporary data folder holding copies of these shipped files
    /// (paths relative to `datasets/`), to be damaged by a test.
    static func dataFolder(copying files: [String] = []) throws -> DataDirectory {
        let folder = temporaryFolder()
        for file in files {
            let target = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: datasets.file(file), toPath: target.path)
        }
        return DataDirectory(path: folder.path)
    }

    /// Writes `text` to `relative` inside `folder` (creating subfolders) and returns the path.
    @discardableResult
    static func write(_ text: String, to relative: String, in folder: DataDirectory) throws -> String {
        let url = URL(fileURLWithPath: folder.file(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The shipped monthly sunspots with data line `line` (1-based, counting the
    /// header) given the value `value`, in a new data folder; returns the folder and the file's path.
    static func sunspots(line: Int, value: String) throws -> (folder: DataDirectory, path: String) {
        let folder = try dataFolder()
        var lines = try String(contentsOfFile: datasets.file("sunspot.month.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = lines[line - 1]
        lines[line - 1] = row[..<row.lastIndex(of: ",")!] + "," + value
        let path = try write(lines.joined(separator: "\n"), to: "sunspot.month.csv", in: folder)
        return (folder, path)
    }

    /// Runs a program and returns its standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// The `DataError` a loader throws, or nil.
    static func dataError(_ body: () throws -> Void) -> DataError? {
        do { try body() } catch let e as DataError { return e } catch { return nil }
        return nil
    }
}
