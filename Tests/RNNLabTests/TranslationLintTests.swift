import Foundation
import LabText
import Testing
@testable import RNNLab

/// `rnnlab lint` on translations: each kind of mismatch with the English
/// lesson is found at its line, a faithful translation has none, and every
/// shipped translation passes.
@Suite struct TranslationLintTests {
    /// The problems of `text` (the fixture translation by default) against the fixture lesson, in English.
    func problems(_ text: String = TranslationFixture.chinese) throws -> [String] {
        let (t, parsed) = TranslationFixture.translation(text)
        #expect(parsed.isEmpty, "\(parsed)")
        return TranslationLint.problems(try #require(t), lesson: try TranslationFixture.lesson()).map(\.description)
    }

    func without(_ lines: String...) -> String {
        TranslationFixture.chinese.components(separatedBy: "\n").filter { !lines.contains($0) }.joined(separator: "\n")
    }

    @Test func aFaithfulTranslationHasNoProblem() throws {
        #expect(try problems().isEmpty)
    }

    @Test func aMissingTitleChapterOrSummaryIsReported() throws {
        let found = try problems(without("title: 演示", "summary: 中文摘要。"))
        #expect(found == ["lessons/zh-Hans/01-demo.md:2: no title here, but the English lesson has one: translate it",
                          "lessons/zh-Hans/01-demo.md:2: no summary here, but the English lesson has one: translate it"])
    }

    @Test func knobsMustBeThoseWithAnEnglishSummary() throws {
        #expect(try problems(without("  learning_rate: 优化器每一步走多大。")) ==
                ["lessons/zh-Hans/01-demo.md:7: knob learning_rate has a summary in the English lesson but none here"])
        let extra = try problems(TranslationFixture.chinese(replacing: 8, with: ["  learning_rate: 优化器每一步走多大。", "  cell: 单元的种类。"]))
        #expect(extra == ["lessons/zh-Hans/01-demo.md:9: knob cell: the English lesson has no summary for a knob of that name (knobs with one: learning_rate)"])
    }

    @Test func everyCheckIsTranslatedAndNoOther() throws {
        let missing = try problems(without("  slow:", "    title: 很小的学习率使准确率低于 0.5"))
        #expect(missing == ["lessons/zh-Hans/01-demo.md:9: check slow of the English lesson is not translated"])
        let extra = try problems(TranslationFixture.chinese(replacing: 14, with: ["    title: 很小的学习率使准确率低于 0.5", "  fast:", "    title: 快"]))
        #expect(extra == ["lessons/zh-Hans/01-demo.md:15: check fast: the English lesson has no such check (its checks: learns, slow)"])
    }

    @Test func aCheckCarriesTheTitleAndTheHintTheEnglishHas() throws {
        #expect(try problems(without("    hint: 按 Space。")) ==
                ["lessons/zh-Hans/01-demo.md:10: check learns has no hint here, but the English check has one"])
        #expect(try problems(TranslationFixture.chinese(replacing: 14, with: ["    title: 很小的学习率使准确率低于 0.5", "    hint: 多余"])) ==
                ["lessons/zh-Hans/01-demo.md:13: check slow: hint has nothing to translate (the English check has none)"])
        #expect(try problems(TranslationFixture.chinese(replacing: 14, with: ["    hint: 没有标题"])) ==
                ["lessons/zh-Hans/01-demo.md:13: check slow has no title here, but the English check has one",
                 "lessons/zh-Hans/01-demo.md:13: check slow: hint has nothing to translate (the English check has none)"])
    }

    @Test func pagesAndChoicesCountAsInEnglish() throws {
        let onePage = TranslationFixture.chinese.replacingOccurrences(of: "\n---\n\n中文二。", with: "")
        #expect(try problems(onePage) == ["lessons/zh-Hans/01-demo.md:25: 1 page here, 2 in the English lesson: translate every page, in order"])
        let threePages = TranslationFixture.chinese + "\n\n---\n\n中文三。"
        #expect(try problems(threePages).first?.contains("3 pages here, 2 in the English lesson") == true)
        #expect(try problems(without("    - 约 99%")) ==
                ["lessons/zh-Hans/01-demo.md:17: 2 choices here, 3 in the English question: keep their number and order"])
    }

    @Test func theQuestionAndTheMisconceptionAreTranslatedWhole() throws {
        #expect(try problems(without("  truth: 它能记住 k 步。")) ==
                ["lessons/zh-Hans/01-demo.md:21: no misconception.truth here, but the English lesson has one: translate it"])
        #expect(try problems(without("  prompt: 准确率会是多少？")) ==
                ["lessons/zh-Hans/01-demo.md:15: no question.prompt here, but the English lesson has one: translate it"])
    }

    @Test func aBoxTheEnglishLacksIsExtra() throws {
        let english = try TranslationFixture.lesson()
        var bare = english
        bare.misconception = nil
        let t = try #require(TranslationFixture.translation().0)
        #expect(TranslationLint.problems(t, lesson: bare).map(\.description) ==
                ["lessons/zh-Hans/01-demo.md:21: misconception: the English lesson has none, so there is nothing to translate"])
    }

    /// The numbers of a check title: the same multiset as the English title's, 90% ≡ 0.9.
    @Test(arguments: [
        ("回声任务 k = 2 在 300 步内准确率超过 90%", true),        // as the English writes it
        ("回声任务 k = 2 在 300 步内准确率超过 0.9", true),        // the fraction for the percentage
        ("300 步内，k = 2 的回声准确率超过 90%", true),          // any order
        ("回声任务 k = 2 在 300 步内准确率超过 0.95", false),      // another threshold
        ("回声任务 k = 2 在三百步内准确率超过 90%", false),        // a Chinese numeral is not the number
        ("回声任务 k = 2 在 ３００ 步内准确率超过 90%", false),     // nor are full-width digits
        ("回声任务 k = 2 准确率超过 90%", false),                // a number left out
        ("回声任务 k = 2 在 300 步内准确率超过 90%（2 次）", false), // one added
    ])
    func checkTitlesQuoteTheEnglishNumbers(_ title: String, _ passes: Bool) throws {
        let found = try problems(TranslationFixture.chinese(replacing: 11, with: ["    title: \(title)"]))
        #expect(found.isEmpty == passes, "\(found)")
        if !passes {
            #expect(found.first?.hasPrefix("lessons/zh-Hans/01-demo.md:11: check learns: the title quotes the numbers") == true)
            #expect(found.first?.contains("the English title 2, 90%, 300") == true, "\(found)")
        }
    }

    @Test func numbersAreReadWithFractionsExponentsGroupsAndPercent() {
        let n = TranslationLint.titleNumbers("lr 1e-3, 10,000 steps, T = 100, 3.5 and 95%")
        #expect(n.map(\.text) == ["1e-3", "10,000", "100", "3.5", "95%"])
        #expect(n.map(\.value) == [0.001, 10_000, 100, 3.5, 0.95])
    }
}

