import Foundation
import LabText
import XCTest
@testable import rnnlab

/// `rnnlab bench --compare FILE`: reading the reference file, matching its rows to
/// ours, and the ratio. No timing is asserted.
final class BenchComparisonTests: XCTestCase {
    private func row(_ group: String, _ name: String, _ threads: Int, _ value: Double) -> BenchRow {
        BenchRow(group: group, name: name, threads: threads, value: value, unit: "ms")
    }

    func testReadsTheScriptsFileFormat() throws {
        let json = """
        {"reference": "pytorch", "meta": {"torch": "2.13.0"}, "rows": [
          {"group": "rnn f+b", "name": "lstm B32 T50 I32 H64", "threads": 1, "value": 3.5, "unit": "ms"},
          {"group": "rnn f+b", "name": "lstm B32 T50 I32 H64", "threads": 2, "value": 4.25, "unit": "ms"}]}
        """
        let file = try ReferenceTimings.decode(Data(json.utf8), file: "t.json")
        XCTAssertEqual(file.source, "pytorch")
        XCTAssertEqual(file.rows.map(\.threads), [1, 2])
        XCTAssertEqual(file.rows.map(\.value), [3.5, 4.25])
    }

    func testMalformedFileNamesTheFile() {
        for bad in ["{\"rows\": [{\"group\": \"rnn f+b\"}]}", "not json", "{\"rows\": 3}"] {
            XCTAssertThrowsError(try ReferenceTimings.decode(Data(bad.utf8), file: "/tmp/broken-torch.json")) { error in
                let message = String(describing: error)
                XCTAssertTrue(message.contains("/tmp/broken-torch.json"), message)
                XCTAssertTrue(message.hasPrefix("cannot read the reference timings in"), message)
            }
        }
    }

    func testWrongRowsAreReportedWhereTheyAre() {
        XCTAssertThrowsError(try ReferenceTimings.decode(Data("{\"rows\": 3}".utf8), file: "r.json")) { error in
            XCTAssertTrue(String(describing: error).contains("rows"), String(describing: error))
        }
        let list = try? ReferenceTimings.decode(Data(" [{\"group\": \"g\", \"name\": \"n\", \"threads\": 1, \"value\": 2, \"unit\": \"ms\"}]".utf8), file: "l.json")
        XCTAssertEqual(list?.rows.first?.value, 2)
    }

    func testMissingFileNamesTheFile() {
        let path = NSTemporaryDirectory() + "no-such-reference-\(UUID().uuidString).json"
        XCTAssertThrowsError(try ReferenceTimings.load(path)) { error in
            XCTAssertTrue(String(describing: error).contains(path))
        }
    }

    func testMatchesByGroupNameAndThreadsAndTakesTheBest() {
        let ours = [row("rnn f+b", "lstm A", 1, 6), row("rnn f+b", "lstm A", 2, 5),
                    row("rnn fwd", "lstm A", 1, 2), row("lesson step", "only here", 1, 1)]
        let theirs = [row("rnn f+b", "lstm A", 1, 4), row("rnn f+b", "lstm A", 2, 3),
                      row("rnn fwd", "lstm A", 2, 1.5), row("seq2seq step", "only there", 1, 9)]
        let lines = BenchComparison.match(ours: ours, theirs: theirs)
        XCTAssertEqual(lines.count, 6)
        // Same group and name, same thread count; best over their thread counts.
        XCTAssertEqual(lines[0].theirs, 4)
        XCTAssertEqual(lines[0].theirsBest, 3)
        XCTAssertEqual(lines[0].ratio, 2)
        XCTAssertEqual(lines[1].theirs, 3)
        XCTAssertEqual(lines[1].ratio!, 5.0 / 3, accuracy: 1e-12)
        // A group differs: "rnn fwd" does not take "rnn f+b"'s figures; it has no 1-thread
        // reference, but a best from 2 threads.
        XCTAssertNil(lines[2].theirs)
        XCTAssertEqual(lines[2].theirsBest, 1.5)
        XCTAssertEqual(lines[2].ratio!, 2 / 1.5, accuracy: 1e-12)
        // Rows only one side has.
        XCTAssertEqual(lines[3].name, "only here")
        XCTAssertNil(lines[3].theirs)
        XCTAssertNil(lines[3].ratio)
        // Their 2-thread "rnn fwd" row has no 2-thread row of ours: listed as theirs only.
        XCTAssertEqual(lines[4].group, "rnn fwd")
        XCTAssertEqual(lines[4].threads, 2)
        XCTAssertNil(lines[4].ours)
        XCTAssertEqual(lines[4].theirs, 1.5)
        XCTAssertNil(lines[4].ratio)
        XCTAssertEqual(lines[5].name, "only there")
        XCTAssertNil(lines[5].ours)
        XCTAssertEqual(lines[5].theirs, 9)
        XCTAssertNil(lines[5].ratio)
    }

    func testTableSaysWhichSideHasARow() {
        let lines = BenchComparison.match(ours: [row("g", "both", 1, 2), row("g", "mine", 1, 1)],
                                          theirs: [row("g", "both", 1, 4), row("g", "theirs", 2, 3)])
        let table = BenchTable.renderComparison(lines, source: "pytorch", file: "x.json", in: .english)
        let body = table.split(separator: "\n").map(String.init)
        XCTAssertTrue(body[0].contains("pytorch") && body[0].contains("x.json"))
        XCTAssertTrue(body[2].contains("both") && body[2].hasSuffix("0.5×"), body[2])
        XCTAssertTrue(body[3].contains("mine") && body[3].hasSuffix("only ours"), body[3])
        XCTAssertTrue(body[4].contains("theirs") && body[4].hasSuffix("only theirs"), body[4])
    }
}
