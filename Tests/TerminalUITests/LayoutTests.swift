import Testing
import TerminalUI

@Suite struct LayoutTests {
    let r = Rect(x: 0, y: 0, width: 100, height: 20)

    @Test func fixedPercentageAndMin() {
        let parts = r.split(.across, [.fixed(10), .percentage(30), .min(5), .min(5)])
        #expect(parts.map(\.width) == [10, 30, 30, 30])
        #expect(parts.map(\.x) == [0, 10, 40, 70])
        #expect(parts.allSatisfy { $0.height == 20 })
    }

    @Test func downWithSpacing() {
        let parts = r.split(.down, [.fixed(3), .min(1), .fixed(1)], spacing: 1)
        #expect(parts.map(\.height) == [3, 14, 1])
        #expect(parts.map(\.y) == [0, 4, 19])
    }

    @Test func tooSmallShrinksFromTheEnd() {
        let small = Rect(x: 5, y: 5, width: 10, height: 2)
        let parts = small.split(.across, [.fixed(6), .fixed(6), .min(3)])
        #expect(parts.map(\.width) == [6, 4, 0])
        #expect(parts.allSatisfy { small.contains($0) })
    }

    @Test func anySplitStaysInside() {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<500 {
            let outer = Rect(x: Int.random(in: -5...5, using: &rng), y: 0, width: Int.random(in: 0...40, using: &rng),
                             height: Int.random(in: 0...40, using: &rng))
            let cs: [Constraint] = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: return .fixed(Int.random(in: -2...30, using: &rng))
                case 1: return .percentage(Int.random(in: -10...150, using: &rng))
                default: return .min(Int.random(in: 0...20, using: &rng))
                }
            }
            let dir: SplitDirection = Bool.random(using: &rng) ? .across : .down
            let parts = outer.split(dir, cs, spacing: Int.random(in: 0...2, using: &rng))
            #expect(parts.count == cs.count)
            #expect(parts.allSatisfy { outer.contains($0) })
        }
    }
}
