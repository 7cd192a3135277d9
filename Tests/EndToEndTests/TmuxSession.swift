import Foundation

/// A program running in a detached tmux session on a private tmux server, so
/// a test can type into it and read its screen like a person would.
///
/// Every session gets its own server socket (`tmux -L`), so tests neither see
/// nor disturb any other tmux the machine runs, and ``close()`` kills only
/// that server.
final class TmuxSession {
    /// The `tmux` executable, or nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    let socket: String
    let name = "lab"

    /// Starts `command` (run directly, no shell) in a `width`×`height` pane
    /// with `environment` set, and keeps the pane after the program exits so
    /// its final state can be read.
    init(width: Int, height: Int, environment: [String: String], command: [String], directory: String) throws {
        socket = "rnnlab-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var args = ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "-c", directory]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args += command
        args += [";", "set-option", "-t", name, "remain-on-exit", "on"]
        _ = try tmux(args)
    }

    /// Runs `tmux -L socket -u args…` and returns its standard output.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        guard let exe = TmuxSession.executable else { throw Failure("tmux is not installed") }
        // Output goes to temporary files, not pipes: the tmux server that
        // `new-session` starts inherits the client's descriptors and would
        // hold a pipe open for ever. The client is spawned and reaped with
        // posix_spawn/waitpid (Foundation's Process could miss its exit here).
        let dir = FileManager.default.temporaryDirectory.path
        let outPath = "\(dir)/tmux-out-\(UUID().uuidString)", errPath = "\(dir)/tmux-err-\(UUID().uuidString)"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let status = try Spawn.run(exe, ["-L", socket, "-u"] + args, stdout: outPath, stderr: errPath)
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        guard status == 0 else {
            let message = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
            throw Failure("tmux \(args.joined(separator: " ")) failed (\(status)): \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The visible screen, one string per row.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Types keys (tmux key names: `Enter`, `Space`, `Tab`, `Right`, `C-c`, or literal text).
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// A tmux format such as `#{alternate_on}` evaluated for the pane.
    func format(_ f: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, f]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds, or fails after `timeout`
    /// seconds with the last screen in the message. Never asserts on speed:
    /// the deadline only stops a hung test.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 180, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            if try format("#{pane_dead}") == "1" {
                throw Failure("the program exited while waiting for \(what); the screen was:\n\(last)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw Failure("timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Starts the run as a learner does the first time in a lesson: Space, and
    /// when the lesson's predict-then-run question comes up, Enter keeps the
    /// first choice as the answer and starts the run. Returns once the question
    /// is answered or the run started without one.
    func play(timeout: Double = 180) throws {
        try send("Space")
        let screen = try waitFor("the question or the run", timeout: timeout) {
            $0.contains("Predict, then run") || $0.contains("running") || $0.contains("▶")
        }
        if screen.contains("Predict, then run") {
            try send("Enter")
            try waitFor("the question to close", timeout: timeout) { !$0.contains("Predict, then run") }
        }
    }

    /// `q` from a lesson back to the home screen, answering `y` when the lab
    /// asks first (a run that trained for half a minute, or a verification).
    func leaveLesson(timeout: Double = 180) throws {
        try send("q")
        let screen = try waitFor("the home screen or the question", timeout: timeout) {
            $0.contains("checks met") || $0.contains("Leave the lesson?")
        }
        if screen.contains("Leave the lesson?") {
            try send("y")
            try waitFor("the home screen", timeout: timeout) { $0.contains("checks met") }
        }
    }

    /// Waits until the program has exited (the pane is dead).
    func waitForExit(timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try format("#{pane_dead}") == "1" { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw Failure("the program did not exit; the screen was:\n\(try screen())")
    }

    /// The exit status once tmux has it. tmux marks the pane dead on end of
    /// file and learns the status when it reaps the child, which can come
    /// later (or, seen with tmux 3.3a, not at all), so this waits a little and
    /// may return nil.
    func exitStatus(timeout: Double = 5) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let status = try format("#{pane_dead_status}")
            if !status.isEmpty { return status }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// Kills this test's tmux server.
    func close() { _ = try? tmux(["kill-server"]) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
