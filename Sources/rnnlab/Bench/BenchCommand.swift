import ArgumentParser
import Foundation
import LabText
import RNNLab
import RNNEngine

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine's speed: matrix multiply GFLOP/s, the main ops, the recurrent layers against the FMA limit, a seq2seq step, the LSTM lesson's training step, Conv1d and pooling, the tree net with char-LM sampling, and a frame of the UI.")

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Run only these groups (comma-separated): matmul, ops, conv, rnn, lesson, seq2seq, tree, ui, memory (memory only when named: minutes).")
    var only: String?

    @Option(help: "A JSON file of reference timings on the same shapes (Tests/scripts/bench_torch.py writes one): print ours, theirs and the ratio side by side.")
    var compare: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply(followLocale: true)
        let groups = try Self.groups(only: only)
        // Read the reference first: a bad file fails before minutes of timing.
        let reference = try compare.map { try ReferenceTimings.load($0) }
        Allocator.keepFreedMemory()
        var rows: [BenchRow] = groups.contains("matmul") ? matmulBenchmarks() : []
        for threads in [1, 2] {
            if groups.contains("ops") { rows += opBenchmarks(threads: threads) }
            if groups.contains("conv") { rows += convBenchmarks(threads: threads) }
            if groups.contains("rnn") { rows += recurrentBenchmarks(threads: threads) }
            if groups.contains("lesson") { rows += lessonStepBenchmarks(threads: threads) }
            if groups.contains("seq2seq") { rows += seq2seqBenchmarks(threads: threads) }
            if groups.contains("tree") { rows += treeBenchmarks(threads: threads) }
        }
        if groups.contains("rnn") {
            let sizes = recurrentBenchKinds.flatMap { kind in recurrentBenchSizes.map { (kind, $0.B, $0.T, $0.I, $0.H) } }
            rows += fmaLimitRows(rows, sizes: sizes)
        }
        if groups.contains("ui") { rows += uiBenchmarks() }
        if groups.contains("memory") { rows += memoryBenchmarks() }
        Parallel.maxThreads = Parallel.coreCount
        if let reference, let compare {
            let lines = BenchComparison.match(ours: rows, theirs: reference.rows)
            for i in rows.indices {
                rows[i].reference = lines[i].theirs
            }
            if !json {
                print(BenchTable.renderComparison(lines, source: reference.source, file: compare))
                return
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            print(BenchTable.render(rows))
        }
    }

    /// Every group, in the order they run; the last ones run only when named.
    static let order = ["matmul", "ops", "conv", "rnn", "lesson", "seq2seq", "tree", "ui", "memory"]
    /// Groups a plain `rnnlab bench` leaves out: `memory` trains 10,000 steps and every lesson.
    static let onlyWhenNamed: Set = ["memory"]

    /// The groups `--only` names (comma-separated), or every group but `onlyWhenNamed`;
    /// an unknown name is refused with the list of groups.
    static func groups(only: String?) throws -> Set<String> {
        guard let only else { return Set(order).subtracting(onlyWhenNamed) }
        let groups = Set(only.split(separator: ",").map(String.init))
        if let bad = groups.subtracting(order).sorted().first {
            throw ValidationError(cliLanguage(.command(.benchUnknownGroup), ["group": .text(bad), "groups": .list(order)]))
        }
        return groups
    }
}
