import CursesTerminal
import Foundation
import LabApp
import RNNLab
import TerminalUI

/// Why the lab could not run.
struct LabLoopError: Error, CustomStringConvertible {
    var description: String
}

/// The run loop: terminal keys and trainer events go through `update`, the
/// state is drawn with `view` and flushed as a diff, and the effects `update`
/// asks for are carried out here (the only place that owns the trainer, the
/// terminal and the files).
final class LabLoop {
    private(set) var state: AppState
    private var progress: ProgressStore
    private var knobs: KnobStore
    private let dataDirectory: DataDirectory
    private let capabilities: Capabilities
    private var session: TrainerSession?
    /// The trainer of the lesson's `compare` run, when it has one.
    private var companion: TrainerSession?
    /// The check verifying in the background, and the steps last reported.
    private var verification: BackgroundCheck?
    private var verifiedSteps = 0
    /// The last failure to save progress or knobs (also shown when it happened), printed after the terminal is restored.
    private(set) var saveWarning: String?

    /// Wait for a key at most this long per turn.
    static let keyTimeoutMilliseconds = 30
    /// Redraw at least this often while something may change (steps per second, training).
    static let redrawInterval = Duration.milliseconds(100)

    init(state: AppState, progress: ProgressStore, knobs: KnobStore, dataDirectory: DataDirectory, capabilities: Capabilities) {
        self.state = state
        self.progress = progress
        self.knobs = knobs
        self.dataDirectory = dataDirectory
        self.capabilities = capabilities
    }

    /// Runs until the learner quits or a quit signal arrives. The terminal is
    /// restored and the trainer stopped on every way out of this function.
    func run() throws {
        LabLoop.unblockQuitSignals()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(capabilities: capabilities)
        } catch {
            throw LabLoopError(description: "cannot open the lab: \(error) (the lab needs an interactive terminal; `rnnlab list` and `rnnlab run` work without one)")
        }
        defer {
            retire()
            terminal.stop()
        }
        let clock = ContinuousClock()
        let start = clock.now
        var size = terminal.size()
        apply(.resize(width: size.width, height: size.height))
        var lastDraw = clock.now
        var dirty = true
        while !state.quitting {
            if let event = terminal.readKey(timeoutMilliseconds: LabLoop.keyTimeoutMilliseconds) {
                if event == .resize {
                    size = terminal.size()
                    apply(.resize(width: size.width, height: size.height))
                } else if let key = AppKey(event) {
                    apply(.key(key))
                }
                dirty = true
            }
            if let events = session?.poll(), !events.isEmpty {
                for e in events { apply(.trainer(e)) }
                dirty = true
            }
            if let events = companion?.poll(), !events.isEmpty {
                for e in events { apply(.companion(e)) }
                dirty = true
            }
            if let v = verification {
                let (steps, result) = v.poll()
                if result != nil { verification = nil }
                if result != nil || steps != verifiedSteps {
                    verifiedSteps = steps
                    apply(.verification(check: v.check, steps: steps, result: result))
                    dirty = true
                }
            }
            let now = clock.now
            let elapsed = start.duration(to: now)
            apply(.tick(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            guard !state.quitting, terminal.isActive else { break }
            if dirty || lastDraw.duration(to: now) >= LabLoop.redrawInterval {
                var buffer = Buffer(width: size.width, height: size.height, capabilities: terminal.capabilities)
                view(state, into: &buffer)
                terminal.present(buffer)
                lastDraw = now
                dirty = false
            }
        }
    }

    /// A program started from a thread that blocked signals inherits that
    /// mask; unblock the ones the lab must hear, or SIGTERM would be ignored.
    static func unblockQuitSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// One message through `update`, then its effects.
    private func apply(_ message: AppMessage) {
        for effect in update(&state, message) { execute(effect) }
    }

    private func execute(_ effect: AppEffect) {
        switch effect {
        case let .startTrainer(task, settings):
            retire()
            session = TrainerSession(task: task, settings: settings, dataDirectory: dataDirectory,
                                     measurements: state.lesson?.lesson.measurementNames ?? [])
        case let .startCompanion(task, settings):
            companion = TrainerSession(task: task, settings: settings, dataDirectory: dataDirectory,
                                       measurements: state.lesson?.lesson.measurementNames ?? [])
        case .stopTrainer:
            retire()
        case .send(let command):
            session?.send(command)
        case .sendCompanion(let command):
            companion?.send(command)
        case .verifyCheck(let id):
            verification?.cancel()
            verification = nil
            verifiedSteps = 0
            guard let lesson = state.lesson?.lesson, let check = lesson.checks.first(where: { $0.id == id }) else { return }
            verification = BackgroundCheck(check, of: lesson, dataDirectory: dataDirectory)
        case .cancelVerification:
            verification?.cancel()
            verification = nil
        case let .markDone(lesson, check):
            save { try progress.markDone(lesson, check) }
        case .markStarted:
            save { try progress.markStarted() }
        case let .saveKnobs(lesson, values):
            save { try knobs.save(lesson: lesson, values) }
        case .quit:
            break  // `state.quitting` ends the loop
        }
    }

    /// Stops the current trainer and its companion. A worker shares only the
    /// mailbox with its session, so it finishes its step and exits on its own.
    private func retire() {
        session?.shutdown()
        session = nil
        companion?.shutdown()
        companion = nil
        verification?.cancel()
        verification = nil
    }

    /// Runs a save; a failure goes into the app state at once (the home
    /// screen's notice, the lesson's status line) and is printed again after quit.
    private func save(_ body: () throws -> Void) {
        do { try body() } catch {
            let reason = "could not save: \(error)"
            saveWarning = reason
            apply(.saveFailed(reason))
        }
    }
}
