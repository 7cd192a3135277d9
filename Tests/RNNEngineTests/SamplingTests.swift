import Testing
import RNNEngine

/// Sampling from a character language model: greedy is the argmax chain, a
/// temperature T draws from softmax(logits / T), one seed gives one text, and
/// a temperature outside (0, ∞) is refused.
@Suite struct SamplingTests {
    static func tinyModel(kind: CellKind = .rnnTanh, seed: UInt64 = 3) -> CharLanguageModel {
        var rng = SplitMix64(seed: seed)
        return CharLanguageModel(vocabularySize: 5, embeddingSize: 3, hiddenSize: 4, kind: kind, rng: &rng, dtype: .float64)
    }

    /// The simple RNN model by hand: h′ = tanh(W_ih e + b_ih + W_hh h + b_hh),
    /// logits = W_o h′ + b_o, with plain arrays.
    struct ByHand {
        let m: CharLanguageModel
        var h: [Double]

        init(_ m: CharLanguageModel) { self.m = m; h = Array(repeating: 0, count: 4) }

        mutating func step(_ token: Int) -> [Double] {
            let w = m.recurrent.weights[0]
            let e = (0..<3).map { m.embedding.weight.value[token, $0] }
            h = (0..<4).map { i in
                var z = w.biasIH.value[i] + w.biasHH.value[i]
                for j in 0..<3 { z += w.weightIH.value[i, j] * e[j] }
                for j in 0..<4 { z += w.weightHH.value[i, j] * h[j] }
                return Foundation.tanh(z)
            }
            return (0..<5).map { k in
                var y = m.head.bias!.value[k]
                for j in 0..<4 { y += m.head.weight.value[k, j] * h[j] }
                return y
            }
        }
    }

    static func argmax(_ x: [Double]) -> Int { x.indices.max { x[$0] < x[$1] }! }

    @Test func greedyIsTheArgmaxChainByHand() throws {
        let m = Self.tinyModel()
        let prime = [2, 0, 4]
        var hand = ByHand(m)
        var logits: [Double] = []
        for t in prime { logits = hand.step(t) }
        var expected: [Int] = []
        for _ in 0..<12 {
            let next = Self.argmax(logits)
            expected.append(next)
            logits = hand.step(next)
        }
        let text = try m.sample(prime: prime, length: 12, temperature: .greedy, seed: 9)
        #expect(text == expected)
        // Greedy draws nothing: another seed gives the same text.
        #expect(try m.sample(prime: prime, length: 12, temperature: .greedy, seed: 10) == expected)
    }

    /// The prime's state is carried: a different prime ending in the same token
    /// gives different first logits (so the whole prime was read).
    @Test func thePrimeIsReadWhole() {
        let m = Self.tinyModel()
        var a = ByHand(m), b = ByHand(m)
        let la = [1, 3].map { a.step($0) }.last!
        let lb = [4, 3].map { b.step($0) }.last!
        #expect(la != lb)
        let probsA = (0..<400).map { try! m.sample(prime: [1, 3], length: 1, temperature: .scaled(1), seed: UInt64($0))[0] }
        let probsB = (0..<400).map { try! m.sample(prime: [4, 3], length: 1, temperature: .scaled(1), seed: UInt64($0))[0] }
        #expect(probsA != probsB)
    }

