import Foundation
import LabText

/// Typed access to a front matter mapping, with line-numbered errors.
struct Fields {
    let entries: [(key: String, value: FrontMatterNode)]
    let line: Int
    let context: LessonFileKey
    /// A problem for each key that is not allowed (the caller reports them).
    let unknown: [LessonError]

    init(_ node: FrontMatterNode, context: LessonFileKey, allowed: [String]) throws {
        guard case .map(let entries, let line) = node else {
            throw LessonError(line: node.line, .notMapping, ["context": .phrase(Phrase(.lessonFile(context)))])
        }
        unknown = entries.filter { !allowed.contains($0.key) }.map { key, value in
            LessonError(line: value.line, .unknownKey, ["key": .text(key), "context": .phrase(Phrase(.lessonFile(context))), "keys": .list(allowed)])
        }
        self.entries = entries
        self.line = line
        self.context = context
    }

    func optional(_ key: String) -> FrontMatterNode? { entries.first { $0.key == key }?.value }

    func required(_ key: String) throws -> FrontMatterNode {
        guard let v = optional(key) else { throw LessonError(line: line, .missingKey, ["context": .phrase(Phrase(.lessonFile(context))), "key": .text(key)]) }
        return v
    }

    func string(_ key: String) throws -> String {
        let s = try Fields.scalar(try required(key), key)
        guard !s.isEmpty else { throw LessonError(line: try required(key).line, .emptyValue, ["key": .text(key)]) }
        return s
    }

    /// A non-empty text shown to the learner (title, summary, hint): no control
    /// characters or escape sequences.
    func text(_ key: String) throws -> String {
        let s = try string(key)
        if let bad = TextCheck.controlCharacter(in: s) { throw LessonError(line: try required(key).line, .valueHasCharacter, ["key": .text(key), "character": .phrase(bad)]) }
        return s
    }

    static func scalar(_ node: FrontMatterNode, _ what: String) throws -> String {
        guard case .scalar(let s, _) = node else { throw LessonError(line: node.line, .notSingleValue, ["key": .text(what)]) }
        return s
    }

    static func number(_ node: FrontMatterNode, _ what: String) throws -> Double {
        let s = try scalar(node, what)
        guard !s.lowercased().contains("x"), let v = Double(s.replacingOccurrences(of: "_", with: "")) else {
            throw LessonError(line: node.line, .notANumber, ["key": .text(what), "value": .text(s)])
        }
        return v
    }

    static func list(_ node: FrontMatterNode, _ what: String) throws -> [FrontMatterNode] {
        guard case .list(let items, _) = node else { throw LessonError(line: node.line, .notAList, ["key": .text(what)]) }
        return items
    }
}

extension String {
    var trimmingTrailingCR: String { hasSuffix("\r") ? String(dropLast()) : self }
}
