import Foundation
import LabText
import Testing
@testable import RNNLab

/// An English lesson and its translation (`lessons/zh-Hans/…`), shared by the
/// translation tests: a knob with its own summary, two checks (one without a
/// hint), a question with three choices, a misconception box, two pages.
enum TranslationFixture {
    static let english = """
    ---
    id: demo
    title: A demo
    chapter: 1. Foundations
    summary: The English summary.
    experiment:
      task: echo
      k: 2
      hidden: 8
    knobs:
      - name: learning_rate
        range: [0.0001, 1]
        scale: log
        summary: How big a step the optimizer takes.
      - name: cell
        choices: [rnn_tanh, gru]
    panels: [loss]
    checks:
      - id: learns
        title: Echo k = 2 passes 90% accuracy within 300 steps
        steps: 300
        expect: accuracy > 0.9
        hint: Press Space.
      - id: slow
        title: A tiny learning rate stays below 0.5
        steps: 100
        expect: accuracy < 0.5
    question:
      id: q1
      prompt: What will the accuracy be?
      choices:
        - about 25%
        - about 60%
        - about 99%
      answer: 3
      check: learns
    misconception:
      claim: RNNs forget at once.
      truth: They keep k steps.
      check: learns
    ---

    # Page one

    English one.

    ---

    English two.
    """

    static let chinese = """
    ---
    translation_of: demo
    language: zh-Hans
    title: 演示
    chapter: 1. 基础
    summary: 中文摘要。
    knobs:
      learning_rate: 优化器每一步走多大。
    checks:
      learns:
        title: 回声任务 k = 2 在 300 步内准确率超过 0.9
        hint: 按 Space。
      slow:
        title: 很小的学习率使准确率低于 0.5
    question:
      prompt: 准确率会是多少？
      choices:
        - 约 25%
        - 约 60%
        - 约 99%
    misconception:
      claim: 循环神经网络马上就会遗忘。
      truth: 它能记住 k 步。
    ---

    # 第一页

    中文一。

    ---

    中文二。
    """

    /// `chinese` with line `number` (1-based) replaced by `lines` (none: removed).
    static func chinese(replacing number: Int, with lines: [String]) -> String {
        var all = chinese.components(separatedBy: "\n")
        all.replaceSubrange((number - 1)...(number - 1), with: lines)
        return all.joined(separator: "\n")
    }

    static func lesson() throws -> Lesson { try LessonParser.parse(english, file: "lessons/01-demo.md") }

    static func translation(_ text: String = chinese, folder: String? = "zh-Hans") -> (LessonTranslation?, [LessonError]) {
        TranslationParser.check(text, file: "lessons/zh-Hans/01-demo.md", folderLanguage: folder)
    }
}

@Suite struct TranslationParserTests {
    @Test func readsEveryTranslatableField() throws {
        let (t, problems) = TranslationFixture.translation()
        #expect(problems.isEmpty, "\(problems)")
        let tr = try #require(t)
        #expect(tr.lessonId == "demo" && tr.language == "zh-Hans")
        #expect(tr.title == "演示" && tr.chapter == "1. 基础" && tr.summary == "中文摘要。")
        #expect(tr.knobs == ["learning_rate": "优化器每一步走多大。"])
        #expect(tr.checks["learns"]?.title == "回声任务 k = 2 在 300 步内准确率超过 0.9")
        #expect(tr.checks["learns"]?.hint == "按 Space。" && tr.checks["slow"]?.hint == nil)
        #expect(tr.prompt == "准确率会是多少？" && tr.choices == ["约 25%", "约 60%", "约 99%"])
        #expect(tr.claim == "循环神经网络马上就会遗忘。" && tr.truth == "它能记住 k 步。")
        #expect(tr.pages == ["# 第一页\n\n中文一。", "中文二。"])
        #expect(tr.line(of: "checks") == 9 && tr.checks["slow"]?.titleLine == 14)
    }

    @Test func theLessonIsShownTranslatedWithItsIdsAndConditionsUnchanged() throws {
        let english = try TranslationFixture.lesson()
        let tr = try #require(TranslationFixture.translation().0)
        let zh = english.translated(by: tr)
        #expect(zh.title == "演示" && zh.chapter == "1. 基础" && zh.summary == "中文摘要。")
        #expect(zh.pages == tr.pages)
        #expect(Language.english.render(zh.knobs[0].summary) == "优化器每一步走多大。")
        #expect(zh.knobs[1].summary == english.knobs[1].summary)  // the catalogue's, translated by the catalogue
        #expect(zh.checks.map(\.title) == ["回声任务 k = 2 在 300 步内准确率超过 0.9", "很小的学习率使准确率低于 0.5"])
        #expect(zh.checks.map(\.id) == english.checks.map(\.id) && zh.checks.map(\.steps) == english.checks.map(\.steps))
        #expect(zh.checks[0].expect.description == english.checks[0].expect.description && zh.checks[0].expect.description == "accuracy > 0.9")
        #expect(zh.question?.prompt == "准确率会是多少？" && zh.question?.answer == english.question?.answer)
        #expect(zh.question?.id == "q1" && zh.misconception?.check == "learns")
        #expect(zh.misconception?.claim == "循环神经网络马上就会遗忘。")
        #expect(zh.settings == english.settings && zh.id == english.id)
    }