/// Lint of whole folders: lessons named, translated once, chapters alike; and the shipped files.
@Suite struct TranslationFolderLintTests {
    func lint(_ files: [String: String]) throws -> [String] {
        let root = try TranslationFolderTests.folder(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let urls = files.keys.sorted().map { root.appendingPathComponent("zh-Hans").appendingPathComponent($0) }
        return TranslationLint.lint(urls).map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
    }

    @Test func translationOfMustNameALesson() throws {
        let found = try lint(["01-demo.md": TranslationFixture.chinese(replacing: 2, with: ["translation_of: demo-x"])])
        #expect(found == ["zh-Hans/01-demo.md:2: translation_of: demo-x names no lesson; the lessons are: demo"])
    }

    @Test func aTranslationOfALessonWithItsOwnProblemIsNotCalledUnknown() throws {
        let english = try TranslationFixture.lesson()
        let t = try #require(TranslationFixture.translation().0)
        #expect(TranslationLint.folderProblems([t], lessons: [], unloaded: ["demo"]).isEmpty)
        #expect(TranslationLint.folderProblems([t], lessons: [], unloaded: []).count == 1)
        #expect(TranslationLint.folderProblems([t], lessons: [english], unloaded: []).isEmpty)
    }

    @Test func aLessonIsTranslatedOnceAndChaptersAlike() throws {
        let again = TranslationFixture.chinese(replacing: 5, with: ["chapter: 1．基础"])
        let found = try lint(["01-demo.md": TranslationFixture.chinese, "02-again.md": again])
        #expect(found == ["zh-Hans/02-again.md:2: lesson demo is translated twice: here and in zh-Hans/01-demo.md"])
    }

    @Test func translationsOfOneEnglishChapterNameItAlike() throws {
        let english = try TranslationFixture.lesson()
        var other = english
        other.id = "demo2"
        var a = try #require(TranslationFixture.translation().0), b = a
        b.lessonId = "demo2"
        b.chapter = "1．基础"
        b.file = "lessons/zh-Hans/02-demo2.md"
        let found = TranslationLint.folderProblems([a, b], lessons: [english, other]).map(\.description)
        #expect(found == ["lessons/zh-Hans/02-demo2.md:5: chapter “1．基础” differs from “1. 基础” in lessons/zh-Hans/01-demo.md, which translates the same English chapter"])
        a.chapter = "1．基础"
        #expect(TranslationLint.folderProblems([a, b], lessons: [english, other]).isEmpty)
    }

    @Test func theLanguageIsTheFolders() throws {
        let found = try lint(["01-demo.md": TranslationFixture.chinese(replacing: 3, with: ["language: zh-Hant"])])
        #expect(found == ["zh-Hans/01-demo.md:3: language: zh-Hant does not match the folder the file is in (zh-Hans)"])
    }

    @Test func aTranslationFileIsKnownByItsFrontMatter() throws {
        let root = try TranslationFolderTests.folder(["01-demo.md": TranslationFixture.chinese])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(TranslationLint.isTranslation(root.appendingPathComponent("zh-Hans/01-demo.md")))
        #expect(!TranslationLint.isTranslation(root.appendingPathComponent("01-demo.md")))
        #expect(LessonLibrary.translationFolders(in: root).map(\.lastPathComponent) == ["zh-Hans"])
    }

    /// Every shipped translation lints clean, and once `lessons/zh-Hans/` exists,
    /// every English lesson has its translation there.
    @Test func everyShippedTranslationLintsCleanAndNoLessonLacksOne() throws {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let english = LessonLibrary.load(lessons)
        #expect(!english.lessons.isEmpty)
        for folder in LessonLibrary.translationFolders(in: lessons) {
            let files = try LessonLibrary.files(in: folder)
            let problems = TranslationLint.lint(files).map(\.description)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            let translated = Set(files.compactMap { TranslationParser.check($0, folderLanguage: folder.lastPathComponent).translation?.lessonId })
            for lesson in english.lessons {
                #expect(translated.contains(lesson.id), "\(folder.lastPathComponent) has no translation of \(lesson.id) (\(lesson.file))")
            }
            // Same file name as the English lesson, as the format says.
            let englishNames = Set(english.lessons.map { URL(fileURLWithPath: $0.file).lastPathComponent })
            for f in files { #expect(englishNames.contains(f.lastPathComponent), "\(f.path) is not named as an English lesson") }
        }
    }
}
