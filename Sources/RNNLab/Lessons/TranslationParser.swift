import Foundation
import LabText

/// Reads a lesson translation (`lessons/zh-Hans/NN-name.md`): front matter with
/// only translatable fields keyed by the English lesson's ids, then the pages.
///
/// ```yaml
/// translation_of: gru
/// language: zh-Hans
/// title: 门控循环单元（GRU）
/// chapter: 3. 门控单元
/// summary: …
/// knobs: {forget_bias: …}          # knob name → summary
/// checks:                          # check id → title, hint
///   gru-solves: {title: …, hint: …}
/// question: {prompt: …, choices: [… as many as the English]}
/// misconception: {claim: …, truth: …}
/// ```
///
/// A missing field is not an error here (the lab shows the English one); how
/// the translation matches its English lesson is `TranslationLint`'s. Every
/// problem is a ``LessonError`` with the file and line.
public enum TranslationParser {
    static let topKeys = ["translation_of", "language", "title", "chapter", "summary", "knobs", "checks", "question", "misconception"]

    /// Reads a translation file; `folderLanguage` is the name of the folder it
    /// is in, which its `language:` must equal.
    public static func check(_ url: URL, folderLanguage: String? = nil) -> (translation: LessonTranslation?, problems: [LessonError]) {
        do { return check(try LessonFile.text(at: url), file: url.path, folderLanguage: folderLanguage) } catch let e as LessonError { return (nil, [e]) } catch {
            return (nil, [LessonError(file: url.path, line: 1, Phrase.describing(error))])
        }
    }

    /// Parses a translation; every problem found, by line. The translation is
    /// returned whenever its front matter parsed and names its lesson.
    public static func check(_ text: String, file: String, folderLanguage: String? = nil) -> (translation: LessonTranslation?, problems: [LessonError]) {
        var sink = LessonParser.Problems()
        let translation = parse(text, folderLanguage: folderLanguage, file: file, &sink)
        let problems = sink.all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map { item -> LessonError in
            var e = item.element
            e.file = file
            return e
        }
        return (translation, problems)
    }

    private static func parse(_ text: String, folderLanguage: String?, file: String, _ sink: inout LessonParser.Problems) -> LessonTranslation? {
        guard let parts = LessonParser.frontMatter(text, allowed: topKeys, &sink) else { return nil }
        let (lines, end, fields) = parts
        guard fields.optional("translation_of") != nil else {
            sink.all.append(LessonError(line: 2, Phrase(.language(.noTranslationOf))))
            return nil
        }
        guard let id = sink.attempt({ try fields.string("translation_of") }) else { return nil }
        let language = sink.attempt { try fields.string("language") } ?? folderLanguage ?? ""
        if let folderLanguage, let node = fields.optional("language"), !language.isEmpty, language != folderLanguage {
            sink.all.append(LessonError(line: node.line, Phrase(.language(.wrongLanguage), ["found": .text(language), "folder": .text(folderLanguage)])))
        }
        var t = LessonTranslation(lessonId: id, language: language, file: file)
        // A block's node starts on the line after its key; problems point at the key.
        func keyLine(_ key: String, _ value: FrontMatterNode) -> Int {
            var n = value.line
            while n > 1, n - 1 < lines.count, !lines[n - 1].trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") { n -= 1 }
            return n > 1 ? n : value.line
        }
        /// An empty block (`knobs:` with nothing under it) is an empty mapping.
        func mapping(_ node: FrontMatterNode) -> FrontMatterNode {
            if case .scalar("", let line) = node { return .map([], line: line) }
            return node
        }
        t.keyLines = Dictionary(fields.entries.map { ($0.key, keyLine($0.key, $0.value)) }, uniquingKeysWith: { a, _ in a })
        func optionalText(_ f: Fields, _ key: String) -> String? {
            f.optional(key) == nil ? nil : sink.attempt { try f.text(key) }
        }
        t.title = optionalText(fields, "title")
        t.chapter = optionalText(fields, "chapter")
        t.summary = optionalText(fields, "summary")
        if let node = fields.optional("knobs"), let knobs = sink.attempt({ try Fields(mapping(node), context: .knob, allowed: []) }) {
            for (name, value) in knobs.entries {
                t.knobLines[name] = keyLine(name, value)
                if let s = sink.attempt({ try shownText(value, name) }) { t.knobs[name] = s }
            }
        }
        if let node = fields.optional("checks"), let checks = sink.attempt({ try Fields(mapping(node), context: .check, allowed: []) }) {
            for (id, value) in checks.entries {
                guard let f = sink.attempt({ try Fields(value, context: .check, allowed: ["title", "hint"]) }) else { continue }
                sink.all += f.unknown
                t.checks[id] = LessonTranslation.CheckText(title: optionalText(f, "title"), hint: optionalText(f, "hint"), line: keyLine(id, value),
                                                           titleLine: f.optional("title")?.line ?? value.line)
            }
        }
        if let node = fields.optional("question"), let f = sink.attempt({ try Fields(node, context: .question, allowed: ["prompt", "choices"]) }) {
            sink.all += f.unknown
            t.prompt = optionalText(f, "prompt")
            if let choices = f.optional("choices") {
                t.choicesLine = keyLine("choices", choices)
                t.choices = sink.attempt { try Fields.list(choices, "choices").map { try shownText($0, "choices") } }
            }
        }
        if let node = fields.optional("misconception"), let f = sink.attempt({ try Fields(node, context: .misconception, allowed: ["claim", "truth"]) }) {
            sink.all += f.unknown
            t.claim = optionalText(f, "claim")
            t.truth = optionalText(f, "truth")
        }
        for (i, line) in lines.enumerated() where i > end {
            if let bad = TextCheck.controlCharacter(in: line, allowingTab: true) {
                sink.all.append(LessonError(line: i + 1, .proseHasCharacter, ["character": .phrase(bad)]))
            }
        }
        t.proseLine = end + 2
        t.pages = LessonParser.splitPages(Array(lines[(end + 1)...]))
        return t
    }

    /// A scalar shown to the learner: not empty, no control characters.
    private static func shownText(_ node: FrontMatterNode, _ key: String) throws -> String {
        let s = try Fields.scalar(node, key)
        guard !s.isEmpty else { throw LessonError(line: node.line, .emptyValue, ["key": .text(key)]) }
        if let bad = TextCheck.controlCharacter(in: s) {
            throw LessonError(line: node.line, .valueHasCharacter, ["key": .text(key), "character": .phrase(bad)])
        }
        return s
    }
}
