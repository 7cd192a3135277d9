import Foundation

extension TmuxSession {
    /// The lab in a fresh state folder, `width`×`height`, with `prefix` put before
    /// the program (e.g. `env TERM=dumb`), on the package's lessons or on
    /// `lessons` (a folder), with `arguments` after the program's own (e.g.
    /// `--no-mouse`). Returns the session and the state folder.
    static func launchLab(width: Int = 100, height: Int = 30, prefix: [String] = [], lessons: URL? = nil,
                          arguments: [String] = []) throws -> (TmuxSession, URL) {
        let binary = LabBinary.url
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw TmuxSession.Failure("no rnnlab program at \(binary.path); `swift build` builds it (swift test does too)")
        }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let session = try TmuxSession(
            width: width, height: height,
            environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "RNNLAB_STATE_DIR": state.path],
            command: prefix + [binary.path, "--lessons-dir", (lessons ?? LabBinary.lessonsDirectory).path] + arguments,
            directory: LabBinary.packageRoot.path)
        return (session, state)
    }
}
