import LabText
import Foundation
import RNNEngine
import Synchronization

/// What the lab asks of the trainer. Applied between two steps, in order.
public enum TrainerCommand: Sendable {
    case play
    case pause
    /// One step, then pause.
    case step
    /// `steps` steps at the current pace, then pause (the trainer reports
    /// running while they go).
    case run(steps: Int)
    /// How fast to step from now on (see ``Pace``); every run keeps its own.
    case pace(Pace)
    /// Build the model again from the seed; the curves restart.
    case reset
    case set(String, SettingValue)
    /// After a divergence: back to the last good parameters.
    case rollBack
    /// After a divergence: back to the last good parameters with η / 10, never
    /// below `floor` (the bottom of the lesson's learning-rate knob).
    case lowerLearningRate(floor: Double)
    /// Writes the run so far into `folder`: its parameters (a checkpoint whose
    /// metadata names every setting) and its run file (`rnnlab replay` runs it again).
    case save(folder: String)
    /// Replaces the run with the checkpoint at `path` (the lab's `O`): built with
    /// the settings in its metadata, its parameters checked by name and shape, and
    /// continued exactly when it is resumable. A refusal changes nothing.
    case load(path: String)
    case shutdown
}

/// Facts about the current experiment, sent whenever it is (re)built.
public struct ExperimentInfo: Sendable {
    public var settings: [String: SettingValue]
    public var parameterCount: Int
    /// The recurrent layer's parameters (the encoder's, for seq2seq).
    public var recurrentParameterCount: Int
    public var baselines: [Baseline]
    public var taskSummary: Phrase
    /// Steps between evaluations, and between probes.
    public var evalEvery: Int
    public var probeEvery: Int

    public init(settings: [String: SettingValue], parameterCount: Int, recurrentParameterCount: Int = 0, baselines: [Baseline],
                taskSummary: Phrase, evalEvery: Int, probeEvery: Int = Experiment.defaultProbeEvery) {
        self.settings = settings
        self.parameterCount = parameterCount
        self.recurrentParameterCount = recurrentParameterCount
        self.baselines = baselines
        self.taskSummary = taskSummary
        self.evalEvery = evalEvery
        self.probeEvery = probeEvery
    }
}

/// What the trainer tells the lab, through the mailbox.
public enum TrainerEvent: Sendable {
    /// Built (or rebuilt) and paused at step 0.
    case ready(ExperimentInfo)
    case report(StepReport)
    /// A setting took effect at `step` (a live change marks the plots; a rebuild restarts them).
    case changed(name: String, value: SettingValue, effect: SettingEffect, step: Int)
    /// A command was refused; the reason says what is allowed.
    case refused(Phrase)
    case running(Bool)
    /// The run diverged at `step` and is paused; the step was not applied.
    case diverged(Divergence, step: Int)
    /// Rolled back to the last good parameters at `step`.
    case rolledBack(step: Int, learningRate: Double?)
    /// The experiment could not be built, and why.
    case failed(Phrase)
    /// The run was saved (`.save`): the files written and the equivalent `rnnlab run`
    /// command (for a loaded run, no run file, and the command that resumes it).
    case saved(checkpoint: String, runFile: String?, command: String)
    /// A checkpoint was loaded (`.load`) at `step`; `.ready` came before.
    case loaded(file: String, step: Int)
}

/// The two queues between the lab and the worker thread. Both sides hold it, so
/// neither outlives the other's messages.
final class Mailbox: Sendable {
    private let inbox = Mutex<[TrainerCommand]>([])
    private let outbox = Mutex<[TrainerEvent]>([])
    /// Called after every post, on the worker thread (the lab wakes its loop with it).
    let onPost: (@Sendable () -> Void)?

    init(onPost: (@Sendable () -> Void)? = nil) { self.onPost = onPost }

    func send(_ command: TrainerCommand) { inbox.withLock { $0.append(command) } }
    func takeCommands() -> [TrainerCommand] { inbox.withLock { c in defer { c = [] }; return c } }
    func takeEvents() -> [TrainerEvent] { outbox.withLock { e in defer { e = [] }; return e } }

    func post(_ event: TrainerEvent) {
        outbox.withLock { e in
            e.append(event)
            if e.count > TrainerSession.mailboxLimit, let i = e.firstIndex(where: { if case .report = $0 { return true } else { return false } }) {
                e.remove(at: i)
            }
        }
        onPost?()
    }
}

