import LabText
@testable import RNNLab
import Testing

/// Every setting of the schema and every task knob has its summary in the
/// catalogue; a new setting without one fails here, naming itself.
@Suite struct SettingSummaryTests {
    @Test func everySchemaSettingHasACatalogueSummary() {
        for d in ExperimentSettings.definitions {
            let key = SettingSummaryKey(rawValue: d.name)
            #expect(key != nil, "setting \(d.name) has no SettingSummaryKey (add it in Sources/LabText/Keys/SettingSummaryKey.swift)")
            guard let key else { continue }
            #expect(d.summary == Phrase(.settingSummary(key)), "\(d.name)")
            #expect(Language.english.texts[.settingSummary(key)]?.isEmpty == false, "\(d.name) has no English summary")
        }
    }

    @Test func everySummaryKeyNamesASetting() {
        // `data` is added to the tasks that take an imported set (`everyTaskKnobHasACatalogueSummary`).
        let names = Set(ExperimentSettings.definitions.map(\.name)).union(["data"])
        for key in SettingSummaryKey.allCases {
            #expect(names.contains(key.rawValue), "SettingSummaryKey.\(key) names no setting")
        }
    }

    @Test func everyTaskKnobHasACatalogueSummary() {
        var seen = Set<KnobSummaryKey>()
        for entry in TaskCatalog.entries {
            var own = ExperimentSettings.definitions(forTask: entry.name).dropFirst(ExperimentSettings.definitions.count)
            // A task that takes an imported set has `data` after its knobs, with its catalogue summary.
            if ImportedData.kind(acceptedBy: entry.name) != nil {
                #expect(own.last?.name == "data" && own.last?.summary == Phrase(.settingSummary(.data)), "\(entry.name)")
                own = own.dropLast()
            }
            #expect(own.map(\.name) == entry.knobs.map(\.name), "\(entry.name)")
            for (knob, d) in zip(entry.knobs, own) {
                #expect(d.summary == Phrase(.knobSummary(knob.summary)), "\(entry.name).\(knob.name)")
                #expect(Language.english.texts[.knobSummary(knob.summary)]?.isEmpty == false)
                seen.insert(knob.summary)
            }
        }
        // No text is left over that no knob uses.
        #expect(seen == Set(KnobSummaryKey.allCases), "unused: \(Set(KnobSummaryKey.allCases).subtracting(seen))")
    }

    @Test func aKnobWithoutItsOwnSummaryShowsTheSchemas() throws {
        let lesson = try LessonParser.parse("""
        ---
        id: s
        title: S
        chapter: C
        summary: x
        experiment:
          task: echo
        knobs:
          - name: clip_norm
            range: [0, 10]
          - name: T
            range: [2, 40]
          - name: hidden
            summary: the lesson's words
            range: [1, 64]
        ---
        Text.
        """, file: "s.md")
        #expect(lesson.knobs.map(\.summary) == [Phrase(.settingSummary(.clipNorm)), Phrase(.knobSummary(.sequenceLength)),
                                                .verbatim("the lesson's words")])
        #expect(Language.english.render(lesson.knobs[0].summary) == "clip gradients to this global norm (0: off)")
    }
}
