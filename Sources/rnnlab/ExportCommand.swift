import ArgumentParser
import Foundation
import LabText
import RNNEngine
import RNNLab

/// `rnnlab export`: a lesson's model, data and training as a standalone PyTorch project.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a lesson's model, weights, data and training loop as a standalone PyTorch project.",
        discussion: """
            The folder gets train.py (torch.nn modules with the lab's settings), weights.safetensors \
            (a PyTorch state_dict), data.safetensors (the lab's validation batches and training batches), \
            lab.json and a README. `python train.py --check` reproduces the lab's validation metrics \
            from the weights; `python train.py --steps N` trains from scratch. Exit status 2 for bad \
            arguments or a model the export does not cover.
            """)

    @OptionGroup var options: LessonOptions

    @Argument(help: "The lesson, by id, file name or number.")
    var lesson: String

    @Option(name: .customLong("set"), help: "A setting, name=value (repeatable).")
    var settings: [String] = []

    @Option(parsing: .unconditional, help: "The random seed of the model and data, 0…1000000 (default: the lesson's).")
    var seed: String?

    @Option(name: .customLong("from"), help: "A .safetensors checkpoint (from `rnnlab run --checkpoint`) whose weights to export.")
    var checkpoint: String?

    @Option(name: .customLong("training-batches"), parsing: .unconditional,
            help: "Training batches to include, \(TorchExport.trainingBatchLimit.lowerBound)…\(TorchExport.trainingBatchLimit.upperBound) (default \(TorchExport.defaultTrainingBatches)).")
    var trainingBatches = "\(TorchExport.defaultTrainingBatches)"

    @Option(help: "The folder to write; it must be new or empty.")
    var out: String

    func run() throws {
        let library = try options.library()
        guard let lesson = LessonOptions.find(lesson, in: library) else {
            fail(Phrase(.lessonFile(.noLesson), ["name": .text(self.lesson), "lessons": .list(library.lessons.map(\.id))]))
        }
        let count = RunCommand.wholeNumber(trainingBatches, name: "--training-batches", in: TorchExport.trainingBatchLimit)
        let folder = URL(fileURLWithPath: out)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if !existing.isEmpty { fail(Phrase(.export(.folderNotEmpty), ["folder": .text(out)])) }
        var chosen = lesson.settings
        for (k, v) in parseSettings(settings, lesson: lesson) { chosen[k] = v }
        if let seed { chosen["seed"] = .number(Double(RunCommand.wholeNumber(seed, name: "--seed", in: 0...1_000_000))) }
        let project: TorchExport
        do {
            let experiment = try Experiment(task: lesson.task, settings: chosen, dataDirectory: options.dataDirectory)
            if let checkpoint { RunCommand.loadInitial(checkpoint, into: experiment, task: lesson.task) }
            project = try TorchExport(lesson: lesson, experiment: experiment, trainingBatches: count)
        } catch {
            fail(error)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            fail(Phrase(.export(.cannotWrite), ["file": .text(out), "reason": .phrase(Phrase.describing(error))]))
        }
        for (name, contents) in project.files {
            do {
                try SafeFile.write(contents, to: folder.appendingPathComponent(name))
            } catch {
                fail(Phrase(.export(.cannotWrite), ["file": .text(name), "reason": .phrase(Phrase.describing(error))]))
            }
        }
        say(.export(.wrote), ["count": .integer(project.files.count), "folder": .text(out)])
        say(.export(.nextCheck), ["folder": .text(out)])
        say(.export(.nextTrain), ["steps": .integer(project.defaultSteps)])
    }
}
