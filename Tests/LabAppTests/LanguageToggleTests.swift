@testable import LabApp
import LabText
@testable import RNNLab
import TerminalUI
import Testing

/// The language toggle (`t`, F2): the next language of the lab, the lesson
/// texts with it, the page kept, the choice kept in the place.
@Suite struct LanguageToggleTests {
    /// A stand-in for the Chinese table: every text fullwidth (the catalogue's pseudo-translation).
    static let other = Language(code: "zh-Hans", name: "简体中文", texts: pseudoLanguage.texts)

    /// A translation of the fixture lesson `echo-lab`: long pages, so the scroll has room.
    static let translation: LessonTranslation = {
        let text = """
        ---
        translation_of: echo-lab
        language: zh-Hans
        title: 序列与简单循环网络
        chapter: 1. 基础
        summary: 一个带环的网络，用随时间反向传播训练。
        knobs:
          k: 回声要回看多少步
        checks:
          echo-3:
            title: 循环神经网络学会复述 3 步之前的符号
            hint: 保持默认设置，按 Space。
        ---

        # 序列与简单循环网络

        \(Array(repeating: "循环神经网络保留一个向量，即隐状态 h，并在每个时间步用新的输入和它自己先前的值更新它。", count: 12).joined(separator: "\n\n"))

        ---

        ## 动手试试

        按 Space，观察准确率上升。
        """
        return TranslationParser.check(text, file: "zh-Hans/01-echo-lab.md", folderLanguage: "zh-Hans").translation!
    }()

    /// The frame as text, a wide character once.
    func shown(_ state: AppState) -> String { LabTextInAppTests.text(frame(state)) }

    /// The fixture state with the two languages and the translation.
    func bilingual(width: Int = 80, height: Int = 24) -> AppState {
        var state = fixtureState(width: width, height: height)
        state.languages = [.english, Self.other]
        state.translations = LessonTranslations(byLanguage: ["zh-Hans": ["echo-lab": Self.translation]])
        return state
    }

    @Test func theKeySwitchesTheFrameAndTheLessonAndBack() {
        var state = bilingual()
        send(&state, keys(.enter))
        #expect(shown(state).contains("Sequences and the simple RNN"))
        send(&state, keys(.character("t")))
        #expect(state.language.code == "zh-Hans" && state.chosenLanguage == "zh-Hans")
        let zh = shown(state)
        #expect(zh.contains("序列与简单循环网络"), "\(zh)")
        #expect(zh.contains("循环神经网络保留一个向量"))
        #expect(!zh.contains("A recurrent network keeps a vector"))
        #expect(zh.contains(Self.other(.language(.switched), ["language": "简体中文"])))  // the status line, in the new language
        #expect(state.lesson?.lesson.checks[0].title == "循环神经网络学会复述 3 步之前的符号")
        #expect(state.lesson?.lesson.checks[0].expect.description == fixtureLesson().checks[0].expect.description)
        send(&state, keys(.character("t")))
        #expect(state.language.code == "en" && state.chosenLanguage == "en")
        #expect(shown(state).contains("A recurrent network keeps a"))
        #expect(state.lessons.map(\.title) == ["Sequences and the simple RNN", "Vanishing and exploding gradients"])
    }

    @Test func theHomeScreenShowsTranslatedTitlesAndKeepsTheSelection() {
        var state = bilingual()
        send(&state, keys(.down))
        let selected = state.homeOrder[state.homeSelection]
        send(&state, keys(.character("t")))
        let text = shown(state)
        #expect(text.contains("序列与简单循环网络") && text.contains("1. 基础"), "\(text)")
        #expect(text.contains("Vanishing and exploding gradients"))  // no translation: English, field by field
        #expect(state.homeOrder[state.homeSelection] == selected)
    }

    @Test func thePageStaysAndTheScrollKeepsItsPlaceInThePage() {
        var state = bilingual()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        send(&state, keys(.character("t")))  // Chinese: the long first page
        let most = state.lesson!.maxProseScroll(width: 80, height: 24, language: state.language)
        #expect(most >= 4, "the translated page must be taller than its panel for this test")
        for _ in 0..<most { send(&state, keys(.down)) }
        #expect(state.lesson?.scroll == most)
        send(&state, keys(.character("t")))  // back to English: its shorter first page, at its end
        let englishMost = state.lesson!.maxProseScroll(width: 80, height: 24, language: state.language)
        #expect(state.lesson?.page == 0 && state.lesson?.scroll == englishMost)
        send(&state, keys(.right, .character("t")))
        #expect(state.lesson?.page == 1 && shown(state).contains("动手试试"))
    }

    @Test func theKeyIsTextWhereTextIsTyped() {
        var state = bilingual()
        send(&state, keys(.enter))
        send(&state, [.trainer(readyEvent(state.lesson!.lesson))])
        send(&state, keys(.character("n")))  // the steps prompt
        send(&state, keys(.character("t")))
        #expect(state.language.code == "en" && state.lesson?.stepsPrompt != nil)
        send(&state, keys(.escape))
        send(&state, keys(.character("t")))
        #expect(state.language.code == "zh-Hans")
    }

    @Test func withOneLanguageTheKeyDoesNothing() {
        var state = fixtureState()
        state.languages = [.english]
        send(&state, keys(.enter, .character("t")))
        #expect(state.language.code == "en" && state.chosenLanguage == nil && state.lesson?.message == nil)
    }

    @Test func theChoiceIsKeptInThePlaceAndTakenBack() {
        var state = bilingual()
        send(&state, keys(.character("t")))
        #expect(state.place.language == "zh-Hans")
        var next = bilingual()
        _ = next.restore(state.place)
        #expect(next.chosenLanguage == "zh-Hans")
        // Without a choice the place says nothing, so the locale decides next time.
        #expect(bilingual().place.language == nil)
    }

    @Test func theHelpAndTheKeyMapNameTheKey() {
        #expect(binding(.language).keys == ["t", "F2"])
        var state = bilingual()
        send(&state, keys(.character("?")))
        var seen = shown(state)
        for _ in 0..<40 {
            send(&state, keys(.down))
            seen += shown(state)
        }
        #expect(seen.contains(Language.english(.keys(.helpLanguage))), "the help overlay lists the language key")
    }
}