    @Test func aMissingFieldFallsBackToTheEnglishOneField() throws {
        let english = try TranslationFixture.lesson()
        // No summary, no hint of `learns` (line 12), one page only, two choices.
        var text = TranslationFixture.chinese(replacing: 12, with: [])
        text = text.components(separatedBy: "\n").filter { $0 != "summary: 中文摘要。" && $0 != "    - 约 99%" }.joined(separator: "\n")
        text = text.replacingOccurrences(of: "\n---\n\n中文二。", with: "")
        let tr = try #require(TranslationFixture.translation(text).0)
        let zh = english.translated(by: tr)
        #expect(zh.title == "演示" && zh.summary == "The English summary.")
        #expect(zh.checks[0].hint == "Press Space.")
        #expect(zh.pages == ["# 第一页\n\n中文一。", "English two."])
        #expect(zh.question?.prompt == "准确率会是多少？")
        #expect(zh.question?.choices == english.question?.choices)  // two for three: the answer index would lie
    }

    @Test func aTranslationOfAnotherLessonChangesNothing() throws {
        let english = try TranslationFixture.lesson()
        var tr = try #require(TranslationFixture.translation().0)
        tr.lessonId = "other"
        #expect(english.translated(by: tr).title == "A demo")
    }

    /// Each malformed variant is refused at its line, naming the file.
    @Test(arguments: [
        (4, ["title: [a, b]"], 4, "single value"),
        (6, ["summary: 中文", "colour: red"], 7, "unknown key"),
        (11, ["    title: \"abc"], 11, "missing closing"),
        (12, ["    tip: 按 Space。"], 12, "unknown key"),
        (3, ["language: ja"], 3, "does not match the folder"),
        (8, ["  learning_rate: [1, 2]"], 8, "single value"),
    ] as [(Int, [String], Int, String)])
    func refusesWithFileAndLine(_ at: Int, _ lines: [String], _ line: Int, _ says: String) throws {
        let (_, problems) = TranslationFixture.translation(TranslationFixture.chinese(replacing: at, with: lines))
        let first = try #require(problems.first)
        #expect(first.file == "lessons/zh-Hans/01-demo.md" && first.line == line, "\(first)")
        #expect(first.description.contains(says), "\(first)")
        #expect(first.description.hasPrefix("lessons/zh-Hans/01-demo.md:\(line):"))
    }

    @Test func aFileWithoutTranslationOfIsRefused() throws {
        let (t, problems) = TranslationFixture.translation(TranslationFixture.chinese(replacing: 2, with: []))
        #expect(t == nil)
        #expect(problems.first?.description.contains("translation_of") == true)
    }
}

@Suite struct TranslationFolderTests {
    /// A lessons folder with the fixture lesson, and `files` in `lessons/zh-Hans/`.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zh-core-\(UUID().uuidString)")
        let zh = root.appendingPathComponent("zh-Hans")
        try FileManager.default.createDirectory(at: zh, withIntermediateDirectories: true)
        try TranslationFixture.english.write(to: root.appendingPathComponent("01-demo.md"), atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(to: zh.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return root
    }

    @Test func theLibraryLoadsTranslationsFromLanguageSubfolders() throws {
        let root = try Self.folder(["01-demo.md": TranslationFixture.chinese])
        defer { try? FileManager.default.removeItem(at: root) }
        let library = LessonLibrary.load(root)
        #expect(library.lessons.map(\.id) == ["demo"] && library.problems.isEmpty)
        #expect(library.translations.problems.isEmpty)
        #expect(library.localized(to: "zh-Hans").lessons[0].title == "演示")
        #expect(library.localized(to: "en").lessons[0].title == "A demo")
    }

    @Test func aBrokenOrDoubledTranslationIsSetAsideWithItsPlace() throws {
        let broken = TranslationFixture.chinese(replacing: 4, with: ["title: [a, b]"])
        let root = try Self.folder(["01-demo.md": TranslationFixture.chinese, "02-again.md": TranslationFixture.chinese, "03-bad.md": broken])
        defer { try? FileManager.default.removeItem(at: root) }
        let library = LessonLibrary.load(root)
        #expect(library.problems.isEmpty)  // the English lesson loads regardless
        let problems = library.translations.problems.map(\.description)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.hasSuffix("02-again.md:2: lesson demo is translated twice: here and in \(root.path)/zh-Hans/01-demo.md") })
        #expect(problems.contains { $0.contains("03-bad.md:4:") })
        #expect(library.localized(to: "zh-Hans").lessons[0].title == "演示")
    }

    @Test func chaptersAreGroupedAsTheEnglishOnesAndNamedInTheLanguage() throws {
        var a = try TranslationFixture.lesson(), b = a
        b.id = "demo2"
        var za = a, zb = b
        za.chapter = "1. 基础"
        zb.chapter = "1．基础"  // written apart: still one group, named by the first
        a.chapter = "1. Foundations"
        let groups = LessonLibrary.chapters(of: [a, b], shownAs: [za, zb])
        #expect(groups.count == 1 && groups[0].chapter == "1. 基础" && groups[0].lessons.map(\.id) == ["demo", "demo2"])
    }
}