/// Runs an experiment on its own thread. The UI sends commands and polls events;
/// neither side ever waits for the other, and the experiment is touched only by
/// the worker thread. Dropping the session stops the worker.
public final class TrainerSession: Sendable {
    private let mailbox: Mailbox
    /// At most this many events wait in the mailbox; the oldest reports are dropped
    /// first (the UI keeps its own history of what it took).
    public static let mailboxLimit = 2_000

    /// Starts a worker that builds the experiment of `plan` and waits, paused.
    /// `onPost` is called on the worker thread after each event it posts.
    public init(plan: RunPlan, dataDirectory: DataDirectory, onPost: (@Sendable () -> Void)? = nil) {
        let mailbox = Mailbox(onPost: onPost)
        self.mailbox = mailbox
        // The worker is made on its own thread, from sendable parts, and never leaves it.
        let thread = Thread { Worker(mailbox: mailbox, plan: plan, dataDirectory: dataDirectory).run() }
        thread.stackSize = 16 << 20
        thread.start()
    }

    deinit { mailbox.send(.shutdown) }

    public func send(_ command: TrainerCommand) { mailbox.send(command) }

    /// Every event since the last poll, oldest first.
    public func poll() -> [TrainerEvent] { mailbox.takeEvents() }

    /// Stops the worker; safe to call more than once.
    public func shutdown() { send(.shutdown) }
}

/// The worker thread's side: owns the experiment.
private final class Worker {
    let session: Mailbox
    let plan: RunPlan
    var settings: [String: SettingValue]
    let dataDirectory: DataDirectory
    var experiment: Experiment?
    var running = false
    var stepsLeft = 0  // for `.step` and `.run(steps:)`
    /// Whether `.run(steps:)` reported running and owes a `.running(false)` at its end.
    var countedRun = false
    var pace = Pace.full
    /// When the last step began (seconds of system uptime), for the pace.
    var lastStepStart = -Double.infinity
    /// The run as a run file: its settings when built and every change since.
    var record: RunRecord?

    init(mailbox: Mailbox, plan: RunPlan, dataDirectory: DataDirectory) {
        self.session = mailbox
        self.plan = plan
        self.settings = plan.settings
        self.dataDirectory = dataDirectory
    }

    func build() {
        do {
            let e = try Experiment(task: plan.task, settings: settings, dataDirectory: dataDirectory)
            e.measurements = plan.measurements
            e.evaluationSteps = plan.evaluationSteps
            experiment = e
            record = RunRecord(lesson: plan.lesson, task: plan.task, settings: e.settings)
            session.post(.ready(info(e)))
        } catch {
            experiment = nil
            session.post(.failed(Phrase.describing(error)))
        }
    }

    func info(_ e: Experiment) -> ExperimentInfo {
        ExperimentInfo(settings: e.settings, parameterCount: e.parameterCount, recurrentParameterCount: e.recurrentParameterCount,
                       baselines: e.baselines, taskSummary: e.task.summary, evalEvery: e.evalEvery, probeEvery: e.probeEvery)
    }

