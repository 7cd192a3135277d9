import XCTest
@testable import rnnlab

/// Which groups `rnnlab bench` runs: all but `memory` by default (it trains for
/// minutes), `memory` when named, and an unknown name refused.
final class BenchGroupTests: XCTestCase {
    func testDefaultLeavesOutMemory() throws {
        let groups = try BenchCommand.groups(only: nil)
        XCTAssertFalse(groups.contains("memory"))
        XCTAssertEqual(groups, Set(BenchCommand.order).subtracting(["memory"]))
        XCTAssertTrue(groups.isSuperset(of: ["rnn", "lesson", "conv", "tree", "seq2seq"]))
    }

    func testNamedGroupsOnly() throws {
        XCTAssertEqual(try BenchCommand.groups(only: "memory"), ["memory"])
        XCTAssertEqual(try BenchCommand.groups(only: "rnn,lesson"), ["rnn", "lesson"])
    }

    func testUnknownGroupIsRefused() {
        XCTAssertThrowsError(try BenchCommand.groups(only: "rnn,memroy")) { error in
            XCTAssertTrue(String(describing: error).contains("memroy"), "\(error)")
        }
    }
}
