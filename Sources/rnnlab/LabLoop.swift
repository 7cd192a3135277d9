import LabText
import CursesTerminal
import Foundation
import LabApp
import RNNLab
import TerminalUI

/// Why the lab could not run.
struct LabLoopError: Error, CustomStringConvertible, PhrasedError {
    var phrase: Phrase
    var description: String { cliLanguage.render(phrase) }
}

/// The run loop: terminal keys and trainer events go through `update`, the
/// state is drawn with `view` and flushed as a diff, and the effects `update`
/// asks for are carried out here (the only place that owns the trainer, the
/// terminal and the files).
final class LabLoop {
    private(set) var state: AppState
    private var progress: ProgressStore
    private var knobs: KnobStore
    private var place: PlaceStore
    /// The place last saved (or found at launch): saved again only when it changes.
    private var savedPlace: Place
    /// Whether to reopen the lesson the learner left open (``AppMessage/resume``) once the terminal is up.
    private let resumes: Bool
    private let dataDirectory: DataDirectory
    private let capabilities: Capabilities
    /// Whether to ask the terminal for clicks and the wheel (not with `--no-mouse` or `RNNLAB_MOUSE=0`).
    private let mouse: Bool
    private var session: TrainerSession?
    /// The trainer of the lesson's `compare` run, when it has one.
    private var companion: TrainerSession?
    /// The check verifying in the background, and the steps last reported.
    private var verification: BackgroundCheck?
    private var verifiedSteps = 0
    /// The last failure to save progress or knobs (also shown when it happened), printed after the terminal is restored.
    private(set) var saveWarning: String?

    /// While only the trainers change things, draw at most this often (a key draws at once).
    static let frameInterval = Duration.milliseconds(40)
    /// A check verifying in the background has no wake-up: look at it this often while it runs.
    static let verificationPollMilliseconds = 250
    /// Keys already typed are read for at most this long before a frame is
    /// drawn, so a paste of 50,000 characters is a few frames, not 50,000.
    static let inputBudget = Duration.milliseconds(50)

    init(state: AppState, progress: ProgressStore, knobs: KnobStore, place: PlaceStore, resumes: Bool,
         dataDirectory: DataDirectory, capabilities: Capabilities, mouse: Bool = true) {
        self.state = state
        self.progress = progress
        self.knobs = knobs
        self.place = place
        self.savedPlace = state.place
        self.resumes = resumes
        self.dataDirectory = dataDirectory
        self.capabilities = capabilities
        self.mouse = mouse
    }

