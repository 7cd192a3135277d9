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
