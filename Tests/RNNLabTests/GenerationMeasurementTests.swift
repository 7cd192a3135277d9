import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// The char-LM lesson's measurements: words of a text, sampling from the lab's
/// model at a temperature, and the unit that tracks the position in the line.
@Suite struct GenerationMeasurementTests {
    @Test func wordsAreLowerCasedRunsOfLetters() {
        #expect(TextWords.words("O'er the HILL, o' th' moon!\nTo be--or not") ==
                ["o'er", "the", "hill", "o", "th", "moon", "to", "be", "or", "not"])
        #expect(TextWords.words("  12 -- ") == [])
        #expect(TextWords.knownFraction(["a", "b", "c", "d"], in: ["a", "c", "x"]) == 0.5)
        #expect(TextWords.knownFraction([], in: ["a"]) == 0)
    }

    @Test func pearsonOfKnownSeries() {
        #expect(abs(Statistics.pearson([1, 2, 3, 4], [2, 4, 6, 8]) - 1) < 1e-12)
        #expect(abs(Statistics.pearson([1, 2, 3, 4], [8, 6, 4, 2]) + 1) < 1e-12)
        #expect(Statistics.pearson([1, 1, 1], [1, 2, 3]) == 0)
        #expect(abs(Statistics.pearson([1, 2, 3, 4], [1, 3, 2, 4]) - 0.8) < 1e-12)
    }

    func shakespeare() throws -> Experiment {
        try Experiment(task: "shakespeare", settings: ["T": .number(32), "cell": .choice("lstm"), "hidden": .number(16),
                                                      "token_embedding": .number(8), "eval_every": .number(1000)],
                       dataDirectory: ExperimentTests.data)
    }

    /// One seed gives one text; another seed another; every id is in the vocabulary.
    /// A near-zero temperature draws the argmax, so it repeats the greedy choice.
    @Test func samplingIsSeededAndInRange() throws {
        let e = try shakespeare()
        let model = try #require(e.model as? SequenceModel)
        let v = e.task.inputSize
        let a = model.sample(prime: [5, 6, 7], length: 50, temperature: .scaled(1), seed: 3, vocabularySize: v)
        let b = model.sample(prime: [5, 6, 7], length: 50, temperature: .scaled(1), seed: 3, vocabularySize: v)
        let c = model.sample(prime: [5, 6, 7], length: 50, temperature: .scaled(1), seed: 4, vocabularySize: v)
        #expect(a.count == 50 && a == b && a != c)
        #expect(a.allSatisfy { (0..<v).contains($0) })
        let cold1 = model.sample(prime: [5], length: 20, temperature: .scaled(1e-4), seed: 1, vocabularySize: v)
        let cold2 = model.sample(prime: [5], length: 20, temperature: .scaled(1e-4), seed: 2, vocabularySize: v)
        #expect(cold1 == cold2)
    }

    /// The measurements yield fractions in 0…1 and a correlation in 0…1 on an
    /// untrained model, and the training words hold common words of the plays.
    @Test func measurementsYieldTheirMetrics() throws {
        let e = try shakespeare()
        let info = try #require((e.task as? ExampleTask)?.info)
        #expect(["the", "king", "hamlet", "love"].allSatisfy(info.trainingWords.contains))
        #expect(!info.trainingWords.contains("xqzv"))
        let words = Measurement.knownWords.compute(e).metrics
        #expect(words.map(\.id.rawValue) == ["known_words_05", "known_words_10", "known_words_15"])
        #expect(words.allSatisfy { (0...1).contains($0.value) })
        let line = try #require(e.lineUnitCorrelation())
        #expect((0...1).contains(line.correlation) && (0..<16).contains(line.unit))
        #expect(Measurement.knownWords.unavailable(["bidirectional": .number(1)], .perStepClassification, false) != nil)
        #expect(Measurement.lineUnit.unavailable([:], .regression, false) != nil)
    }
}
