import Foundation
import TerminalUI

/// A small seeded generator (SplitMix64) so property tests are reproducible.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Awkward data for property tests: empty, constant, all-NaN, mixed with
/// NaN and infinities, huge and tiny magnitudes, negatives.
func awkwardSeries(_ rng: inout SeededRandom) -> [Double] {
    let n = Int.random(in: 0...300, using: &rng)
    switch Int.random(in: 0..<7, using: &rng) {
    case 0: return []
    case 1: return Array(repeating: Double.random(in: -5...5, using: &rng), count: n)
    case 2: return Array(repeating: .nan, count: n)
    case 3: return (0..<n).map { _ in [Double.nan, .infinity, -.infinity, 0, 1e-300, 1e300, -2][Int.random(in: 0..<7, using: &rng)] }
    case 4: return (0..<n).map { _ in Double.random(in: -1e6...1e6, using: &rng) }
    case 5: return (0..<n).map { i in i % 17 == 3 ? .nan : exp(-Double(i) / 50) }
    default: return (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }
    }
}

/// A buffer filled with a sentinel character, to catch writes outside an area.
func sentinelBuffer(width: Int, height: Int, capabilities: Capabilities) -> Buffer {
    Buffer(width: width, height: height, capabilities: capabilities, fill: Cell("¤", style: Style(foreground: Color(201))))
}

/// The cells of `after` outside `area` that differ from `before`.
func writesOutside(_ area: Rect, before: Buffer, after: Buffer) -> [(Int, Int)] {
    var bad: [(Int, Int)] = []
    for y in 0..<before.height {
        for x in 0..<before.width where !area.contains(x: x, y: y) {
            if before[x, y] != after[x, y] { bad.append((x, y)) }
        }
    }
    return bad
}
