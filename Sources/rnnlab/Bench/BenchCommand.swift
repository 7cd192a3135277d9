import ArgumentParser
import Foundation
import LabText
import RNNLab
import RNNEngine

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine's speed: matrix multiply GFLOP/s, the main ops, the recurrent layers, a seq2seq step and a frame of the UI.")

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Run only these groups (comma-separated): matmul, ops, rnn, seq2seq, ui.")
    var only: String?

    func run() throws {
        let groups = Set((only ?? "matmul,ops,rnn,seq2seq,ui").split(separator: ",").map(String.init))
        let known: Set = ["matmul", "ops", "rnn", "seq2seq", "ui"]
        if let bad = groups.subtracting(known).first {
            throw ValidationError(cliLanguage(.command(.benchUnknownGroup), ["group": .text(bad), "groups": .list(["matmul", "ops", "rnn", "seq2seq", "ui"])]))
        }
        Allocator.keepFreedMemory()
        var rows: [BenchRow] = groups.contains("matmul") ? matmulBenchmarks() : []
        for threads in [1, 2] {
            if groups.contains("ops") { rows += opBenchmarks(threads: threads) }
            if groups.contains("rnn") { rows += recurrentBenchmarks(threads: threads) }
            if groups.contains("seq2seq") { rows += seq2seqBenchmarks(threads: threads) }
        }
        if groups.contains("ui") { rows += uiBenchmarks() }
        Parallel.maxThreads = Parallel.coreCount
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            print(BenchTable.render(rows))
        }
    }
}
