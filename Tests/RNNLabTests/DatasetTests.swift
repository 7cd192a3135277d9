import Foundation
import LabText
import RNNEngine
import Testing
@testable import RNNLab

/// The shipped data sets: sizes, disjoint splits, no NaN, baselines at levels
/// computed independently (in Python, from the raw files).
@Suite struct DatasetTests {
    func task(_ name: String, _ knobs: [String: Double] = [:]) throws -> ExampleTask {
        try TaskCatalog.make(name, knobs: knobs, dataDirectory: DataFixture.datasets) as! ExampleTask
    }

    @Test func sunspotsLastValueMatchesAnIndependentComputation() throws {
        let sunspots = try task("sunspots", ["T": 48, "horizon": 1])
        // Computed with Python's csv module from datasets/sunspot.month.csv: 3177 months cut in
        // time order into 2223/477/477 (15 % rounded half up); windows of 48 months plus the next
        // month wholly inside the test part (429 of them); MAE and RMSE of predicting the next
        // month by the last one: 14.292774 and 19.803244. Seasonal naive (132 months back): MAE 35.889510.
        // On validation: MAE 14.193939, RMSE 19.425559.
        #expect(sunspots.sizes.test == 429 && sunspots.sizes.validation == 429)
        let test = sunspots.baselines(on: .test)
        #expect(test[0].name == Phrase(.baseline(.lastValue)))
        #expect(abs(test[0].metrics[.mae]! - 14.292774) < 1e-3)
        #expect(abs(test[0].metrics[.rmse]! - 19.803244) < 1e-3)
        #expect(abs(test[1].metrics[.mae]! - 35.889510) < 1e-3)
        let validation = sunspots.baselines(on: .validation)
        #expect(abs(validation[0].metrics[.mae]! - 14.193939) < 1e-3)
        #expect(abs(validation[0].metrics[.rmse]! - 19.425559) < 1e-3)
    }

    @Test func co2MissingWeeksNeverReachTraining() throws {
        let series = try TimeSeries.loadCO2(path: DataFixture.datasets.file("co2_weekly.csv"))
        #expect(series.count == 2284 && series.missingCount == 59)
        #expect(series.values.allSatisfy { $0.isFinite })
        let co2 = try task("co2", ["T": 52, "horizon": 1])
        for split in Split.allCases {
            for e in co2.examples[split] {
                let finite = e.features.allSatisfy { $0.isFinite } && e.values.allSatisfy { $0.isFinite }
                #expect(finite)
                #expect(series.observed[e.origin + 1], "a target is a real observation")
            }
        }
        // Python, same rules (linear interpolation between observed weeks; windows of 52 weeks
        // plus a one-week target inside the split; targets that were missing are skipped):
        // 291 test windows, last-value MAE 0.394845 ppm, RMSE 0.494471 ppm.
        #expect(co2.sizes.test == 291)
        let last = co2.baselines(on: .test)[0]
        #expect(abs(last.metrics[.mae]! - 0.394845) < 1e-3)
        #expect(abs(last.metrics[.rmse]! - 0.494471) < 1e-3)
    }

    @Test func seriesSplitsDoNotOverlapInTime() throws {
        for name in ["sunspots", "co2"] {
            let t = try task(name, ["T": 24, "horizon": 3])
            func span(_ s: Split) -> ClosedRange<Int> {
                let e = t.examples[s]
                return (e.map(\.origin).min()! - 23)...(e.map(\.origin).max()! + 3)
            }
            #expect(span(.train).upperBound < span(.validation).lowerBound)
            #expect(span(.validation).upperBound < span(.test).lowerBound)
        }
    }

