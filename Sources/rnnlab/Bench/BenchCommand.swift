import ArgumentParser
import Foundation
import RNNEngine

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine's speed: matrix multiply GFLOP/s and the main ops.")

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() throws {
        var rows: [BenchRow] = []
        for threads in [1, 2] {
            rows += opBenchmarks(threads: threads)
        }
        rows += uiBenchmarks()
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
