import LabText

/// Reads the teaching blocks of the front matter, `question:` and
/// `misconception:` (see ``LessonQuestion`` and ``LessonMisconception``); every
/// problem goes to the sink with its line.
extension LessonParser {
    static let questionKeys = ["id", "prompt", "choices", "answer", "check"]
    static let misconceptionKeys = ["claim", "truth", "check"]

    static func readTeaching(_ fields: Fields, into lesson: inout Lesson, _ sink: inout Problems) {
        if let node = fields.optional("question") {
            lesson.question = sink.attempt { try readQuestion(node, checks: lesson.checks) }
        }
        if let node = fields.optional("misconception") {
            lesson.misconception = sink.attempt { try readMisconception(node, checks: lesson.checks) }
        }
        if let node = fields.optional("references") {
            let items = sink.attempt { try Fields.list(node, "references") } ?? []
            lesson.references = items.compactMap { item in sink.attempt { try readReference(item) } }
        }
    }

    static let referenceKeys = ["label", "metric", "value", "n"]

    /// One `references:` entry: a label, the metric it is a value of, the value,
    /// and optionally the number of examples (then the value must be a fraction).
    static func readReference(_ node: FrontMatterNode) throws -> LessonReference {
        let f = try Fields(node, context: .reference, allowed: referenceKeys)
        if let first = f.unknown.first { throw first }
        let label = try f.text("label")
        let metric = try f.string("metric")
        let valueNode = try f.required("value")
        let value = try Fields.number(valueNode, "value")
        var n: Int?
        if let nNode = f.optional("n") {
            let text = try Fields.scalar(nNode, "n")
            guard let count = Int(text), count >= 1 else { throw LessonError(line: nNode.line, Phrase(.teach(.referenceBadCount), ["value": .text(text)])) }
            guard (0...1).contains(value) else {
                throw LessonError(line: valueNode.line, Phrase(.teach(.referenceNotFraction), ["value": .text(SettingValue.format(value))]))
            }
            n = count
        }
        return LessonReference(label: label, metric: metric, value: value, n: n, line: node.line)
    }

    static func readQuestion(_ node: FrontMatterNode, checks: [LessonCheck]) throws -> LessonQuestion {
        let f = try Fields(node, context: .question, allowed: questionKeys)
        if let first = f.unknown.first { throw first }
        let id = try f.string("id")
        if let bad = TextCheck.idProblem(id) {
            throw LessonError(line: try f.required("id").line, Phrase(.teach(.badQuestionId), ["id": .text(id), "character": .phrase(bad)]))
        }
        let prompt = try f.text("prompt")
        let choicesNode = try f.required("choices")
        let choices = try Fields.list(choicesNode, "choices").map { item -> String in
            let s = try Fields.scalar(item, "choices")
            guard !s.isEmpty else { throw LessonError(line: item.line, .emptyValue, ["key": .text("choices")]) }
            if let bad = TextCheck.controlCharacter(in: s) {
                throw LessonError(line: item.line, .valueHasCharacter, ["key": .text("choices"), "character": .phrase(bad)])
            }
            return s
        }
        let range = LessonQuestion.choiceCount
        guard range.contains(choices.count) else {
            throw LessonError(line: choicesNode.line, Phrase(.teach(.tooFewChoices), [
                "count": .integer(choices.count), "least": .integer(range.lowerBound), "most": .integer(range.upperBound)]))
        }
        let answerNode = try f.required("answer")
        let answerText = try Fields.scalar(answerNode, "answer")
        guard let answer = Int(answerText), (1...choices.count).contains(answer) else {
            throw LessonError(line: answerNode.line, Phrase(.teach(.badAnswer), ["value": .text(answerText), "count": .integer(choices.count)]))
        }
        let check = try linkedCheck(f, checks: checks)!
        return LessonQuestion(id: id, prompt: prompt, choices: choices, answer: answer - 1, check: check, line: node.line)
    }

    static func readMisconception(_ node: FrontMatterNode, checks: [LessonCheck]) throws -> LessonMisconception {
        let f = try Fields(node, context: .misconception, allowed: misconceptionKeys)
        if let first = f.unknown.first { throw first }
        let claim = try f.text("claim")
        let truth = try f.text("truth")
        let check = f.optional("check") == nil ? nil : try linkedCheck(f, checks: checks)
        return LessonMisconception(claim: claim, truth: truth, check: check, line: node.line)
    }

    /// The `check:` of a block, which must name one of the lesson's checks.
    private static func linkedCheck(_ f: Fields, checks: [LessonCheck]) throws -> String? {
        let node = try f.required("check")
        let id = try Fields.scalar(node, "check")
        guard checks.contains(where: { $0.id == id }) else {
            throw LessonError(line: node.line, Phrase(.teach(.unknownCheck), ["id": .text(id), "checks": .list(checks.map(\.id))]))
        }
        return id
    }
}
