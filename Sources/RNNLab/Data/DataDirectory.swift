import Foundation

/// Where the lab finds its real data sets.
///
/// In order: an explicit folder (`--data-dir`), the `RNNLAB_DATA_DIR`
/// environment variable, `datasets/` in the working folder (next to
/// `lessons/`), then `datasets/` beside or above the executable (so a
/// `swift run` from anywhere inside the checkout works).
public struct DataDirectory: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The environment variable that points the lab at another data folder.
    public static let environmentVariable = "RNNLAB_DATA_DIR"

    /// Resolves the folder as described above. An explicit or environment
    /// folder is used as given even if it does not exist, so that loading
    /// reports the missing file by its full path.
    public static func resolve(explicit: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               workingDirectory: String = FileManager.default.currentDirectoryPath,
                               executable: String? = CommandLine.arguments.first) -> DataDirectory {
        if let explicit, !explicit.isEmpty { return DataDirectory(path: explicit) }
        if let env = environment[environmentVariable], !env.isEmpty { return DataDirectory(path: env) }
        let local = (workingDirectory as NSString).appendingPathComponent("datasets")
        if isFolder(local) { return DataDirectory(path: local) }
        if let executable {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = folder.appendingPathComponent("datasets").path
                if isFolder(candidate) { return DataDirectory(path: candidate) }
                folder.deleteLastPathComponent()
            }
        }
        return DataDirectory(path: local)
    }

    /// The full path of a file inside the folder.
    public func file(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
