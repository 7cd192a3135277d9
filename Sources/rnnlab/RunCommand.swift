import ArgumentParser
import Foundation
import LabText
import RNNEngine
import RNNLab
import Synchronization

/// Set by SIGINT while `run` trains; checked between two steps.
private let interruptRequested = Atomic<Bool>(false)

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train a lesson's experiment without the screen, printing progress and final metrics.",
        discussion: """
            Exit status: 0 when every step was taken, 1 when the run diverged (the checkpoint then \
            holds the last good parameters), 130 after Ctrl-C (the metrics so far are written), 2 for bad arguments.
            """)

    @OptionGroup var options: LessonOptions

    @Argument(help: "The lesson, by id, file name or number.")
    var lesson: String

    @Option(parsing: .unconditional, help: "Training steps, 1…\(HeadlessRun.maxSteps).")
    var steps = "500"

    @Option(parsing: .unconditional, help: "The random seed of the model and data, 0…1000000 (default: the lesson's).")
    var seed: String?

    @Option(name: .customLong("set"), help: "A setting, name=value (repeatable).")
    var settings: [String] = []

    @Option(help: "Write the metrics of every step to this .csv or .json file.")
    var metrics: String?

    @Option(help: "Write the trained parameters to this .safetensors file.")
    var checkpoint: String?

    @Option(help: "Write a run file (lesson, settings, how it ended) that `rnnlab replay` runs again and compares.")
    var record: String?

    @Option(name: .customLong("init-from"),
            help: "Start from the parameters in this .safetensors file: a checkpoint, or a PyTorch state_dict with the lab's names and shapes.")
    var initFrom: String?

    @Option(help: "Continue the run saved in this checkpoint (from --checkpoint or the lab's W): its parameters, optimiser state, step and data position; --steps more steps.")
    var resume: String?

    func run() throws {
        let library = try options.library()
        guard let lesson = LessonOptions.find(lesson, in: library) else {
            fail(Phrase(.lessonFile(.noLesson), ["name": .text(self.lesson), "lessons": .list(library.lessons.map(\.id))]))
        }
        let stepCount = RunCommand.wholeNumber(steps, name: "--steps", in: 1...HeadlessRun.maxSteps)
        // A run file starts from the seed; weights from a file would make its replay another run.
        if record != nil, initFrom != nil { fail(Phrase(.export(.recordWithInitFrom))) }
        if resume != nil, initFrom != nil { fail(Phrase(.export(.resumeWithInitFrom))) }
        if resume != nil, record != nil { fail(Phrase(.export(.recordWithResume))) }
        if resume != nil, seed != nil { fail(Phrase(.export(.resumeWithSeed))) }
        if let m = metrics, !MetricsLog.acceptsExtension(of: m) { fail(.metricsExtension, ["file": .text(m)]) }
        // The writer's own checks, before any training: a bad path costs nothing.
        let outputs = [metrics, checkpoint, record].compactMap { $0 }
        if Set(outputs).count < outputs.count { fail(.sameOutputFile, ["file": .text(outputs.first { o in outputs.filter { $0 == o }.count > 1 }!)]) }
        for path in outputs {
            do { _ = try SafeFile.destination(of: URL(fileURLWithPath: path)) } catch { fail(error) }
        }
        var chosen = lesson.settings
        for (k, v) in parseSettings(settings, lesson: lesson) { chosen[k] = v }
        if let seed { chosen["seed"] = .number(Double(RunCommand.wholeNumber(seed, name: "--seed", in: 0...1_000_000))) }
        let experiment: Experiment
        if let resume {
            experiment = resumed(resume, lesson: lesson)
        } else {
            do { experiment = try Experiment(task: lesson.task, settings: chosen, dataDirectory: options.dataDirectory) } catch {
                fail(error)
            }
        }
        if let initFrom { RunCommand.loadInitial(initFrom, into: experiment, task: lesson.task) }
        experiment.measurements = lesson.measurementNames
        let shownTitle = lesson.translated(by: library.translations.translation(of: lesson.id, in: cliLanguage.code)).title
        say(.command(.runHeader), ["title": .text(shownTitle), "task": .text(lesson.task), "parameters": .integer(experiment.parameterCount)])

        interruptRequested.store(false, ordering: .relaxed)
        let previous = signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, previous) }
        let clock = ContinuousClock()
        let start = clock.now
        let startSettings = experiment.settings
        var taken = 0
        var lastLoss = Double.nan
        var run = HeadlessRun()
        run.train(experiment, steps: stepCount, shouldStop: { interruptRequested.load(ordering: .relaxed) }) { r in
            taken += 1
            lastLoss = r.loss
            guard let e = r.evaluation else { return }
            let elapsed = start.duration(to: clock.now)
            let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            say(.command(.runStep), ["step": .integer(r.step), "loss": .text(SettingValue.format(r.loss)),
                                     "validation": .text(SettingValue.format(e.loss)),
                                     "metrics": .list((e.metrics + e.measurements).map(\.phrase)),
                                     "rate": .fixed(Double(r.step) / max(secs, 1e-9), decimals: 0)])
        }
        signal(SIGINT, SIG_IGN)  // a second Ctrl-C must not cut the files short
        var status: Int32 = 0
        var checkpointNote: Phrase?
        switch run.ending {
        case .finished:
            break
        case let .diverged(step, cause, good):
            sayProblem(Phrase(.command(.diverged), ["cause": .phrase(cause.describe(atStep: step))]))
            sayProblem(Phrase(.command(.rolledBack), ["step": .integer(good)]))
            checkpointNote = Phrase(.command(.checkpointNote), ["good": .integer(good), "step": .integer(step)])
            status = 1
        case .interrupted(let step):
            sayProblem(Phrase(.command(.interrupted), ["step": .integer(step)]))
            status = 130
        }
        let final = experiment.evaluate()
        say(.command(.runFinal), ["loss": .text(SettingValue.format(final.loss)), "metrics": .list((final.metrics + final.measurements).map(\.phrase))])
        for b in experiment.baselines { say(.command(.runBaseline), ["baseline": .phrase(b.phrase)]) }
        if let m = metrics {
            do {
                try run.log.write(to: URL(fileURLWithPath: m))
                say(.command(.metricsWritten), ["steps": .integer(run.log.rows.count), "file": .text(m)])
            } catch {
                sayProblem(Phrase(.command(.metricsNotWritten), ["reason": .phrase(Phrase.describing(error))]))
                status = max(status, 1)
            }
        }
        if let c = checkpoint {
            var metadata = ["rnnlab.lesson": lesson.id, "lesson": lesson.id, "step": String(experiment.step)]
            // The note is part of the file, kept in English like its other metadata.
            if let checkpointNote { metadata["note"] = Language.english.render(checkpointNote) }
            do {
                // Resumable: `run --resume` continues it with its optimiser and data position.
                try ResumableCheckpoint.file(of: experiment, metadata: metadata).save(to: URL(fileURLWithPath: c))
                if let checkpointNote {
                    say(.command(.checkpointWrittenWithNote), ["step": .integer(experiment.step), "file": .text(c), "note": .phrase(checkpointNote)])
                } else {
                    say(.command(.checkpointWritten), ["step": .integer(experiment.step), "file": .text(c)])
                }
            } catch {
                sayProblem(Phrase(.command(.checkpointNotWritten), ["reason": .phrase(Phrase.describing(error))]))
                status = max(status, 1)
            }
        }
        if let record {
            var file = RunRecord(lesson: lesson.id, task: lesson.task, settings: startSettings, steps: taken,
                                 ending: .init(step: experiment.step, loss: lastLoss, parameters: RunRecord.fingerprint(experiment)))
            if case .diverged = run.ending { file.changes = [.init(afterStep: taken, event: .rollBack)] }
            do {
                try SafeFile.write(file.json(), to: URL(fileURLWithPath: record))
                say(.export(.recorded), ["file": .text(record), "steps": .integer(taken)])
            } catch {
                sayProblem(Phrase(.command(.metricsNotWritten), ["reason": .phrase(Phrase.describing(error))]))
                status = max(status, 1)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Loads the parameters of `file` (`run --init-from`, `export --from`), or exits with status 2
    /// naming what did not fit and, when the file records where it came from,
    /// another lesson's task or the `--set` options that would make it fit.
    static func loadInitial(_ file: String, into experiment: Experiment, task: String) {
        let contents: SafetensorsFile
        do { contents = try SafetensorsFile.read(from: URL(fileURLWithPath: file)) } catch {
            fail(Phrase(.export(.checkpointMismatch), ["file": .text(file), "reason": .phrase(Phrase.describing(error))]))
        }
        do { try experiment.loadParameters(try ResumableCheckpoint.parameters(in: contents)) } catch {
            let reason = Phrase(.export(.checkpointMismatch), ["file": .text(file), "reason": .phrase(Phrase.describing(error))])
            if let saved = ResumableCheckpoint.task(in: contents), saved != task {
                fail(Phrase(.export(.checkpointMismatchTask), ["mismatch": .phrase(reason), "found": .text(saved), "expected": .text(task)]))
            }
            let differing = ResumableCheckpoint.differingModelSettings(in: contents, task: task, from: experiment.settings)
            if differing.isEmpty { fail(reason) }
            fail(Phrase(.export(.checkpointMismatchSettings),
                        ["mismatch": .phrase(reason), "options": .text(differing.map { "--set " + $0 }.joined(separator: " "))]))
        }
    }

    /// The experiment `file` continues, with the `--set` changes applied live;
    /// exits with status 2 and the reason when it cannot be resumed.
    private func resumed(_ file: String, lesson: Lesson) -> Experiment {
        let experiment: Experiment
        do {
            let contents = try SafetensorsFile.read(from: URL(fileURLWithPath: file))
            experiment = try ResumableCheckpoint.resume(contents, path: file, task: lesson.task, dataDirectory: options.dataDirectory)
        } catch {
            fail(error)
        }
        let definitions = Experiment.definitions(forTask: lesson.task)
        for (name, value) in parseSettings(settings, lesson: lesson).sorted(by: { $0.key < $1.key }) {
            if definitions.first(where: { $0.name == name })?.effect == .rebuild {
                fail(Phrase(.export(.resumeRebuildSetting), ["setting": .text(name)]))
            }
            do { try experiment.apply(name, value) } catch { fail(error) }
        }
        say(.export(.resumed), ["file": .text(file), "step": .integer(experiment.step)])
        return experiment
    }

    /// A whole number in `range`, or exit status 2 with a message naming the option and the range.
    static func wholeNumber(_ text: String, name: String, in range: ClosedRange<Int>) -> Int {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), range.contains(n) else {
            fail(.optionNotWhole, ["option": .text(name), "range": SettingDefinition.range(Double(range.lowerBound)...Double(range.upperBound)), "value": .text(text)])
        }
        return n
    }
}
