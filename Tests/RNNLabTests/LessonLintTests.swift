import Foundation
import Testing
@testable import RNNLab

/// `rnnlab lint`'s checks: every problem of a file at once, each at its line,
/// with the vocabulary of metrics and the lesson's knob ranges.
@Suite struct LessonLintTests {
    static let lesson = """
    ---
    id: demo
    title: A demo
    chapter: 1. Foundations
    summary: Text.
    experiment:
      task: echo
      k: 2
      hidden: 8
    knobs:
      - name: hidden
        range: [2, 64]
      - name: learning_rate
        range: [0.0001, 1]
        live: true
    panels: [loss]
    checks:
      - id: learns
        title: It learns
        set: {hidden: 16}
        steps: 100
        expect: accuracy > 0.9
        hint: Set hidden to 16 and press Space.
    ---

    # Page one
    """

    /// `lesson` with `from` replaced by `to` (which must occur).
    static func edited(_ pairs: [(String, String)]) -> String {
        var text = lesson
        for (from, to) in pairs {
            precondition(text.contains(from), from)
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text
    }

    /// Every problem lint reports for `text`: the parser's and the vocabulary's.
    static func lint(_ text: String) -> [LessonError] {
        let (lesson, problems) = LessonParser.check(text, file: "demo.md")
        guard let lesson, case .success(let facts) = LessonLint.facts(lesson) else { return problems }
        return problems + LessonLint.problems(lesson, task: facts)
    }

    @Test func aCleanLessonHasNoProblems() {
        #expect(Self.lint(Self.lesson).isEmpty, "\(Self.lint(Self.lesson))")
    }

    @Test func everyProblemOfAFileInOneRun() {
        let text = Self.edited([("  hidden: 8", "  hidden: 8x"), ("range: [2, 64]", "range: [64, 2]"),
                                ("expect: accuracy > 0.9", "expect: acuracy > 0.9")])
        let problems = Self.lint(text)
        #expect(problems.map(\.line) == [9, 12, 22], "\(problems)")
        #expect(problems[0].message.contains("hidden takes a number"))
        #expect(problems[1].message.contains("low < high"))
        #expect(problems[2].message.contains("unknown metric \"acuracy\"") && problems[2].message.contains("accuracy"))
        #expect(problems.allSatisfy { $0.file == "demo.md" })
    }

    @Test(arguments: [
        ("accuracy > nan", "can never hold"),
        ("accuracy > 1e309", "can never hold"),
        ("validation_loss < inf", "always holds"),
        ("accuracy > 1", "can never hold: accuracy lies in 0…1"),
        ("accuracy >= 0", "always holds"),
        ("accuracy < 0", "can never hold"),
        ("diverged == 2", "can never hold"),
        ("reached_at < 50", "only by a check with `until`"),
        ("accuracy > 0.9 * versus_accuracy", "no `versus`"),
        ("runs == 4", "two or more `seeds`"),
        ("input_gate_gap > 0.1", "needs cell lstm"),
        ("attention_mirror > 0.8", "needs a seq2seq task"),
    ])
    func conditionsThatCannotBeJudged(_ c: (String, String)) {
        let problems = Self.lint(Self.edited([("expect: accuracy > 0.9", "expect: " + c.0)]))
        #expect(problems.count == 1 && problems[0].line == 22, "\(problems)")
        #expect(problems.first?.message.contains(c.1) == true, "\(problems)")
    }

    @Test func theVocabularyFollowsTheCheck() {
        // until, seeds and versus each bring their names; the task's metrics and baselines are there.
        let text = Self.edited([("    expect: accuracy > 0.9", """
            seeds: [1, 2]
            versus: {hidden: 4}
            until: accuracy > 0.5
            expect: reached_at < versus_reached_at and runs == 2 and accuracy > baseline_accuracy and cross_entropy < 2
        """)])
        let problems = Self.lint(text)
        // `runs == 2` always holds with two seeds: reported, and nothing else is.
        #expect(problems.count == 1 && problems[0].message.contains("always holds"), "\(problems)")
        let untilNamesRuns = Self.edited([("    expect: accuracy > 0.9", "    until: reached > 0\n    expect: accuracy > 0.9")])
        #expect(Self.lint(untilNamesRuns).first?.message.contains("until is judged on each run") == true)
    }

    @Test func settingsAndHintsMustBeReachableWithTheKnobs() {
        let outside = Self.lint(Self.edited([("set: {hidden: 16}", "set: {hidden: 128}"), ("Set hidden to 16", "Set hidden to 1")]))
        #expect(outside.map(\.line) == [20, 23], "\(outside)")
        #expect(outside[0].message.contains("hidden=128 is out of range 2…64"))
        #expect(outside[1].message.contains("hint") && outside[1].message.contains("hidden=1 is out of range"))
        let notAKnob = Self.lint(Self.edited([("set: {hidden: 16}", "set: {hidden: 16, cell: gru}")]))
        #expect(notAKnob.count == 1 && notAKnob[0].message.contains("cell is not a knob"), "\(notAKnob)")
        // The forms the shipped hints use: `name=value`, `name value`, `name to value`.
        let lesson = try! LessonParser.parse(Self.lesson, file: "demo.md")
        let found = LessonLint.hintValues("Try hidden=4, then learning_rate 0.5 and hidden to 9; the hidden state stays.", lesson)
        #expect(found.map(\.0) == ["hidden", "learning_rate", "hidden"])
        #expect(found.map(\.1) == [.number(4), .number(0.5), .number(9)])
    }

    @Test func idsTextAndLines() {
        let slash = Self.lint(Self.edited([("  - id: learns", "  - id: learns/fast")]))
        #expect(slash.count == 1 && slash[0].line == 18 && slash[0].message.contains("\"/\""), "\(slash)")
        let escape = Self.lint(Self.edited([("title: A demo", "title: \u{1B}[2J\u{1B}[31mPWNED")]))
        #expect(escape.count == 1 && escape[0].line == 3 && escape[0].message.contains("escape character"), "\(escape)")
        let nul = Self.lint(Self.edited([("# Page one", "# Page\u{0} one")]))
        #expect(nul.count == 1 && nul[0].line == 26 && nul[0].message.contains("NUL"), "\(nul)")
        // A tab inside a value is named as what it is, not as indentation.
        let tabValue = Self.lint(Self.edited([("summary: Text.", "summary: Te\txt.")]))
        #expect(tabValue.count == 1 && tabValue[0].message.contains("summary has a tab"), "\(tabValue)")
        let tabIndent = Self.lint(Self.edited([("  k: 2", "\tk: 2")]))
        #expect(tabIndent.first?.message.contains("indentation") == true)
        let long = Self.lint(Self.edited([("# Page one", "# " + String(repeating: "x", count: 1_001))]))
        #expect(long.count == 1 && long[0].line == 26 && long[0].message.contains("at most 1000"), "\(long)")
    }

    @Test func invalidUTF8IsReportedAtItsLine() {
        var bytes = Array(Self.lesson.utf8)
        let third = bytes.indices.filter { bytes[$0] == 0x0A }[2] + 3
        bytes.insert(0xFF, at: third)
        #expect(throws: LessonError(file: "x.md", line: 4, english: "this line is not valid UTF-8 text")) {
            try LessonFile.decode(bytes, file: "x.md")
        }
    }

