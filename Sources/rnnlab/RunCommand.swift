import ArgumentParser
import Foundation
import RNNEngine
import LabApp
import RNNLab

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Train a lesson's experiment without the screen, printing progress and final metrics.")

    @OptionGroup var options: LessonOptions

    @Argument(help: "The lesson, by id, file name or number.")
    var lesson: String

    @Option(help: "Training steps.")
    var steps = 500

    @Option(help: "The random seed of the model and data (default: the lesson's).")
    var seed: Int?

    @Option(name: .customLong("set"), help: "A setting, name=value (repeatable).")
    var settings: [String] = []

    @Option(help: "Write the metrics of every step to this .csv or .json file.")
    var metrics: String?

    @Option(help: "Write the trained parameters to this .safetensors file.")
    var checkpoint: String?

    func run() throws {
        let library = try options.library()
        guard let lesson = library.lesson(named: lesson) else {
            fail("no lesson \(self.lesson) (lessons: \(library.lessons.map(\.id).joined(separator: ", ")))")
        }
        guard steps > 0 else { fail("--steps must be at least 1") }
        if let m = metrics, !(m.hasSuffix(".csv") || m.hasSuffix(".json")) { fail("--metrics takes a .csv or .json file") }
        var chosen = lesson.settings
        for (k, v) in parseSettings(settings, lesson: lesson) { chosen[k] = v }
        if let seed {
            guard (0...1_000_000).contains(seed) else { fail("--seed must be in 0…1000000") }
            chosen["seed"] = .number(Double(seed))
        }
        let experiment: Experiment
        do { experiment = try Experiment(task: lesson.task, settings: chosen, dataDirectory: options.dataDirectory) } catch {
            fail("\(error)")
        }
        experiment.measurements = lesson.measurementNames
        print("\(lesson.title): \(lesson.task), \(experiment.parameterCount) parameters")
        var log = MetricsLog()
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<steps {
            let r = experiment.trainStep()
            log.append(r)
            if let e = r.evaluation {
                let secs = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) * 1e-18
                print("step \(r.step)  loss \(SettingValue.format(r.loss))  validation \(SettingValue.format(e.loss))  "
                      + (e.metrics + e.measurements).map(\.description).joined(separator: ", ")
                      + String(format: "  (%.0f steps/s)", Double(r.step) / max(secs, 1e-9)))
            }
            if let d = r.divergence {
                print("diverged \(describeDivergence(d, atStep: r.step)): stopped. Lower the learning rate or clip the gradients.")
                break
            }
        }
        let final = experiment.evaluate()
        print("final validation loss \(SettingValue.format(final.loss)), " + (final.metrics + final.measurements).map(\.description).joined(separator: ", "))
        for b in experiment.baselines { print("baseline " + b.description) }
        if let m = metrics { try log.write(to: URL(fileURLWithPath: m)) ; print("metrics written to \(m)") }
        if let c = checkpoint {
            try SafetensorsFile.write(stateDict: experiment.stateDict(), metadata: ["lesson": lesson.id, "step": String(experiment.step)],
                                      to: URL(fileURLWithPath: c))
            print("checkpoint written to \(c)")
        }
    }
}
