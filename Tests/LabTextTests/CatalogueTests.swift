@testable import LabText
import Testing

/// Every language's table against the keys: complete, and with exactly the
/// placeholders each key declares. A new language is checked by being in `Language.all`.
@Suite struct CatalogueTests {
    @Test(arguments: Language.all.map(\.code))
    func everyKeyHasAText(code: String) throws {
        let language = try #require(Language.named(code))
        let missing = TextKey.allCases.filter { language.texts[$0] == nil }.map(\.id)
        #expect(missing.isEmpty, "\(code) has no text for \(missing)")
        let unknown = Set(language.texts.keys).subtracting(TextKey.allCases)
        #expect(unknown.isEmpty, "\(code) has texts for keys that do not exist: \(unknown.map(\.id))")
    }

    @Test(arguments: Language.all.map(\.code))
    func placeholdersMatchTheKeys(code: String) throws {
        let language = try #require(Language.named(code))
        for key in TextKey.allCases {
            guard let text = language.texts[key] else { continue }
            let used = Template(text).names
            #expect(used.subtracting(key.placeholders).isEmpty,
                    "\(code) \(key.id) uses \(used.subtracting(key.placeholders).sorted()), which the key does not declare")
            #expect(key.placeholders.subtracting(used).isEmpty,
                    "\(code) \(key.id) leaves out \(key.placeholders.subtracting(used).sorted())")
        }
    }

    @Test func keyIdsAreUnique() {
        let ids = TextKey.allCases.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("home.welcome") && ids.contains("status.knobChanged"))
        #expect(ids.contains("panel.waitingForProbes") && ids.contains("dashboard.bannerText"))
    }

    @Test func dashboardAndPanelTextsTakeTheirPlaceholders() throws {
        let banner = try Language.english.format(.dashboard(.bannerText), ["cause": "the loss became NaN"])
        #expect(banner == "Training diverged: the loss became NaN. The run is paused; the step was not applied.")
        let marker = try Language.english.format(.dashboard(.eventChanged),
                                                  ["setting": .phrase(Phrase(.dashboard(.shortLearningRate))), "old": "0.01", "value": "0.1"])
        #expect(marker == "lr 0.01→0.1")
        #expect(try Language.english.format(.panel(.titleAtStep), ["title": "hidden h_t: units × t", "step": 120])
                    == "hidden h_t: units × t (step 120)")
    }

    @Test func aMissingArgumentIsCaught() {
        #expect(throws: TextError.missingArgument(key: "status.verificationCancelled", name: "check")) {
            try Language.english.format(.status(.verificationCancelled))
        }
        // A plural choice needs its count too.
        #expect(throws: TextError.missingArgument(key: "home.summary", name: "lessons")) {
            try Language.english.format(.home(.summary), ["done": 1, "total": 2])
        }
    }

    @Test func anUndeclaredArgumentIsCaught() {
        #expect(throws: TextError.unexpectedArgument(key: "home.title", name: "who")) {
            try Language.english.format(.home(.title), ["who": "the compare run"])
        }
    }

    @Test func placeholdersAreFilledByName() throws {
        let text = try Language.english.format(.status(.knobChanged), ["value": 32, "knob": "hidden", "old": 8])
        #expect(text == "hidden 8 → 32")
    }

    @Test func pluralChoiceReadsTheCount() throws {
        let one = try Language.english.format(.home(.summary), ["lessons": 1, "done": 0, "total": 3])
        let six = try Language.english.format(.home(.summary), ["lessons": 6, "done": 2, "total": 18])
        #expect(one == "1 lesson · 0/3 checks met")
        #expect(six == "6 lessons · 2/18 checks met")
    }

    @Test func numbersGoThroughTheOneFormatter() throws {
        let text = try Language.english.format(.status(.verified),
                                                ["check": "echo", "duration": .phrase(Phrase(.status(.seconds), ["seconds": .fixed(12.6, decimals: 0)])),
                                                 "detail": .percent(0.974, decimals: 1)])
        #expect(text == "✓ echo verified (13 s): 97.4%")
        let range = try Language.english.format(.knobs(.rangeLog), ["low": .compact(0.0001, significantDigits: 3), "high": 1])
        #expect(range == "1e-4…1 log")
    }

    @Test func nestedPhrasesUseTheSameLanguage() throws {
        let other = Language(code: "x-test", name: "test", texts: [.knobs(.range): "from {low} to {high}"])
        let phrase = Phrase(.status(.knobAlready), ["knob": "k", "value": 20,
                                                     "range": .phrase(Phrase(.knobs(.range), ["low": 0, "high": 20]))])
        #expect(other.render(phrase) == "k is already 20 (limit of from 0 to 20)")
        #expect(Language.english.render(phrase) == "k is already 20 (limit of 0…20)")
        #expect(Language.english.render(.verbatim("hidden=0 is out of range 1…128")) == "hidden=0 is out of range 1…128")
    }

    /// "1 step", not "1 steps": the checks panel, verify's lines, a typed run.
    @Test func oneStepIsSingular() throws {
        #expect(try Language.english.format(.checks(.steps), ["steps": 1]) == "1 step")
        #expect(try Language.english.format(.checks(.steps), ["steps": 800]) == "800 steps")
        let line = try Language.english.format(.command(.verifyPass), ["lesson": "l", "check": "c", "detail": "d", "steps": 1,
                                                                         "seconds": .fixed(0.2, decimals: 1)])
        #expect(line == "PASS  l/c  d  [1 step, 0.2 s]")
        #expect(try Language.english.format(.pace(.counting), ["steps": 1]) == "running 1 step, then pausing (Space pauses sooner)")
    }

    @Test func bracesThatAreNotPlaceholdersStayText() {
        #expect(Template("h_{t-1} and {x}").pieces == [.literal("h_{t-1} and "), .value("x")])
        #expect(Template("{n:one|other}").names == ["n"])
        #expect(Template("{}{").pieces == [.literal("{}{")])
    }
}

@Suite struct PercentFormatTests {
    @Test func percentOfAFraction() {
        #expect(NumberFormat.percent(0.97) == "97%")
        #expect(NumberFormat.percent(1) == "100%")
        #expect(NumberFormat.percent(0.1234, decimals: 1) == "12.3%")
        #expect(NumberFormat.percent(0.5, decimals: 2) == "50%")
        #expect(NumberFormat.percent(.nan) == "NaN")
    }
}
