import Foundation
import RNNEngine
import Testing
@testable import RNNLab

/// Generators are deterministic, their targets right, their splits disjoint,
/// and their baselines at the known chance levels.
@Suite struct SyntheticTaskTests {
    func batch(_ name: String, _ knobs: [String: Double] = [:], seed: UInt64 = 5, size: Int = 64) throws -> SequenceBatch {
        let task = try TaskCatalog.make(name, knobs: knobs)
        var rng = SplitMix64(seed: seed)
        return task.trainingBatch(size: size, rng: &rng)
    }

    @Test func everySyntheticTaskIsDeterministicPerSeed() throws {
        for entry in TaskCatalog.entries where entry.source == .synthetic {
            let a = try batch(entry.name), b = try batch(entry.name), c = try batch(entry.name, seed: 6)
            #expect(a.inputs == b.inputs, "\(entry.name)")
            #expect(a.targetClasses == b.targetClasses && a.targetValues.map { $0 == b.targetValues! } ?? true)
            #expect(!(a.inputs == c.inputs), "\(entry.name): another seed gives other data")
            // The fixed validation set does not depend on the training RNG.
            let v1 = try TaskCatalog.make(entry.name).evaluationBatches(.validation, batchSize: 100)[0]
            let v2 = try TaskCatalog.make(entry.name).evaluationBatches(.validation, batchSize: 100)[0]
            #expect(v1.inputs == v2.inputs)
        }
    }

    @Test func addingTargetIsTheSumOfTheTwoMarkedValues() throws {
        let t = 30
        let b = try batch("adding", ["T": Double(t)], size: 200)
        let x = b.inputs.scalars, y = b.targetValues!.scalars
        #expect(b.inputs.shape == [200, t, 2])
        for r in 0..<200 {
            var marked: [Int] = []
            var sum: Float = 0
            for s in 0..<t where x[(r * t + s) * 2 + 1] == 1 {
                marked.append(s)
                sum += x[(r * t + s) * 2]
            }
            #expect(marked.count == 2)
            #expect(marked[0] < t / 2 && marked[1] >= t / 2)
            #expect(y[r] == sum)
        }
    }

    @Test func addingMeanBaselineIsAtChance() throws {
        let task = try TaskCatalog.make("adding", knobs: ["T": 100])
        let mean = task.baselines(on: .test)[0]
        // The sum of two U(0,1) values has variance 2/12 = 1/6 about its mean 1.
        #expect(abs(mean.metrics[.mse]! - 1.0 / 6) < 0.02)
        // |1 − s| < 0.04 has probability 1 − 0.96² ≈ 0.078.
        #expect(abs(mean.metrics[.solved]! - 0.078) < 0.03)
    }

    @Test func copyRecallsTheSymbolsAfterTheDelay() throws {
        let s = 5, d = 7
        let b = try batch("copy", ["S": Double(s), "delay": Double(d), "K": 4])
        let t = 2 * s + d + 1
        #expect(b.steps == t && b.inputSize == 6)
        for r in 0..<b.batchSize {
            let ids = Array(b.inputTokens![(r * t)..<((r + 1) * t)])
            #expect(ids[s + d] == 5)  // the go marker
            #expect(ids[s..<(s + d)].allSatisfy { $0 == 0 })
            for i in 0..<s {
                #expect(b.targetClasses![r * t + s + d + 1 + i] == ids[i])
                #expect(b.targetMask[r * t + s + d + 1 + i])
            }
            #expect(b.targetMask[(r * t)..<(r * t + s + d + 1)].allSatisfy { !$0 })
        }
        let memoryless = try TaskCatalog.make("copy", knobs: ["K": 4]).baselines(on: .validation)[0]
        #expect(abs(memoryless.metrics[.crossEntropy]! - log(4.0)) < 1e-5)
    }

