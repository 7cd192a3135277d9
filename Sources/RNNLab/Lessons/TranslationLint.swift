import Foundation
import LabText

/// What `rnnlab lint` checks of a lesson translation against its English
/// lesson, beyond what reading it refuses (`TranslationParser`):
///
/// - `translation_of` names a lesson; no lesson is translated twice;
/// - title, chapter and summary are there; every knob with an own `summary:` in
///   the English file, every check (its title, and its hint when the English has
///   one), the question (prompt and as many choices) and the misconception box
///   (claim and truth) are translated, and nothing the English lacks;
/// - as many pages as the English;
/// - each check title quotes the same numbers as the English title (``titleNumbers(_:)``);
/// - lessons of one English chapter name it alike.
public enum TranslationLint {
    /// Every problem of `translation` against `lesson`, each at its line.
    public static func problems(_ t: LessonTranslation, lesson: Lesson) -> [LessonError] {
        var out: [LessonError] = []
        func add(_ line: Int, _ key: LanguageKey, _ arguments: [String: TextArgument]) {
            out.append(LessonError(file: t.file, line: line, Phrase(.language(key), arguments)))
        }
        let top = t.line(of: "translation_of")
        for (key, value) in [("title", t.title), ("chapter", t.chapter), ("summary", t.summary)] where value == nil {
            add(top, .missingField, ["key": .text(key)])
        }
        // Knobs: those whose English entry has its own summary (the others' come from the catalogue).
        let own = lesson.knobs.filter(hasOwnSummary).map(\.name)
        for name in own where t.knobs[name] == nil { add(t.line(of: "knobs"), .missingKnob, ["name": .text(name)]) }
        for name in t.knobs.keys.sorted() where !own.contains(name) {
            add(t.knobLines[name] ?? t.line(of: "knobs"), .extraKnob, ["name": .text(name), "knobs": .list(own)])
        }
        // Checks: every one, by id, with what the English has.
        for check in lesson.checks {
            guard let c = t.checks[check.id] else {
                add(t.line(of: "checks"), .missingCheck, ["id": .text(check.id)])
                continue
            }
            if c.title == nil { add(c.line, .missingCheckField, ["id": .text(check.id), "key": "title"]) }
            if c.hint == nil && !check.hint.isEmpty { add(c.line, .missingCheckField, ["id": .text(check.id), "key": "hint"]) }
            if c.hint != nil && check.hint.isEmpty { add(c.line, .extraCheckField, ["id": .text(check.id), "key": "hint"]) }
            if let title = c.title {
                let found = titleNumbers(title), expected = titleNumbers(check.title)
                if !sameNumbers(found, expected) {
                    add(c.titleLine, .titleNumbers, ["id": .text(check.id), "found": .list(found.map(\.text)), "expected": .list(expected.map(\.text))])
                }
            }
        }
        for id in t.checks.keys.sorted() where !lesson.checks.contains(where: { $0.id == id }) {
            add(t.checks[id]!.line, .extraCheck, ["id": .text(id), "checks": .list(lesson.checks.map(\.id))])
        }
        // The question and the misconception box.
        if let q = lesson.question {
            if t.prompt == nil { add(t.line(of: "question"), .missingField, ["key": "question.prompt"]) }
            if let choices = t.choices {
                if choices.count != q.choices.count {
                    add(t.choicesLine, .choiceCount, ["count": .integer(choices.count), "english": .integer(q.choices.count)])
                }
            } else {
                add(t.line(of: "question"), .missingField, ["key": "question.choices"])
            }
        } else if t.keyLines["question"] != nil {
            add(t.line(of: "question"), .extraField, ["key": "question"])
        }
        if lesson.misconception != nil {
            if t.claim == nil { add(t.line(of: "misconception"), .missingField, ["key": "misconception.claim"]) }
            if t.truth == nil { add(t.line(of: "misconception"), .missingField, ["key": "misconception.truth"]) }
        } else if t.keyLines["misconception"] != nil {
            add(t.line(of: "misconception"), .extraField, ["key": "misconception"])
        }
        if t.pages.count != lesson.pages.count {
            add(t.proseLine, .pageCount, ["count": .integer(t.pages.count), "english": .integer(lesson.pages.count)])
        }
        return out
    }