    /// Reliability review D2: 50,000 nested brackets are refused with the line, in-process.
    @Test func deepNestingIsRefusedNotOverflowed() throws {
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(throws: LessonError(line: 7, english: "nested deeper than \(FrontMatterParser.maximumDepth) levels")) {
            try FrontMatterParser.inline(deep, line: 7)
        }
        let inFile = Self.lint(Self.edited([("panels: [loss]", "colour: " + deep + "\npanels: [loss]")]))
        #expect(inFile.count == 1 && inFile[0].line == 16 && inFile[0].message.contains("at most 1000"), "\(inFile)")
        let shallowButDeep = String(repeating: "{a: ", count: 40) + String(repeating: "}", count: 40)
        let nested = Self.lint(Self.edited([("panels: [loss]", "colour: " + shallowButDeep + "\npanels: [loss]")]))
        #expect(nested.first?.line == 16 && nested.first?.message.contains("nested deeper") == true, "\(nested)")
        // Nesting by indentation is bounded the same way.
        let stairs = (0..<40).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " v"
        let indented = Self.lint(Self.edited([("panels: [loss]", stairs + "\npanels: [loss]")]))
        #expect(indented.contains { $0.message.contains("nested deeper") }, "\(indented)")
        // A legal nesting still parses.
        #expect(try FrontMatterParser.inline("[[1, 2], {a: [3]}]", line: 1) == .list([
            .list([.scalar("1", line: 1), .scalar("2", line: 1)], line: 1), .map([("a", .list([.scalar("3", line: 1)], line: 1))], line: 1),
        ], line: 1))
    }

    @Test func theShippedLessonsPassTheStricterLint() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let files = try LessonLibrary.files(in: folder)
        #expect(files.count >= 6)
        for file in files {
            let (lesson, problems) = LessonParser.check(file)
            #expect(problems.isEmpty, "\(problems)")
            let facts = try LessonLint.facts(try #require(lesson)).get()
            #expect(LessonLint.problems(lesson!, task: facts).isEmpty, "\(LessonLint.problems(lesson!, task: facts))")
        }
    }
}
