import Foundation
import Testing
@testable import RNNLab

/// ←/→ on a linear knob walk a round grid that holds the values the lessons
/// name (the review found 1.355, 0.775 and −0.2 instead of 1, 0.5 and 0).
@Suite struct KnobGridTests {
    static let library = LessonLibrary.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons"))

    func knob(_ lesson: String, _ name: String) throws -> LessonKnob {
        let l = try #require(Self.library.lessons.first { $0.id == lesson })
        return try #require(l.knobs.first { $0.name == name })
    }

    /// The values reached from `start` by `count` presses in `direction`.
    func walk(_ knob: LessonKnob, from start: Double, _ direction: Int, _ count: Int) -> [Double] {
        var v = SettingValue.number(start), out: [Double] = []
        for _ in 0..<count {
            v = knob.nudge(v, by: direction)
            if case .number(let x) = v { out.append(x) }
        }
        return out
    }

    @Test func spectralRadiusReachesHalfAndOne() throws {
        let k = try knob("vanishing-exploding", "spectral_radius")
        let down = walk(k, from: 1.5, -1, 10)
        #expect(down.contains(1) && down.contains(0.5), "\(down)")
        #expect(down.prefix(3) == [1.4, 1.3, 1.2])
        #expect(walk(k, from: 0, -1, 1) == [0])  // the bottom of the range holds
    }

    @Test func forgetBiasReachesZero() throws {
        let k = try knob("lstm-gates", "forget_bias")
        #expect(walk(k, from: 1, -1, 5) == [0.8, 0.6, 0.4, 0.2, 0])
    }

    @Test func seedStepsByOneAndClipValueByHalves() throws {
        #expect(walk(try knob("vanishing-exploding", "seed"), from: 1, 1, 2) == [2, 3])
        #expect(walk(try knob("vanishing-exploding", "clip_value"), from: 0.05, 1, 2) == [0.5, 1])
        #expect(walk(try knob("vanishing-exploding", "T"), from: 100, -1, 2) == [95, 90])
    }

    /// A typed value off the grid moves to the grid point beside it, not past it.
    @Test func anOffGridValueSnapsToTheNextPoint() throws {
        let k = try knob("vanishing-exploding", "spectral_radius")
        #expect(walk(k, from: 0.95, 1, 1) == [1])
        #expect(walk(k, from: 0.95, -1, 1) == [0.9])
    }
}