    /// Problems of a whole folder of translations against the English `lessons`:
    /// a translation of no lesson, a lesson translated twice, and translated
    /// chapters that differ where the English chapter is one.
    /// `unloaded`: ids of English lessons whose files have problems of their
    /// own (reported there): their translations are not compared.
    public static func folderProblems(_ translations: [LessonTranslation], lessons: [Lesson], unloaded: Set<String> = []) -> [LessonError] {
        var out: [LessonError] = []
        var seen: [String: String] = [:]
        var chapters: [String: (chapter: String, file: String)] = [:]
        for t in translations {
            guard let lesson = lessons.first(where: { $0.id == t.lessonId }) else {
                if unloaded.contains(t.lessonId) { continue }
                out.append(LessonError(file: t.file, line: t.line(of: "translation_of"),
                                       Phrase(.language(.noSuchLesson), ["id": .text(t.lessonId), "lessons": .list(lessons.map(\.id))])))
                continue
            }
            if let other = seen[t.lessonId] {
                out.append(LessonError(file: t.file, line: t.line(of: "translation_of"),
                                       Phrase(.language(.translatedTwice), ["id": .text(t.lessonId), "other": .text(other)])))
                continue
            }
            seen[t.lessonId] = t.file
            guard let chapter = t.chapter else { continue }
            if let first = chapters[lesson.chapter], first.chapter != chapter {
                out.append(LessonError(file: t.file, line: t.line(of: "chapter"), Phrase(.language(.chapterDiffers), [
                    "chapter": .text(chapter), "other": .text(first.chapter), "file": .text(first.file)])))
            } else if chapters[lesson.chapter] == nil {
                chapters[lesson.chapter] = (chapter, t.file)
            }
        }
        return out
    }

    /// Whether a knob's summary is the lesson's own (`summary:` in its file), not the catalogue's.
    static func hasOwnSummary(_ knob: LessonKnob) -> Bool {
        knob.summary.key == nil && Language.english.render(knob.summary) != knob.name
    }

    /// A number quoted in a title: as written, and its value (a percentage divided by 100).
    public struct QuotedNumber: Sendable, Equatable {
        public var text: String
        public var value: Double
    }

    /// The numbers a check title quotes, in order: ASCII digits with an optional
    /// fraction, exponent (`1e-3`) and `%`; thousands may be grouped (`10,000`).
    /// The rule for a translation: the same numbers as the English title, each
    /// as often, in any order; a number may be written as a percentage or a
    /// fraction (`0.9` ≡ `90%`). Chinese numerals (九十) and full-width digits
    /// (９０) do not count as numbers, so the lint asks for them as the English
    /// writes them: thresholds are quoted exactly.
    public static func titleNumbers(_ title: String) -> [QuotedNumber] {
        title.matches(of: /[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?%?/).compactMap { m in
            let text = String(m.output)
            let percent = text.hasSuffix("%")
            let digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
            guard let v = Double(digits) else { return nil }
            return QuotedNumber(text: text, value: percent ? v / 100 : v)
        }
    }

    /// Whether two titles' numbers are the same multiset of values.
    static func sameNumbers(_ a: [QuotedNumber], _ b: [QuotedNumber]) -> Bool {
        let x = a.map(\.value).sorted(), y = b.map(\.value).sorted()
        return x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0), abs($1)) }
    }
}

extension TranslationLint {
    /// Whether `url` is a translation file: its front matter has `translation_of:`
    /// (false for a file that cannot be read: it is then read as a lesson, which says why).
    public static func isTranslation(_ url: URL) -> Bool {
        guard let text = try? LessonFile.text(at: url) else { return false }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) }) == "---" else { return false }
        for line in lines.dropFirst() {
            if line.trimmingCharacters(in: .whitespaces) == "---" { return false }
            if line.hasPrefix("translation_of:") { return true }
        }
        return false
    }

    /// Every problem of the translation `files` against the English lessons of
    /// the folder above each (`lessons/zh-Hans/x.md` → `lessons/`), with the
    /// folder's name as the language each must declare. In file order, each
    /// file's by line.
    public static func lint(_ files: [URL]) -> [LessonError] {
        var englishByFolder: [String: [Lesson]] = [:]
        var unloadedByFolder: [String: Set<String>] = [:]
        var out: [LessonError] = []
        var read: [(LessonTranslation, URL)] = []
        for file in files {
            let folder = file.deletingLastPathComponent()
            let (translation, found) = TranslationParser.check(file, folderLanguage: folder.lastPathComponent)
            var problems = found
            let english = folder.deletingLastPathComponent()
            let lessons = englishByFolder[english.path] ?? LessonLibrary.load(english).lessons
            englishByFolder[english.path] = lessons
            if unloadedByFolder[english.path] == nil {
                // Lessons whose files have problems: their ids, read as far as the file allows.
                let all = ((try? LessonLibrary.files(in: english)) ?? []).compactMap { LessonParser.check($0).lesson?.id }
                unloadedByFolder[english.path] = Set(all).subtracting(lessons.map(\.id))
            }
            if let translation {
                read.append((translation, english))
                if let lesson = lessons.first(where: { $0.id == translation.lessonId }) {
                    problems += Self.problems(translation, lesson: lesson)
                }
            }
            out += problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        }
        // Per English folder and language: unknown lessons, doubles, chapters.
        var groups: [String: [LessonTranslation]] = [:]
        var order: [String] = []
        for (t, english) in read {
            let key = english.path + "\u{0}" + URL(fileURLWithPath: t.file).deletingLastPathComponent().lastPathComponent
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(t)
        }
        for key in order {
            let english = String(key.split(separator: "\u{0}")[0])
            out += folderProblems(groups[key]!, lessons: englishByFolder[english] ?? [], unloaded: unloadedByFolder[english] ?? [])
        }
        return out
    }
}
