import LabText
@testable import RNNLab
import Testing

/// Tasks speak through the catalogue: their summaries, their baselines' names
/// and the class names that are the lab's own words.
@Suite struct TaskTextTests {
    @Test func everyTaskSummaryIsACatalogueText() {
        var keys = Set<TextKey>()
        for entry in TaskCatalog.entries {
            guard let key = entry.summary.key, case .task = key else {
                Issue.record("\(entry.name)'s summary is not a TaskKey text")
                continue
            }
            keys.insert(key)
        }
        #expect(keys.count == TaskCatalog.entries.count, "two tasks share a summary")
    }

    @Test(arguments: ["adding", "copy", "echo", "temporal-order", "parity", "counting", "sine", "reverse", "dates"])
    func syntheticTasksNameTheirBaselinesFromTheCatalogue(_ name: String) throws {
        let task = try TaskCatalog.make(name)
        #expect(task.summary == TaskCatalog.entry(named: name)!.summary)
        let baselines = task.baselines(on: .validation)
        #expect(!baselines.isEmpty)
        for b in baselines {
            guard case .baseline = b.name.key else {
                Issue.record("\(name): baseline \(b.name) is not a BaselineKey text")
                continue
            }
        }
    }

    @Test func theSeasonalBaselineNamesItsSeason() {
        #expect(Language.english.render(Phrase(.baseline(.seasonalNaive), ["season": 12])) == "seasonal naive (12 steps)")
    }

    @Test func classNamesThatAreWordsComeFromTheCatalogue() throws {
        let parity = try TaskCatalog.make("parity")
        #expect(parity.classNames == [Phrase(.task(.classEven)), Phrase(.task(.classOdd))])
        #expect(Language.english.render(Phrase(.task(.classSpeaker), ["number": "3"])) == "speaker 3")
        // Symbols stay symbols.
        let order = try TaskCatalog.make("temporal-order")
        #expect(order.classNames?.allSatisfy { $0.key == nil } == true)
    }
}