    @Test func digitsAndMnistAreShuffledAndSplitDisjointly() throws {
        for (name, count) in [("digits", 1797), ("mnist", 5000)] {
            let t = try task(name)
            let ids = Split.allCases.map { Set(t.examples[$0].map(\.origin)) }
            #expect(ids.map(\.count).reduce(0, +) == count)
            #expect(ids[0].isDisjoint(with: ids[1]) && ids[0].isDisjoint(with: ids[2]) && ids[1].isDisjoint(with: ids[2]))
            for split in Split.allCases {  // MNIST is sorted by label in the file; every split holds every digit.
                #expect(Set(t.examples[split].map(\.label)).count == 10, "\(name) \(split)")
            }
            let first = t.evaluationBatches(.test, batchSize: 4)[0]
            #expect(first.inputs.shape == (name == "digits" ? [4, 8, 8] : [4, 28, 28]))
            #expect(first.inputs.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
        let digits = try task("digits").baselines(on: .test)
        #expect(digits[0].metrics[.accuracy]! < 0.15)  // ten balanced classes
        #expect(digits[1].metrics[.accuracy]! > 0.9)   // a linear model on pixels does well
    }

    @Test func shakespeareBigramMatchesAnIndependentComputation() throws {
        let lm = try task("shakespeare", ["T": 100])
        // Python: each work cut 90/5/5 by characters (5 % rounded half up), parts joined with
        // "\n\n"; vocabulary = 4 reserved ids + characters of the training text (V = 80); add-one
        // bigram and unigram models on the training text; validation scored on 566 windows of
        // 100 characters starting every 100: 3.581059 and 4.777474 bits per character.
        #expect(lm.outputSize == 80 && lm.sizes.validation == 566)
        let baselines = lm.baselines(on: .validation)
        #expect(abs(baselines[0].metrics[.bitsPerChar]! - 4.777474) < 1e-3)
        #expect(abs(baselines[1].metrics[.bitsPerChar]! - 3.581059) < 1e-3)
        var rng = SplitMix64(seed: 3)
        let b = lm.trainingBatch(size: 4, rng: &rng)
        for r in 0..<4 {  // targets are the inputs shifted by one
            #expect(Array(b.targetClasses![(r * 100)..<(r * 100 + 99)]) == Array(b.inputTokens![(r * 100 + 1)..<(r * 100 + 100)]))
        }
    }

    @Test func textSplitsNeverShareALine() throws {
        let authorship = try task("authorship")
        func lines(_ s: Split) -> Set<[Int]> { Set(authorship.examples[s].map(\.tokens)) }
        #expect(lines(.train).isDisjoint(with: lines(.validation)) && lines(.train).isDisjoint(with: lines(.test)))
        #expect(lines(.validation).isDisjoint(with: lines(.test)))
        let base = authorship.baselines(on: .validation)
        #expect(base[1].metrics[.accuracy]! > base[0].metrics[.accuracy]!)  // bag of characters beats the majority

        let names = try task("names-gender")
        let all: [Set<[Int]>] = Split.allCases.map { Set(names.examples[$0].map(\.tokens)) }
        let total: Int = all[0].count + all[1].count + all[2].count
        #expect(total == names.sizes.train! + names.sizes.validation + names.sizes.test)
        #expect(all[0].isDisjoint(with: all[1]) && all[0].isDisjoint(with: all[2]) && all[1].isDisjoint(with: all[2]))
        // 4275 + 1219 names, 331 of them on both lists, kept once.
        #expect(total == 4275 + 1219 - 331)
    }

    @Test func namesArePaddedAndMasked() throws {
        let names = try task("names")
        let b = names.evaluationBatches(.validation, batchSize: 16)[0]
        let t = b.steps
        #expect(t == b.lengths.max())
        for r in 0..<16 {
            for s in 0..<t {
                #expect(b.mask[r * t + s] == (s < b.lengths[r]))
                #expect(b.targetMask[r * t + s] == (s < b.lengths[r]))
                if s >= b.lengths[r] { #expect(b.inputTokens![r * t + s] == Vocabulary.pad) }
            }
            #expect(b.inputTokens![r * t] == Vocabulary.begin)
            #expect(b.targetClasses![r * t + b.lengths[r] - 1] == Vocabulary.end)
        }
        // The engine's masked cross-entropy accepts the batch as it is.
        let logits = Variable(Tensor(zeros: [16, t, names.outputSize]))
        let loss = crossEntropy(logits, targets: b.targetClasses!, mask: b.targetMask).value.item
        #expect(abs(loss - log(Double(names.outputSize))) < 1e-5)
    }

    @Test func japaneseVowelsVaryInLengthAndAreStandardisedOnTrain() throws {
        let jv = try task("japanese-vowels")
        #expect(jv.sizes.train! + jv.sizes.validation == 270 && jv.sizes.test == 370)
        let steps = Split.allCases.flatMap { jv.examples[$0].map(\.steps) }
        #expect(steps.min() == 7 && steps.max() == 29)
        let train = jv.examples[.train].flatMap(\.features)
        let mean = (0..<12).map { k in stride(from: k, to: train.count, by: 12).map { Double(train[$0]) }.reduce(0, +) / Double(train.count / 12) }
        #expect(mean.allSatisfy { abs($0) < 1e-4 })
    }

    @Test func vocabularyMapsUnseenCharactersToUnknown() {
        let v = Vocabulary(training: ["abc"])
        #expect(v.count == 7)
        #expect(v.encode("abz") == [4, 5, Vocabulary.unknown])
        #expect(v.decode([4, 5, 6, Vocabulary.end]) == "abc")
    }

    @Test func missingDataFolderIsReportedWithThePath() {
        let folder = DataDirectory(path: "/nonexistent/data")
        #expect(throws: DataError(path: "/nonexistent/data/sunspot.month.csv", reason: "file not found")) {
            try TaskCatalog.make("sunspots", dataDirectory: folder)
        }
        #expect(DataDirectory.resolve(explicit: "/x", environment: ["RNNLAB_DATA_DIR": "/y"]).path == "/x")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["RNNLAB_DATA_DIR": "/y"]).path == "/y")
    }

    @Test func everyTaskRendersAPreview() throws {
        for entry in TaskCatalog.entries {
            let t = try entry.make(dataDirectory: DataFixture.datasets)
            let b = t.evaluationBatches(.validation, batchSize: 2)[0]
            let lines = TaskPreview.render(t, batch: b, row: 0)
            #expect(lines.count >= 2, "\(entry.name)")
            #expect(lines.last!.hasPrefix("target: "))
        }
    }
}