    func run() {
        build()
        while true {
            for command in session.takeCommands() {
                if case .shutdown = command { return }
                handle(command)
            }
            guard let e = experiment, running || stepsLeft > 0 else {
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            // Wait for the pace in short naps, so commands are still read at once.
            let now = ProcessInfo.processInfo.systemUptime
            let wait = pace.delay(afterElapsed: now - lastStepStart)
            if wait > 0 {
                Thread.sleep(forTimeInterval: min(wait, 0.01))
                continue
            }
            lastStepStart = now
            let report = e.trainStep()
            record?.steps += 1
            session.post(.report(report))
            if stepsLeft > 0 {
                stepsLeft -= 1
                if stepsLeft == 0 && countedRun && !running {
                    countedRun = false
                    session.post(.running(false))
                }
            }
            if let d = report.divergence {
                running = false
                stepsLeft = 0
                countedRun = false
                session.post(.diverged(d, step: report.step))
                session.post(.running(false))
            }
        }
    }

    func handle(_ command: TrainerCommand) {
        switch command {
        case .play:
            running = experiment != nil
            session.post(.running(running))
        case .pause:
            running = false
            stepsLeft = 0
            countedRun = false
            session.post(.running(false))
        case .step:
            if running || countedRun { session.post(.running(false)) }
            running = false
            if countedRun { stepsLeft = 0 }  // a counted run ends here; this step is the last
            countedRun = false
            stepsLeft += 1
        case .run(let steps):
            guard experiment != nil, steps > 0 else { return }
            running = false
            stepsLeft = steps
            countedRun = true
            session.post(.running(true))
        case .pace(let p):
            pace = p
        case .reset:
            running = false
            stepsLeft = 0
            countedRun = false
            build()
            session.post(.running(false))
        case let .set(name, value):
            guard let e = experiment else {
                settings[name] = value
                build()
                return
            }
            do {
                let effect = try e.apply(name, value)
                settings = e.settings
                note(.set(name: name, value: value))
                session.post(.changed(name: name, value: value, effect: effect, step: e.step))
                if effect == .rebuild { session.post(.ready(info(e))) }
            } catch {
                session.post(.refused(Phrase.describing(error)))
            }
        case .rollBack:
            guard let e = experiment else { return }
            session.post(.rolledBack(step: e.rollBack(), learningRate: nil))
            note(.rollBack)
        case .lowerLearningRate(let floor):
            guard let e = experiment else { return }
            let before = e.configuration.learningRate
            let lr = e.lowerLearningRateAndRollBack(floor: floor)
            settings = e.settings
            if lr == e.learningRateAfterLowering(from: before, floor: Experiment.learningRateFloor) {
                note(.rollBackLowerRate)
            } else {
                // Held at the lesson's floor: the record says which rate, so a replay
                // (which knows no lesson) lands on the same one.
                note(.set(name: "learning_rate", value: .number(lr)))
                note(.rollBack)
            }
            session.post(.rolledBack(step: e.step, learningRate: lr))
        case .save(let folder):
            save(into: folder)
        case .load(let path):
            load(path)
        case .shutdown:
            break
        }
    }

    /// Replaces the experiment with the checkpoint at `path`; a refusal keeps the run as it was.
    func load(_ path: String) {
        do {
            let file = try SafetensorsFile.read(from: URL(fileURLWithPath: path))
            let e = try ResumableCheckpoint.load(file, path: path, task: plan.task, current: experiment?.settings ?? settings,
                                                 dataDirectory: dataDirectory)
            e.measurements = plan.measurements
            e.evaluationSteps = plan.evaluationSteps
            running = false
            stepsLeft = 0
            countedRun = false
            experiment = e
            settings = e.settings
            record = nil  // the run now starts from the file, not the seed: no run file replays it
            session.post(.ready(info(e)))
            session.post(.loaded(file: path, step: e.step))
            session.post(.running(false))
        } catch {
            session.post(.refused(Phrase.describing(error)))
        }
    }

    /// Adds a change to the run file, after the steps taken so far.
    func note(_ event: RunRecord.Event) {
        guard let taken = record?.steps else { return }
        record?.changes.append(.init(afterStep: taken, event: event))
    }

    /// Writes `<lesson>-step<N>.safetensors` and `.run.json` into `folder` (a run
    /// loaded from a checkpoint has no run file: its start is not the seed).
    func save(into folder: String) {
        guard let e = experiment else { return }
        let name = plan.lesson.isEmpty ? plan.task : plan.lesson
        let base = URL(fileURLWithPath: folder).appendingPathComponent("\(name)-step\(e.step)")
        let (weights, run) = (base.appendingPathExtension("safetensors"), base.appendingPathExtension("run.json"))
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Resumable: `rnnlab run --resume` and the lab's `O` continue it exactly.
            try ResumableCheckpoint.file(of: e, metadata: ["rnnlab.lesson": plan.lesson]).save(to: weights)
            guard var file = record else {
                session.post(.saved(checkpoint: weights.path, runFile: nil, command: "rnnlab run \(name) --resume \(weights.path)"))
                return
            }
            file.ending = .init(step: e.step, loss: e.lastLoss, parameters: RunRecord.fingerprint(e))
            try SafeFile.write(file.json(), to: run)
            // The lesson's settings with every default filled in, so the command names only what differs.
            let defaults = (try? ExperimentConfiguration(task: plan.task, settings: plan.lessonSettings).values) ?? plan.lessonSettings
            session.post(.saved(checkpoint: weights.path, runFile: run.path, command: file.command(lessonSettings: defaults)))
        } catch {
            session.post(.refused(Phrase.describing(error)))
        }
    }
}
