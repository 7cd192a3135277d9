import ArgumentParser
import Foundation
import LabText
import RNNLab
import RNNEngine
import TerminalUI

/// `rnnlab data`: the tasks and data sets the lessons train on.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List the tasks and data sets, or show a few samples of one.",
        subcommands: [DataListCommand.self, DataShowCommand.self, DataImportCommand.self],
        defaultSubcommand: DataListCommand.self)
}

/// Options shared by the `data` subcommands.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "The folder of data sets (default: $\(DataDirectory.environmentVariable), else ./datasets).")
    var dataDir: String?

    @Option(help: "The seed of the splits and of the fixed validation and test sets.")
    var seed: UInt64 = TaskCatalog.defaultSeed

    @OptionGroup var language: LanguageOption

    var directory: DataDirectory { DataDirectory.resolve(explicit: dataDir) }
}

struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every task and data set with its shape, splits and knobs (the default).")

    @OptionGroup var options: DataOptions

    @Flag(help: "Also compute each task's baselines on the validation split.")
    var baselines = false

    func run() throws {
        options.language.apply(followLocale: true)
        let directory = options.directory
        say(.command(.dataFolder), ["folder": .text(directory.path)])
        print()
        let headers: [CommandKey] = [.columnName, .columnKind, .columnShape, .columnTrain, .columnValid, .columnTest, .columnLoad, .columnKnobs]
        var rows: [[String]] = [headers.map { cliLanguage(.command($0)) }]
        var notes: [Phrase] = []
        var failures: [Phrase] = []
        for entry in TaskCatalog.entries {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let task = try entry.make(seed: options.seed, dataDirectory: directory)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                let sizes = task.sizes
                let train = sizes.train.map(String.init) ?? cliLanguage(.command(.fresh))
                rows.append([entry.name, cliLanguage.render(task.kind.label), cliLanguage.render(task.shape), train,
                             "\(sizes.validation)", "\(sizes.test)", cliLanguage(.command(.milliseconds), ["ms": .fixed(ms, decimals: 0)]),
                             entry.knobs.map(\.shortDescription).joined(separator: " ")])
                if baselines {
                    for b in task.baselines(on: .validation) { notes.append(Phrase(.command(.dataNote), ["name": .text(entry.name), "note": .phrase(b.phrase)])) }
                }
            } catch {
                rows.append([entry.name, "—", "—", "—", "—", "—", "—", cliLanguage(.command(.cannotLoad))])
                failures.append(Phrase(.command(.dataNote), ["name": .text(entry.name), "note": .phrase(Phrase.describing(error))]))
            }
        }
        print(table(rows))
        print()
        say(.command(.dataFooter))
        let imported = ImportedData.list()
        if !imported.isEmpty {
            print()
            say(.command(.dataImportedHeader), ["folder": .text(ImportedData.root().path)])
            print()
            var own: [[String]] = [Array(rows[0].prefix(6))]
            for entry in imported {
                do {
                    let task = try ImportedData.task(entry, seed: options.seed)
                    let sizes = task.sizes
                    own.append([entry.name, cliLanguage.render(task.kind.label), cliLanguage.render(task.shape),
                                sizes.train.map(String.init) ?? cliLanguage(.command(.fresh)), "\(sizes.validation)", "\(sizes.test)"])
                } catch {
                    own.append([entry.name, "—", "—", "—", "—", cliLanguage(.command(.cannotLoad))])
                    failures.append(Phrase(.command(.dataNote), ["name": .text(entry.name), "note": .phrase(Phrase.describing(error))]))
                }
            }
            print(table(own))
        }
        if !notes.isEmpty {
            print()
            say(.command(.dataBaselines))
            notes.forEach(say)
        }
        if !failures.isEmpty {
            print()
            say(.command(.dataNotLoaded))
            failures.forEach(say)
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
        options.language.apply(followLocale: true)
        var values: [String: Double] = [:]
        for item in knobs {
            let parts = item.split(separator: "=", maxSplits: 1)
            // Decimal numbers only: Double("0x20"), Double("inf") and Double("nan") would be accepted otherwise.
            let decimal = parts.count == 2 && parts[1].allSatisfy { "0123456789+-.eE".contains($0) }
            guard decimal, let v = Double(parts[1]), v.isFinite else {
                throw ValidationError(cliLanguage(.command(.knobSyntax), ["text": .text(item.count > 40 ? item.prefix(40) + "…" : item)]))
            }
            values[String(parts[0])] = v
        }
        let task: any SequenceTask
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            task = try TaskCatalog.make(name, knobs: values, seed: options.seed, dataDirectory: options.directory)
        } catch {
            // A missing or malformed file, or a bad knob: say which, without the usage text.
            sayError(.command(.dataError), ["error": .phrase(Phrase.describing(error))])
            throw ExitCode.failure
        }
        let loaded = DispatchTime.now().uptimeNanoseconds
        say(.command(.dataTitle), ["name": .text(task.name), "summary": .phrase(task.summary)])
        let sizes = task.sizes
        say(.command(.dataSizes), ["kind": .phrase(task.kind.label), "shape": .phrase(task.shape),
                                   "train": sizes.train.map(TextArgument.integer) ?? .phrase(Phrase(.command(.fresh))),
                                   "validation": .integer(sizes.validation), "test": .integer(sizes.test)])
        print()
        let k = max(count, 1)
        // Drawn as training draws them (at random positions, seeded), so the windows
        // shown are distinct, not one window slid along by a step each time.
        var rng = SplitMix64(seed: options.seed)
        if sizes.train != 0 {
            let batch = task.trainingBatch(size: k, rng: &rng)
            for row in 0..<min(k, batch.batchSize) {
                say(.command(.sample), ["number": .integer(row + 1)])
                for line in TaskPreview.render(task, batch: batch, row: row, language: cliLanguage) { print("  " + line) }
            }
        }
        let baselineStart = DispatchTime.now().uptimeNanoseconds
        let baselines = [Split.validation, .test].flatMap { task.baselines(on: $0) }
        let done = DispatchTime.now().uptimeNanoseconds
        print()
        say(.command(.dataShowBaselines))
        for b in baselines { say(.command(.indented), ["text": .phrase(b.phrase)]) }
        print()
        say(.command(.dataTimes), ["load": .fixed(Double(loaded - start) / 1e6, decimals: 0),
                                   "baselines": .fixed(Double(done - baselineStart) / 1e6, decimals: 0)])
    }
}

/// A plain table with a rule under the header, padded by display width.
private func table(_ rows: [[String]]) -> String {
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].displayWidth }.max() ?? 0 }
    var lines: [String] = []
    for (i, row) in rows.enumerated() {
        lines.append(zip(row, widths).map { padded($0, to: $1) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        if i == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
    }
    return lines.joined(separator: "\n")
}
