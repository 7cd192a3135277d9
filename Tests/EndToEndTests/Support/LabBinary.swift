import Foundation

/// Where the built `rnnlab` program and the lessons are.
enum LabBinary {
    /// Folders that may hold the build products. `swift test` builds every
    /// product of the package, so `rnnlab` sits beside the test bundle: on
    /// Linux the runner is `<products>/RNNLabPackageTests.xctest` itself
    /// (`CommandLine.arguments[0]`); on macOS `xctest` loads that bundle.
    static var candidateDirectories: [URL] {
        var dirs = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()]
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        dirs.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            dirs.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return dirs
    }

    /// The `rnnlab` executable: `$RNNLAB_E2E_BINARY` if set, else the one beside the tests.
    static var url: URL {
        if let explicit = ProcessInfo.processInfo.environment["RNNLAB_E2E_BINARY"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let dirs = candidateDirectories
        for dir in dirs {
            let candidate = dir.appendingPathComponent("rnnlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return dirs[0].appendingPathComponent("rnnlab")
    }

    /// The package's root, from this file's path (Tests/EndToEndTests/Support/LabBinary.swift).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // EndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// The lessons: `$RNNLAB_LESSONS_DIR` if set, else `lessons/` in the package.
    static var lessonsDirectory: URL {
        if let explicit = ProcessInfo.processInfo.environment["RNNLAB_LESSONS_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return packageRoot.appendingPathComponent("lessons")
    }
}
