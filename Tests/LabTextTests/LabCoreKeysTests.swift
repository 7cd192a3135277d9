import Testing
@testable import LabText

/// The lab core's groups (RNNLab and the command line) are registered in the
/// catalogue, so `CatalogueTests` check their English texts and placeholders.
@Suite struct LabCoreKeysTests {
    @Test func everyLabCoreKeyIsInTheCatalogue() {
        let all = Set(TextKey.allCases)
        let groups: [[TextKey]] = [
            ListKey.allCases.map(TextKey.list), SettingKey.allCases.map(TextKey.setting),
            LessonFileKey.allCases.map(TextKey.lessonFile), CheckKey.allCases.map(TextKey.check),
            DataKey.allCases.map(TextKey.data), RunKey.allCases.map(TextKey.run), CommandKey.allCases.map(TextKey.command),
            StoreKey.allCases.map(TextKey.store), LabelKey.allCases.map(TextKey.label),
        ]
        for group in groups {
            #expect(!group.isEmpty)
            for key in group {
                #expect(all.contains(key), "\(key.id) is not in TextKey.allCases")
                #expect(English.texts[key] != nil, "\(key.id) has no English text")
            }
        }
    }

    @Test func aPlaceAndAProblemReadInOrder() throws {
        let text = try Language.english.format(.lessonFile(.atLine), ["file": "x.md", "line": 3, "problem": .phrase(Phrase(.lessonFile(.noProse)))])
        #expect(text == "x.md:3: the lesson has no prose after its front matter")
        #expect(throws: TextError.missingArgument(key: "setting.outOfRange", name: "range")) {
            try Language.english.format(.setting(.outOfRange), ["name": "hidden", "value": "0"])
        }
    }
}
