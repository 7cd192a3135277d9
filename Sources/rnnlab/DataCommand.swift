import ArgumentParser
import Foundation
import RNNLab
import RNNEngine

/// `rnnlab data`: the tasks and data sets the lessons train on.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List the tasks and data sets, or show a few samples of one.",
        subcommands: [DataListCommand.self, DataShowCommand.self],
        defaultSubcommand: DataListCommand.self)
}

/// Options shared by the `data` subcommands.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "The folder of data sets (default: $\(DataDirectory.environmentVariable), else ./datasets).")
    var dataDir: String?

    @Option(help: "The seed of the splits and of the fixed validation and test sets.")
    var seed: UInt64 = TaskCatalog.defaultSeed

    var directory: DataDirectory { DataDirectory.resolve(explicit: dataDir) }
}

struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every task and data set with its shape, splits and knobs (the default).")

    @OptionGroup var options: DataOptions

    @Flag(help: "Also compute each task's baselines on the validation split.")
    var baselines = false

    func run() throws {
        let directory = options.directory
        print("Data folder: \(directory.path)\n")
        var rows: [[String]] = [["name", "kind", "shape", "train", "valid", "test", "load", "knobs"]]
        var notes: [String] = []
        var failures: [String] = []
        for entry in TaskCatalog.entries {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let task = try entry.make(seed: options.seed, dataDirectory: directory)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                let sizes = task.sizes
                let train = sizes.train.map { entry.source == .synthetic ? "\($0)" : "\($0)" } ?? "fresh"
                rows.append([entry.name, task.kind.rawValue, task.shapeDescription, train,
                             "\(sizes.validation)", "\(sizes.test)", String(format: "%.0f ms", ms),
                             entry.knobs.map(\.shortDescription).joined(separator: " ")])
                if baselines {
                    for b in task.baselines(on: .validation) { notes.append("  \(entry.name): \(b)") }
                }
            } catch {
                rows.append([entry.name, "—", "—", "—", "—", "—", "—", "cannot load"])
                failures.append("  \(entry.name): \(error)")
            }
        }
        print(table(rows))
        print("\n\"fresh\": synthetic training batches are generated at every step; the character")
        print("language model counts its training text in characters. Show samples with")
        print("`rnnlab data show NAME --n 3`.")
        if !notes.isEmpty { print("\nBaselines on the validation split:\n" + notes.joined(separator: "\n")) }
        if !failures.isEmpty {
            print("\nNot loaded:\n" + failures.joined(separator: "\n"))
            throw ExitCode(1)
        }
    }
}

struct DataShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print K samples of a task or data set, and its baselines.")

    @Argument(help: "The task or data set (see `rnnlab data`).")
    var name: String

    @Option(name: .customLong("n"), help: "How many samples.")
    var count = 3

    @Option(name: .customLong("set"), help: "A knob value, as NAME=VALUE (repeatable), e.g. --set T=200.")
    var knobs: [String] = []

    @OptionGroup var options: DataOptions

    func run() throws {
        var values: [String: Double] = [:]
        for item in knobs {
            let parts = item.split(separator: "=", maxSplits: 1)
            // Decimal numbers only: Double("0x20"), Double("inf") and Double("nan") would be accepted otherwise.
            let decimal = parts.count == 2 && parts[1].allSatisfy { "0123456789+-.eE".contains($0) }
            guard decimal, let v = Double(parts[1]), v.isFinite else {
                throw ValidationError("--set expects NAME=VALUE with a decimal number, got \(item.prefix(40))\(item.count > 40 ? "…" : "")")
            }
            values[String(parts[0])] = v
        }
        let task: any SequenceTask
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            task = try TaskCatalog.make(name, knobs: values, seed: options.seed, dataDirectory: options.directory)
        } catch {
            // A missing or malformed file, or a bad knob: say which, without the usage text.
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let loaded = DispatchTime.now().uptimeNanoseconds
        print("\(task.name): \(task.summary)")
        let sizes = task.sizes
        print("\(task.kind.rawValue), \(task.shapeDescription); train \(sizes.train.map(String.init) ?? "fresh"), "
              + "validation \(sizes.validation), test \(sizes.test)\n")
        let k = max(count, 1)
        if let batch = task.evaluationBatches(.train, batchSize: k).first {
            for row in 0..<min(k, batch.batchSize) {
                print("— sample \(row + 1)")
                for line in TaskPreview.render(task, batch: batch, row: row) { print("  " + line) }
            }
        }
        let baselineStart = DispatchTime.now().uptimeNanoseconds
        let baselines = [Split.validation, .test].flatMap { task.baselines(on: $0) }
        let done = DispatchTime.now().uptimeNanoseconds
        print("\nBaselines:")
        for b in baselines { print("  \(b)") }
        print(String(format: "\nReady in %.0f ms; baselines computed in %.0f ms.",
                     Double(loaded - start) / 1e6, Double(done - baselineStart) / 1e6))
    }
}

/// A plain table with a rule under the header.
private func table(_ rows: [[String]]) -> String {
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
    var lines: [String] = []
    for (i, row) in rows.enumerated() {
        lines.append(zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        if i == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
    }
    return lines.joined(separator: "\n")
}
