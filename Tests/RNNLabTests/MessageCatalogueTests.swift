import Foundation
import LabText
import Testing
@testable import RNNLab

/// RNNLab's messages come from the LabText catalogue: each error names its
/// place (file and line) or the range it refuses, in the English table, and
/// every word of it goes through the catalogue (a pseudo-translation marks
/// each text, and nothing unmarked is left but the arguments).
@Suite struct MessageCatalogueTests {
    // MARK: Places and ranges, in English

    @Test func aLessonErrorNamesItsFileAndLine() throws {
        let text = LessonLintTests.edited([("  hidden: 8", "  hidden: 8\n  colour: red")])
        let (_, problems) = LessonParser.check(text, file: "lessons/07-demo.md")
        let problem = try #require(problems.first)
        #expect(problem.line == 10)
        #expect(problem.description == "lessons/07-demo.md:10: unknown setting \"colour\" (settings: "
                + LessonParser.definitions(forTask: "echo").map(\.name).joined(separator: ", ") + ")")
        #expect(english(problem.phrase) == problem.description)
    }

    @Test func aLintProblemNamesTheCheckAndItsLine() throws {
        let problems = LessonLintTests.lint(LessonLintTests.edited([("expect: accuracy > 0.9", "expect: accuracy > 2")]))
        let problem = try #require(problems.first)
        #expect(problem.description == "demo.md:22: check learns: `accuracy > 2` can never hold: accuracy lies in 0…1")
    }

    @Test func aDataErrorNamesItsFileAndLine() {
        let path = DataFixture.write("\"\",\"time\",\"sunspot.month\"\n\"1\",1749,58\n\"2\",1749.08,6x2.6\n", to: "s.csv")
        let error = DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: path) }
        #expect(error?.line == 3)
        #expect(error?.description == "\(path):3: value '6x2.6' is not a number")
        #expect(error.map { english($0.phrase) } == error?.description)
        let whole = DataError(path: "a/b.csv", .empty)
        #expect(whole.description == "a/b.csv: file is empty")
    }

    @Test func storeNoticesChooseTheirPlural() {
        #expect(english(Phrase(.store(.entriesDropped), ["name": "knobs.json", "count": 1, "entries": .list(["x"])]))
                == "knobs.json: 1 entry could not be read and was dropped (x)")
        #expect(SafeFile.Failure(operation: .rename(from: "a.tmp"), path: "a", code: 2).description
                == "could not rename a.tmp to a: No such file or directory (errno 2)")
    }

    @Test func settingRefusalsNameTheRange() throws {
        let hidden = try #require(ExperimentSettings.definition("hidden"))
        #expect(english(hidden.refusal(.number(0))) == "hidden=0 is out of range 1…512")
        #expect(english(hidden.refusal(.number(2.5))) == "hidden must be a whole number in 1…512")
        #expect(english(hidden.refusal(.choice("many"))) == "hidden takes a number in 1…512, not \"many\"")
        let cell = try #require(ExperimentSettings.definition("cell"))
        #expect(english(cell.refusal(.number(1))) == "cell takes one of rnn_tanh, rnn_relu, lstm, gru")
        let lr = try #require(ExperimentSettings.definition("learning_rate"))
        #expect(english(lr.refusal(.number(20))) == "learning_rate=20 is out of range 1e-6…10")
        #expect(throws: Reason(english: "unknown setting colour (settings: "
                               + ExperimentSettings.definitions(forTask: "parity").map(\.name).joined(separator: ", ") + ")")) {
            _ = try ExperimentConfiguration(task: "parity", settings: ["colour": .choice("red")])
        }
    }

    @Test func aTaskKnobRefusalNamesTheRange() {
        #expect(throws: TaskError("adding: T=2 is outside 4…1000")) { try TaskCatalog.make("adding", knobs: ["T": 2]) }
        #expect(throws: TaskError("adding: T must be a whole number, got 4.5")) { try TaskCatalog.make("adding", knobs: ["T": 4.5]) }
    }

    @Test func aMemoryRefusalNamesTheNeedAndTheLimit() {
        #expect(throws: Reason(english: "these settings need about 5.0 GiB of memory, over the limit of 4.0 GiB; lower hidden, "
                               + "batch, T or layers, or raise the limit with --max-memory or $RNNLAB_MAX_MEMORY")) {
            try MemoryEstimate(bytes: 5 << 30).check(limit: 4 << 30)
        }
        #expect(throws: Reason(english: "a memory size is a number with a unit between 64M and 1T, like 8G or 512M; got \"lots\"")) {
            _ = try MemoryEstimate.parseSize("lots")
        }
    }

    @Test func verdictsAndDivergenceSayTheirNumbers() {
        let verdict = CheckVerdict(passed: false, clauses: [
            .init(metric: "validation_loss", value: 0.0042, op: .less, operand: "0.001", operandIsMetric: false, threshold: 0.001, holds: false),
            .init(metric: "reached_at", value: 410, op: .less, operand: "versus_reached_at", operandIsMetric: true, threshold: nil, holds: false),
        ], values: [:])
        #expect(english(CheckRunner.describe(verdict))
                == "validation_loss = 0.0042 (want < 0.001), reached_at = 410 (want < versus_reached_at = missing)")
        #expect(english(Divergence.loss(.nan).describe(atStep: 81)) == "at step 81 the loss became NaN")
        #expect(english(Divergence.gradient(.infinity).describe(atStep: 3)) == "at step 3 the gradient norm became inf")
    }

    @Test func listsUseTheLanguagesSeparator() {
        #expect(english(Phrase(.lessonFile(.noLesson), ["name": "x", "lessons": .list(["a", "b", "c"])])) == "no lesson x (lessons: a, b, c)")
        #expect(english(Phrase(.lessonFile(.noLesson), ["name": "x", "lessons": .list(["a"])])) == "no lesson x (lessons: a)")
    }

    // MARK: Everything goes through the catalogue

    /// English with every literal run of every text wrapped in «»: a message
    /// assembled outside the catalogue would show unmarked words.
    static let pseudo = Language(code: "x-pseudo", name: "«pseudo»", texts: Language.english.texts.mapValues(mark))

    static func mark(_ text: String) -> String {
        let placeholder = try! Regex(#"\{([A-Za-z0-9_]+)(?::([^{}|]*)\|([^{}]*))?\}"#)
        var out = "", rest = Substring(text)
        func literal(_ s: Substring) -> String { s.isEmpty ? "" : "«" + s + "»" }
        while let m = rest.firstMatch(of: placeholder) {
            out += literal(rest[..<m.range.lowerBound])
            if let one = m.output[2].substring, let other = m.output[3].substring {
                out += "{\(m.output[1].substring!):\(literal(one))|\(literal(other))}"
            } else {
                out += String(rest[m.range])
            }
            rest = rest[m.range.upperBound...]
        }
        return out + literal(rest)
    }

    /// What is left of `text` outside the «» marks, less the `arguments`.
    static func unmarked(_ text: String, arguments: [String]) -> String {
        var out = "", inside = false
        for c in text {
            if c == "«" { inside = true } else if c == "»" { inside = false } else if !inside { out.append(c) }
        }
        for a in arguments.sorted(by: { $0.count > $1.count }) { out = out.replacingOccurrences(of: a, with: "") }
        return out
    }

    @Test func thePseudoLanguageMarksEveryLiteral() {
        #expect(Self.mark("{file}:{line}: {problem}") == "{file}«:»{line}«: »{problem}")
        #expect(Self.mark("{n} lesson {n:file|files}") == "{n}« lesson »{n:«file»|«files»}")
        #expect(Self.unmarked("«no lesson »x« (lessons: »a«, »b«)»", arguments: ["x", "a", "b"]) == "")
    }

    @Test func errorsAreWrittenWhollyFromTheCatalogue() throws {
        let settings = LessonParser.definitions(forTask: "echo").map(\.name)
        let text = LessonLintTests.edited([("  hidden: 8", "  hidden: 8\n  colour: red")])
        let lessonError = try #require(LessonParser.check(text, file: "demo.md").problems.first)
        let lint = try #require(LessonLintTests.lint(LessonLintTests.edited([("expect: accuracy > 0.9", "expect: accuracy > 2")])).first)
        let hidden = try #require(ExperimentSettings.definition("hidden"))
        let verdict = CheckVerdict(passed: false, clauses: [
            .init(metric: "accuracy", value: 0.3, op: .greater, operand: "0.9", operandIsMetric: false, threshold: 0.9, holds: false),
        ], values: [:])
        let cases: [(Phrase, [String])] = [
            (lessonError.phrase, ["demo.md", "10", "colour"] + settings),
            (lint.phrase, ["demo.md", "22", "learns", "accuracy > 2", "accuracy", "0", "1"]),
            (hidden.refusal(.number(0))!, ["hidden", "0", "1", "512"]),
            (DataError(path: "d/s.csv", line: 3, .notANumber, ["field": .phrase(Phrase(.data(.valueField))), "text": "6x"]).phrase,
             ["d/s.csv", "3", "6x"]),
            (CheckRunner.describe(verdict), ["accuracy", "0.3", ">", "0.9"]),
            (Divergence.loss(.nan).describe(atStep: 81), ["81", "NaN"]),
            (MemoryEstimate.size(5 << 30), ["5.0"]),
            (Metric(.accuracy, 0.959).phrase, ["95.9"]),
            (Baseline(name: Phrase(.baseline(.majorityClass)), split: .validation, metrics: [Metric(.crossEntropy, 1.5), Metric(.mse, 0.25)]).phrase,
             ["majority class", "validation", "1.5000", "0.2500"]),
            (SafeFile.Refusal(.notRegularFile, ["file": "s/knobs.json", "kind": .phrase(SafeFile.kindName(S_IFIFO))]).phrase, ["s/knobs.json"]),
            (Phrase(.store(.entriesDropped), ["name": "knobs.json", "count": 2, "entries": .list(["a.b = 1", "c"])]),
             ["knobs.json", "2", "a.b = 1", "c"]),
        ]
        for (phrase, arguments) in cases {
            let written = Self.pseudo.render(phrase)
            #expect(written.contains("«"), "\(written)")
            let left = Self.unmarked(written, arguments: arguments)
            #expect(!left.contains { $0.isLetter }, "unmarked text \"\(left)\" in \(written)")
        }
    }
}
