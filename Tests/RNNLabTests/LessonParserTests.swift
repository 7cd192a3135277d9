import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// Lesson files: what parses, and what is refused with its line.
@Suite struct LessonParserTests {
    static let valid = """
    ---
    id: demo
    title: A demo
    chapter: 1. Foundations
    summary: Text, with commas, stays whole.
    experiment:
      task: echo
      k: 2
      hidden: 8
      learning_rate: 0.01
    knobs:
      - name: learning_rate
        range: [0.0001, 1]
        scale: log
        live: true
      - name: cell
        choices: [rnn_tanh, gru]
    panels: [loss, gradient_norms]
    checks:
      - id: learns
        title: It learns
        set: {hidden: 16}
        steps: 100
        expect: accuracy > 0.9 and validation_loss < 1
        hint: Press Space.
    ---

    # Page one

    ---

    Page two
    """

    func parse(_ text: String) throws -> Lesson { try LessonParser.parse(text, file: "demo.md") }

    /// The error for `text`, or nil when it parses.
    func error(_ text: String) -> LessonError? {
        do { _ = try parse(text); return nil } catch let e as LessonError { return e } catch { return nil }
    }

    /// `valid` with one line replaced (1-based line number).
    func replacing(line: Int, with new: String) -> String {
        var lines = Self.valid.components(separatedBy: "\n")
        lines[line - 1] = new
        return lines.joined(separator: "\n")
    }

    @Test func parsesAValidLesson() throws {
        let l = try parse(Self.valid)
        #expect(l.id == "demo" && l.chapter == "1. Foundations")
        #expect(l.summary == "Text, with commas, stays whole.")
        #expect(l.task == "echo")
        #expect(l.settings["k"] == .number(2) && l.settings["hidden"] == .number(8))
        #expect(l.settings["optimizer"] == .choice("adam"))  // a default
        #expect(l.knobs.map(\.name) == ["learning_rate", "cell"])
        #expect(l.knobs[0].scale == .log && l.knobs[0].effect == .live && l.knobs[1].effect == .rebuild)
        #expect(l.panels == [.loss, .gradientNorms])
        #expect(l.checks.count == 1 && l.checks[0].set["hidden"] == .number(16) && l.checks[0].steps == 100)
        #expect(l.checks[0].expect.clauses.map(\.metric) == ["accuracy", "validation_loss"])
        #expect(l.pages == ["# Page one", "Page two"])
    }

    /// Each malformed variant is refused at the line of the problem, with what is wrong.
    @Test(arguments: [
        (8, "  k: 500", 8, "out of range"),
        (7, "  task: nonsense", 7, "no task or data set named"),
        (10, "  colour: red", 10, "unknown setting"),
        (13, "    range: [0.0001, 100]", 13, "within"),
        (15, "    live: false", 15, "applies live"),
        (17, "    choices: [rnn_tanh, transformer]", 17, "not a choice"),
        (18, "panels: [loss, sparkles]", 18, "unknown panel"),
        (24, "    expect: accuracy is high", 24, "metric op number"),
        (23, "    steps: many", 23, "must be a number"),
        (3, "title:", 3, "title is empty"),
        (22, "    set: {hidden: 9999}", 22, "out of range"),
        (2, "id demo", 2, "expected `key: value`"),
    ])
    func refusesWithLine(_ c: (Int, String, Int, String)) {
        let e = error(replacing(line: c.0, with: c.1))
        #expect(e != nil, "line \(c.0) → \(c.1) was accepted")
        #expect(e?.line == c.2, "\(String(describing: e))")
        #expect(e?.message.contains(c.3) == true, "\(String(describing: e))")
        #expect(e?.description.hasPrefix("demo.md:\(c.2): ") == true)
    }

