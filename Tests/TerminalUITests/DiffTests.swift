import Testing
@testable import TerminalUI

@Suite struct DiffTests {
    @Test func identicalFramesHaveNoRuns() {
        var a = Buffer(width: 10, height: 3)
        a.write("hello", x: 1, y: 1)
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func changedCellsFormRuns() {
        var a = Buffer(width: 10, height: 2)
        a.write("abcdefghij", x: 0, y: 0)
        var b = a
        b.write("XY", x: 2, y: 0)
        b.write("Z", x: 7, y: 0)
        b.write("Q", x: 9, y: 1)
        let runs = b.diff(from: a)
        #expect(runs.map { [$0.x, $0.y, $0.cells.count] } == [[2, 0, 2], [7, 0, 1], [9, 1, 1]])
        #expect(String(runs[0].cells.map(\.symbol)) == "XY")
    }

    @Test func styleChangeIsAChange() {
        var a = Buffer(width: 3, height: 1)
        a.write("abc", x: 0, y: 0)
        var b = a
        b.patchStyle(x: 1, y: 0, style: .bold)
        #expect(b.diff(from: a).map(\.x) == [1])
    }

    @Test func wideCharactersKeepBothHalvesInARun() {
        var a = Buffer(width: 6, height: 1)
        a.write("ab", x: 0, y: 0)
        var b = a
        b.write("中", x: 1, y: 0)
        let runs = b.diff(from: a)
        #expect(runs.count == 1)
        #expect(runs[0].x == 1 && runs[0].cells.count == 2)
        #expect(runs[0].cells.first!.isWide && runs[0].cells.last!.isContinuation)
        // Replacing a wide character by another redraws its lead cell.
        var c = b
        c.write("文", x: 1, y: 0)
        let runs2 = c.diff(from: b)
        #expect(runs2.count == 1 && runs2[0].x == 1 && runs2[0].cells.first!.symbol == "文")
        // Replacing a wide character by narrow ones redraws both columns.
        var d = b
        d.write("xy", x: 1, y: 0)
        #expect(d.diff(from: b).map { [$0.x, $0.cells.count] } == [[1, 2]])
    }

    @Test func runsNeverStartOnAContinuation() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<200 {
            var a = Buffer(width: 12, height: 2)
            var b = a
            for buf in [0, 1] {
                for _ in 0..<6 {
                    let text = ["中", "a", "文字", "xy", "😀", " "][Int.random(in: 0..<6, using: &rng)]
                    let x = Int.random(in: 0..<12, using: &rng), y = Int.random(in: 0..<2, using: &rng)
                    if buf == 0 { a.write(text, x: x, y: y) } else { b.write(text, x: x, y: y) }
                }
            }
            // Applying the runs to the old frame must give the new frame.
            var applied = a
            for run in b.diff(from: a) {
                #expect(!run.cells.first!.isContinuation)
                for (k, cell) in run.cells.enumerated() { applied.cells[run.y * 12 + run.x + k] = cell }
            }
            #expect(applied == b)
        }
    }

    @Test func resizeGivesFullRedraw() {
        let a = Buffer(width: 4, height: 2)
        let b = Buffer(width: 5, height: 2)
        #expect(b.diff(from: a).map(\.cells.count) == [5, 5])
    }
}