    /// Runs until the learner quits or a quit signal arrives. The terminal is
    /// restored and the trainer stopped on every way out of this function.
    ///
    /// The loop sleeps in `readKey` until a key, a signal, or a trainer's post
    /// (the sessions call `CursesTerminal.wake` on every event) wakes it, so an
    /// idle lab uses no CPU. It draws when something changed: at once after
    /// keys, at most every ``frameInterval`` for trainer events.
    func run() throws {
        LabLoop.unblockQuitSignals()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(capabilities: capabilities, options: CursesTerminal.Options(mouse: mouse))
        } catch {
            let key: CommandKey = (error as? CursesTerminalError) == .notATerminal ? .cannotOpenLabNoTerminal : .cannotOpenLab
            throw LabLoopError(phrase: Phrase(.command(key), ["reason": .text("\(error)")]))
        }
        defer {
            retire()
            terminal.stop()
        }
        let clock = ContinuousClock()
        let start = clock.now
        var size = terminal.size()
        apply(.resize(width: size.width, height: size.height))
        if resumes { apply(.resume) }
        var lastDraw: ContinuousClock.Instant?
        var needsDraw = true
        func handle(_ event: KeyEvent) {
            if event == .resize {
                size = terminal.size()
                apply(.resize(width: size.width, height: size.height))
            } else if event == .control("l") {
                terminal.invalidate()
            } else if let key = AppKey(event) {
                apply(.key(key))
            }
        }
        while !state.quitting {
            let timeout = waitTime(needsDraw: needsDraw, since: lastDraw, now: clock.now)
            var typed = false
            if let event = terminal.readKey(timeoutMilliseconds: timeout) {
                handle(event)
                typed = true
                let until = clock.now.advanced(by: LabLoop.inputBudget)
                while !state.quitting, clock.now < until, let more = terminal.readKey(timeoutMilliseconds: 0) {
                    handle(more)
                }
            }
            if pollSources() || typed { needsDraw = true }
            guard !state.quitting, terminal.isActive else { break }
            let now = clock.now
            if needsDraw && (typed || lastDraw.map { $0.duration(to: now) >= LabLoop.frameInterval } ?? true) {
                let elapsed = start.duration(to: now)
                apply(.tick(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
                var buffer = Buffer(width: size.width, height: size.height, capabilities: terminal.capabilities)
                view(state, into: &buffer)
                terminal.present(buffer)
                lastDraw = now
                needsDraw = false
            }
        }
    }

    /// How long `readKey` may sleep: until the next frame when one is due,
    /// a short while when a background check must be looked at, else until
    /// something wakes the loop (-1).
    private func waitTime(needsDraw: Bool, since lastDraw: ContinuousClock.Instant?, now: ContinuousClock.Instant) -> Int {
        if needsDraw {
            guard let lastDraw else { return 0 }
            let left = LabLoop.frameInterval - lastDraw.duration(to: now)
            return max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
        }
        return verification != nil ? LabLoop.verificationPollMilliseconds : -1
    }

    /// Folds into the state what the trainers and the background check posted;
    /// true when anything came.
    private func pollSources() -> Bool {
        var changed = false
        if let events = session?.poll(), !events.isEmpty {
            for e in events { apply(.trainer(e)) }
            changed = true
        }
        if let events = companion?.poll(), !events.isEmpty {
            for e in events { apply(.companion(e)) }
            changed = true
        }
        if let v = verification {
            let (steps, result) = v.poll()
            if result != nil { verification = nil }
            if result != nil || steps != verifiedSteps {
                verifiedSteps = steps
                apply(.verification(check: v.check, steps: steps, result: result))
                changed = true
            }
        }
        return changed
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
        // The learner's place (lesson, page) is saved whenever it changes: only
        // keys and the launch's resume change it. Marked as saved first, so a
        // failed save is reported once, not retried in a loop.
        switch message {
        case .key, .resume: break
        default: return
        }
        let now = state.place
        if now != savedPlace {
            savedPlace = now
            save { try place.save(now) }
        }
    }

    private func execute(_ effect: AppEffect) {
        switch effect {
        case .startTrainer(let plan):
            retire()
            session = TrainerSession(plan: plan, dataDirectory: dataDirectory, onPost: CursesTerminal.wake)
        case .startCompanion(let plan):
            companion = TrainerSession(plan: plan, dataDirectory: dataDirectory, onPost: CursesTerminal.wake)
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
        case .saveRun:
            session?.send(.save(folder: runsFolder.path))
        case .listSavedRuns(let lesson):
            apply(.savedRuns(lesson: lesson, files: SavedRuns.checkpoints(of: lesson, in: runsFolder)))
        case let .saveAnswer(lesson, question, choice):
            save { try progress.recordAnswer(lesson, question, choice: choice) }
        case let .saveKnobs(lesson, values):
            save { try knobs.save(lesson: lesson, values) }

        case .quit:
            break  // `state.quitting` ends the loop
        }
    }

    /// Where `W` saves runs and `O` finds them: `runs/` in the state folder.
    private var runsFolder: URL { progress.url.deletingLastPathComponent().appendingPathComponent("runs") }

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
            let reason = Phrase(.command(.couldNotSave), ["reason": .phrase(Phrase.describing(error))])
            saveWarning = cliLanguage.render(reason)
            apply(.saveFailed(reason))
        }
    }
}
