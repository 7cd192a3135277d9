import Foundation
import LabText
import Testing
@testable import RNNLab

/// The predict-then-run question and the misconception box: what parses, and
/// each bad block refused at its line.
@Suite struct LessonTeachingTests {
    /// `LessonParserTests.valid` with `block` added at the end of its front matter
    /// (whose last line, `hint: Press Space.`, is line 25; the block starts at 26, and
    /// a block's line, like any mapping's, is that of its first key: 27).
    static func lesson(_ block: String) -> String {
        LessonParserTests.valid.replacingOccurrences(of: "    hint: Press Space.\n---\n", with: "    hint: Press Space.\n" + block + "---\n")
    }

    static let question = """
    question:
      id: guess-accuracy
      prompt: How accurate will it be?
      choices:
        - about 25%
        - about 90%, once trained
      answer: 2
      check: learns

    """

    static let misconception = """
    misconception:
      claim: The last state sums up the whole sequence.
      truth: It holds what its size lets it keep.
      check: learns

    """

    static func problems(_ block: String) -> [String] {
        LessonParser.check(lesson(block), file: "demo.md").problems.map(\.description)
    }

    @Test func theBaseLessonEndsItsFrontMatterWhereTheBlockGoes() throws {
        let text = Self.lesson("")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[24] == "    hint: Press Space.")
        #expect(try LessonParser.parse(text, file: "demo.md").question == nil)
    }

    @Test func aQuestionAndAMisconceptionParse() throws {
        let lesson = try LessonParser.parse(Self.lesson(Self.question + Self.misconception), file: "demo.md")
        #expect(lesson.question == LessonQuestion(id: "guess-accuracy", prompt: "How accurate will it be?",
                                                  choices: ["about 25%", "about 90%, once trained"], answer: 1, check: "learns", line: 27))
        #expect(lesson.misconception == LessonMisconception(claim: "The last state sums up the whole sequence.",
                                                            truth: "It holds what its size lets it keep.", check: "learns", line: 35))
    }

    @Test func theMisconceptionsCheckIsOptional() throws {
        let block = Self.misconception.replacingOccurrences(of: "  check: learns\n", with: "")
        #expect(try LessonParser.parse(Self.lesson(block), file: "demo.md").misconception?.check == nil)
    }

    @Test func aCheckThatIsNotTheLessonsIsRefusedAtItsLine() {
        let bad = Self.question.replacingOccurrences(of: "check: learns", with: "check: learn")
        #expect(Self.problems(bad) == ["demo.md:33: no check of this lesson has the id learn (checks: learns)"])
        let badBox = Self.misconception.replacingOccurrences(of: "check: learns", with: "check: nope")
        #expect(Self.problems(badBox) == ["demo.md:29: no check of this lesson has the id nope (checks: learns)"])
    }

    @Test func anAnswerMustNumberAChoice() {
        for value in ["0", "3", "two", "1.5"] {
            let bad = Self.question.replacingOccurrences(of: "answer: 2", with: "answer: \(value)")
            #expect(Self.problems(bad) == ["demo.md:32: answer must be the number of a choice, 1 to 2, not \(value)"])
        }
    }

    @Test func aQuestionNeedsTwoToSixChoices() {
        let one = Self.question.replacingOccurrences(of: "    - about 90%, once trained\n", with: "")
        #expect(Self.problems(one) == ["demo.md:30: a question needs 2 to 6 choices, not 1"])
        let seven = Self.question.replacingOccurrences(of: "    - about 25%\n", with: String(repeating: "    - more\n", count: 6))
        #expect(Self.problems(seven) == ["demo.md:30: a question needs 2 to 6 choices, not 7"])
    }

    @Test func missingAndUnknownKeysAreRefusedAtTheirLines() {
        let noPrompt = Self.question.replacingOccurrences(of: "  prompt: How accurate will it be?\n", with: "")
        #expect(Self.problems(noPrompt) == ["demo.md:27: question has no prompt"])
        let extra = Self.question.replacingOccurrences(of: "  answer: 2\n", with: "  answer: 2\n  reveal: now\n")
        #expect(Self.problems(extra).count == 1)
        #expect(Self.problems(extra).first?.hasPrefix("demo.md:33: unknown key \"reveal\" in question") == true)
        let noTruth = Self.misconception.replacingOccurrences(of: "  truth: It holds what its size lets it keep.\n", with: "")
        #expect(Self.problems(noTruth) == ["demo.md:27: misconception has no truth"])
    }

    @Test func aBadIdOrAControlCharacterIsRefused() {
        let badId = Self.question.replacingOccurrences(of: "id: guess-accuracy", with: "id: guess/accuracy")
        #expect(Self.problems(badId).first?.hasPrefix("demo.md:27: the question id guess/accuracy contains") == true)
        let notAList = Self.question.replacingOccurrences(of: "  choices:\n    - about 25%\n    - about 90%, once trained\n",
                                                          with: "  choices: about 25%\n")
        #expect(Self.problems(notAList).count == 1)
        #expect(Self.problems(notAList).first?.hasPrefix("demo.md:29:") == true)
    }

    @Test func aBadBlockStillLeavesTheRestOfTheLesson() {
        let bad = Self.question.replacingOccurrences(of: "answer: 2", with: "answer: 9")
        let (lesson, problems) = LessonParser.check(Self.lesson(bad + Self.misconception), file: "demo.md")
        #expect(problems.count == 1)
        #expect(lesson?.question == nil)
        #expect(lesson?.misconception?.claim == "The last state sums up the whole sequence.")
    }

    /// Each of the six lessons asks one question and confronts one misconception,
    /// both tied to one of its own checks.
    @Test func everyLessonOfTheCourseHasAQuestionAndAMisconception() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 16)
        for file in files {
            let lesson = try LessonParser.load(folder.appendingPathComponent(file))
            let question = try #require(lesson.question, "\(file) has no question")
            #expect(lesson.checks.contains { $0.id == question.check }, "\(file)")
            #expect(question.choices.indices.contains(question.answer), "\(file)")
            let box = try #require(lesson.misconception, "\(file) has no misconception")
            #expect(box.check.map { id in lesson.checks.contains { $0.id == id } } ?? true, "\(file)")
        }
    }
}