    @Test func echoOutputsTheInputFromKStepsAgo() throws {
        let b = try batch("echo", ["T": 20, "k": 3])
        for r in 0..<b.batchSize {
            for s in 0..<20 {
                #expect(b.targetMask[r * 20 + s] == (s >= 3))
                if s >= 3 { #expect(b.targetClasses![r * 20 + s] == b.inputTokens![r * 20 + s - 3]) }
            }
        }
        #expect(throws: TaskError.self) { try TaskCatalog.make("echo", knobs: ["T": 5, "k": 5]) }
    }

    @Test func temporalOrderParityAndCountingLabels() throws {
        let order = try batch("temporal-order", ["T": 50])
        for r in 0..<order.batchSize {
            let relevant = order.inputTokens![(r * 50)..<((r + 1) * 50)].filter { $0 == 4 || $0 == 5 }
            #expect(relevant.count == 2)
            #expect(order.targetClasses![r] == 2 * (relevant[0] - 4) + (relevant[1] - 4))
        }
        let parity = try batch("parity", ["T": 16])
        let bits = parity.inputs.scalars
        for r in 0..<parity.batchSize {
            #expect(parity.targetClasses![r] == Int(bits[(r * 16)..<((r + 1) * 16)].reduce(0, +)) % 2)
        }
        let task = try TaskCatalog.make("counting", knobs: ["T": 40, "p": 0.25])
        var rng = SplitMix64(seed: 9)
        let counting = task.trainingBatch(size: 50, rng: &rng)
        let x = counting.inputs.scalars, y = counting.targetValues!.scalars
        for r in 0..<50 {
            let count = Double(x[(r * 40)..<((r + 1) * 40)].reduce(0, +))
            #expect(abs(Double(y[r]) * task.targetScale + task.targetShift - count) < 1e-4)
        }
    }

    @Test func reversalAndDatesAreSeq2seqWithBosAndEos() throws {
        let b = try batch("reverse", ["length": 8])
        let u = b.outputSteps
        for r in 0..<b.batchSize {
            let n = b.lengths[r]
            #expect(n >= 4 && n <= 8)
            let input = Array(b.inputTokens![(r * b.steps)..<(r * b.steps + n)])
            let target = Array(b.targetClasses![(r * u)..<(r * u + n)])
            #expect(target == input.reversed())
            #expect(b.targetClasses![r * u + n] == Vocabulary.end)
            #expect(b.decoderTokens![r * u] == Vocabulary.begin)
            #expect(Array(b.decoderTokens![(r * u + 1)...(r * u + n)]) == target)
            #expect(b.targetMask[(r * u)..<(r * u + u)].filter { $0 }.count == n + 1)
        }
        // Words written independently of DateWords.
        #expect(DateWords.words(year: 1994, month: 3, day: 3, format: 0) == "third of march nineteen ninety-four")
        #expect(DateWords.words(year: 2008, month: 12, day: 21, format: 1) == "december twenty-first, two thousand eight")
        #expect(DateWords.words(year: 1905, month: 7, day: 30, format: 2) == "thirty july nineteen oh five")
        #expect(DateWords.words(year: 2012, month: 2, day: 29, format: 0) == "twenty-ninth of february twenty twelve")
        let task = try TaskCatalog.make("dates")
        let dates = task.evaluationBatches(.test, batchSize: 50)[0]
        let u2 = dates.outputSteps
        for r in 0..<50 {
            let iso = task.outputVocabulary!.decode(dates.targetClasses![(r * u2)..<(r * u2 + 10)])
            let parts = iso.split(separator: "-").map { Int($0)! }
            let words = task.inputVocabulary!.decode(dates.inputTokens![(r * dates.steps)..<(r * dates.steps + dates.lengths[r])])
            #expect((0..<3).contains { DateWords.words(year: parts[0], month: parts[1], day: parts[2], format: $0) == words })
        }
    }

    @Test func discreteSplitsNeverShareAnInput() throws {
        // The content that identifies an input: the bits, the symbols to copy, the date, the letters.
        let cases: [(String, [String: Double], (SequenceExample) -> [Int])] = [
            ("parity", ["T": 10], { $0.features.map { Int($0) } }),
            ("copy", ["S": 3, "K": 4, "delay": 2], { Array($0.tokens.prefix(3)) }),
            ("dates", [:], { $0.outputs }),
            ("reverse", ["length": 4, "K": 3], { $0.tokens }),
            ("echo", ["T": 6, "K": 2, "k": 1], { $0.tokens }),
        ]
        for (name, knobs, key) in cases {
            let task = try TaskCatalog.make(name, knobs: knobs) as! ExampleTask
            var rng = SplitMix64(seed: 1)
            let train = Set((0..<2000).map { _ in key(task.generator!(&rng)) })
            let validation = Set(task.examples[.validation].map(key)), test = Set(task.examples[.test].map(key))
            #expect(!validation.isEmpty && !test.isEmpty, "\(name)")
            #expect(validation.isDisjoint(with: test), "\(name)")
            #expect(train.isDisjoint(with: validation), "\(name)")
            #expect(train.isDisjoint(with: test), "\(name)")
        }
    }

    @Test func knobsAreChecked() {
        #expect(throws: TaskError("adding has no knob delay (knobs: T)")) { try TaskCatalog.make("adding", knobs: ["delay": 3]) }
        #expect(throws: TaskError.self) { try TaskCatalog.make("adding", knobs: ["T": 1]) }
        #expect(throws: TaskError.self) { try TaskCatalog.make("adding", knobs: ["T": 10.5]) }
        #expect(throws: TaskError.self) { try TaskCatalog.make("no-such-task") }
    }

    @Test func sineForecastBaselines() throws {
        let clean = try TaskCatalog.make("sine", knobs: ["noise": 0, "horizon": 1])
        let baselines = clean.baselines(on: .test)
        // Periods of 8–50 steps: one step moves the signal by at most 2π/8 of its amplitude.
        #expect(baselines[0].metrics[.mae]! < 0.5)
        #expect(baselines[0].metrics[.mse]! < baselines[1].metrics[.mse]!)
    }
}