    @Test func probabilitiesAreSoftmaxOfLogitsOverT() {
        let logits = [1.5, -0.3, 0.0, 2.2, -1.0]
        for t in [0.25, 0.5, 1.0, 2.0, 5.0] {
            let direct = logits.map { Foundation.exp($0 / t) }
            let total = direct.reduce(0, +)
            let p = nextTokenProbabilities(logits, .scaled(t))
            #expect(maxRelativeDifference(p, direct.map { $0 / total }) <= 1e-14, "T = \(t)")
        }
        // Lower T is sharper: the top token's probability falls as T rises.
        let tops = [0.25, 1.0, 4.0].map { nextTokenProbabilities(logits, .scaled($0))[3] }
        #expect(tops[0] > tops[1] && tops[1] > tops[2])
        // T → 0 tends to greedy.
        #expect(maxRelativeDifference(nextTokenProbabilities(logits, .scaled(1e-3)),
                                      nextTokenProbabilities(logits, .greedy)) <= 1e-12)
    }

    /// Empirical frequencies of N draws against the exact probabilities: each
    /// count is binomial, so |f − p| ≤ 5 √(p(1 − p)/N) fails by chance with
    /// probability below 6e-7 per class (the seed is fixed anyway).
    @Test(arguments: [0.5, 1.0, 3.0])
    func drawsFollowTheTemperedDistribution(t: Double) {
        let logits = [1.5, -0.3, 0.0, 2.2, -1.0]
        let p = nextTokenProbabilities(logits, .scaled(t))
        let n = 40_000
        var counts = [Int](repeating: 0, count: p.count)
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<n { counts[drawToken(logits, .scaled(t), rng: &rng)] += 1 }
        for k in p.indices {
            let f = Double(counts[k]) / Double(n)
            let margin = 5 * (p[k] * (1 - p[k]) / Double(n)).squareRoot()
            #expect(abs(f - p[k]) <= margin, "T \(t) token \(k): frequency \(f), probability \(p[k])")
        }
        // The wrong temperature is told apart: T = 1 frequencies are far from T = 3 ones.
        if t == 3.0 {
            let p1 = nextTokenProbabilities(logits, .scaled(1))
            #expect(abs(Double(counts[3]) / Double(n) - p1[3]) > 20 * (p1[3] * (1 - p1[3]) / Double(n)).squareRoot())
        }
    }

    /// The model's first sampled token over many seeds follows softmax(logits / T)
    /// of the logits after the prime, computed by hand.
    @Test func theModelsFirstTokenFollowsItsTemperedLogits() throws {
        let m = Self.tinyModel(seed: 5)
        var hand = ByHand(m)
        let logits = [3, 1].map { hand.step($0) }.last!
        let t = 0.7
        let p = nextTokenProbabilities(logits, .scaled(t))
        let n = 3000
        var counts = [Int](repeating: 0, count: 5)
        for s in 0..<n { counts[try m.sample(prime: [3, 1], length: 1, temperature: .scaled(t), seed: UInt64(s))[0]] += 1 }
        for k in p.indices {
            let f = Double(counts[k]) / Double(n)
            #expect(abs(f - p[k]) <= 5 * (p[k] * (1 - p[k]) / Double(n)).squareRoot() + 1e-12,
                    "token \(k): frequency \(f), probability \(p[k])")
        }
    }

    @Test func oneSeedOneText() throws {
        let m = Self.tinyModel(kind: .lstm)
        let a = try m.sample(prime: [1], length: 60, temperature: .scaled(1.2), seed: 42)
        let b = try m.sample(prime: [1], length: 60, temperature: .scaled(1.2), seed: 42)
        let c = try m.sample(prime: [1], length: 60, temperature: .scaled(1.2), seed: 43)
        #expect(a.count == 60)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func aTemperatureOutsideTheRangeIsRefused() throws {
        for bad in [0.0, -0.5, -Double.infinity, Double.infinity, Double.nan] {
            #expect(throws: SamplingError.self) { try Temperature.validated(bad) }
            do {
                _ = try Self.tinyModel().sample(prime: [0], length: 3, temperature: .scaled(bad), seed: 1)
                Issue.record("temperature \(bad) was accepted")
            } catch {
                guard case .temperatureOutOfRange = error else { Issue.record("\(error)"); continue }
                #expect(error.description.contains("(0, ∞)"))
            }
        }
        #expect(try Temperature.validated(0.01) == .scaled(0.01))
    }

    /// A prime string in, text out: characters map to ids in order of first
    /// appearance and back; a character outside the vocabulary is refused.
    @Test func fromAPrimeString() throws {
        let vocabulary = CharVocabulary("hello, world")
        #expect(vocabulary.count == 9)
        #expect(vocabulary.encode("hello") == [0, 1, 2, 2, 3])
        #expect(vocabulary.encode("help") == nil)
        #expect(vocabulary.decode([6, 3, 7, 2, 8]) == "world")
        var rng = SplitMix64(seed: 1)
        let m = CharLanguageModel(vocabularySize: vocabulary.count, embeddingSize: 3, hiddenSize: 4, rng: &rng)
        let prime = try #require(vocabulary.encode("hel"))
        let text = vocabulary.decode(try m.sample(prime: prime, length: 20, temperature: .scaled(0.8), seed: 5))
        #expect(text.count == 20)
        #expect(vocabulary.encode(text) != nil)
    }

    @Test func aBadPrimeIsRefused() {
        #expect(throws: SamplingError.emptyPrime) { try Self.tinyModel().sample(prime: [], length: 3, temperature: .greedy, seed: 1) }
        #expect(throws: SamplingError.primeTokenOutOfRange(token: 5, vocabularySize: 5)) {
            try Self.tinyModel().sample(prime: [0, 5], length: 3, temperature: .greedy, seed: 1)
        }
    }
}

import Foundation