    @Test func readsACompareRunAndRefusesABadOne() throws {
        let shown = Self.valid.replacingOccurrences(of: "panels: [loss, gradient_norms]", with: "panels: [loss, compare]")
        let withCompare = shown.replacingOccurrences(of: "knobs:\n", with: "compare: {cell: lstm, hidden: 16}\nknobs:\n")
        let l = try parse(withCompare)
        #expect(l.compare == ["cell": .choice("lstm"), "hidden": .number(16)])
        #expect(try parse(Self.valid).compare == nil)
        let bad = error(shown.replacingOccurrences(of: "knobs:\n", with: "compare: {cell: transformer}\nknobs:\n"))
        #expect(bad?.line == 11 && bad?.message.contains("cell") == true, "\(String(describing: bad))")
        #expect(error(shown.replacingOccurrences(of: "knobs:\n", with: "compare: lstm\nknobs:\n"))?.message.contains("mapping") == true)
        let same = error(shown.replacingOccurrences(of: "knobs:\n", with: "compare: {hidden: 8}\nknobs:\n"))
        #expect(same?.line == 11 && same?.message.contains("already has") == true, "\(String(describing: same))")
        // The run and the panel go together.
        #expect(error(Self.valid.replacingOccurrences(of: "knobs:\n", with: "compare: {cell: lstm}\nknobs:\n"))?.message
                    .contains("add `compare` to panels") == true)
        #expect(error(shown)?.message.contains("needs a `compare") == true)
    }

    @Test func refusesStructuralProblems() {
        #expect(error("no front matter")?.line == 1)
        #expect(error("---\nid: x\n")?.message.contains("not closed") == true)
        #expect(error(Self.valid.replacingOccurrences(of: "# Page one\n\n---\n\nPage two", with: ""))?.message.contains("no prose") == true)
        let twice = Self.valid.replacingOccurrences(of: "  hidden: 8", with: "  hidden: 8\n  hidden: 9")
        #expect(error(twice)?.message.contains("appears twice") == true)
        let tab = Self.valid.replacingOccurrences(of: "  k: 2", with: "\tk: 2")
        #expect(error(tab)?.message.contains("tabs") == true)
    }

    /// Any damage gives a lesson or an error that points inside the file, never a crash.
    @Test func randomDamageNeverCrashes() {
        var rng = SplitMix64(seed: 3)
        var refused = 0
        let chars = Array(Self.valid)
        for _ in 0..<300 {
            var damaged = chars
            for _ in 0..<3 {
                let i = Int(rng.next() % UInt64(damaged.count))
                switch rng.next() % 3 {
                case 0: damaged.remove(at: i)
                case 1: damaged.insert([":", "-", "[", "{", " ", "\n", "\"", "#"][Int(rng.next() % 8)], at: i)
                default: damaged[i] = "x"
                }
            }
            let text = String(damaged)
            if let e = error(text) {
                refused += 1
                let lines = text.components(separatedBy: "\n").count
                #expect(e.line >= 1 && e.line <= lines, "line \(e.line) of \(lines): \(e.message)")
                #expect(!e.message.isEmpty)
            }
        }
        #expect(refused > 0)
    }

    @Test func conditionsEvaluate() throws {
        let c = try CheckCondition.parse("loss < 0.5 and solved >= 0.9").get()
        #expect(try c.evaluate(["loss": 0.4, "solved": 0.95]).get() == true)
        #expect(try c.evaluate(["loss": 0.6, "solved": 0.95]).get() == false)
        if case .failure(let r) = c.evaluate(["loss": 0.1]) { #expect(r.message.contains("no metric solved")) } else { Issue.record("missing metric accepted") }
        if case .success = CheckCondition.parse("loss <") { Issue.record("malformed condition accepted") }
    }

    @Test func settingRefusalsNameTheRange() {
        let lr = ExperimentSettings.definition("learning_rate")!
        #expect(english(lr.refusal(.number(20))) == "learning_rate=20 is out of range 1e-6…10")
        #expect(lr.refusal(.number(0.1)) == nil)
        let cell = ExperimentSettings.definition("cell")!
        #expect(english(cell.refusal(.choice("transformer")))?.contains("rnn_tanh, rnn_relu, lstm, gru") == true)
        let hidden = ExperimentSettings.definition("hidden")!
        #expect(english(hidden.refusal(.number(2.5)))?.contains("whole number") == true)
    }

    @Test func theShippedLessonsLint() {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let library = LessonLibrary.load(folder)
        #expect(library.problems.isEmpty, "\(library.problems)")
        #expect(!library.lessons.isEmpty)
        #expect(library.lessons.allSatisfy { !$0.checks.isEmpty && $0.pages.count >= 3 })
    }
}

