import LabText

/// The translatable text of one lesson in another language, read from
/// `lessons/<code>/NN-name.md` (`TranslationParser`) and keyed by the English
/// lesson's ids: its experiment, checks' expectations and progress stay in the
/// English file alone. Every field is optional: a missing one falls back to
/// the English (``Lesson/translated(by:)``), and `rnnlab lint` reports it.
public struct LessonTranslation: Sendable, Equatable {
    /// A check's translated title and hint.
    public struct CheckText: Sendable, Equatable {
        public var title: String?
        public var hint: String?
        /// The line of the check's id key, and of its `title:`.
        public var line: Int
        public var titleLine: Int
    }

    /// The id of the English lesson (`translation_of:`).
    public var lessonId: String
    /// The language's code (`language:`), e.g. `zh-Hans`.
    public var language: String
    public var file: String
    public var title: String?
    public var chapter: String?
    public var summary: String?
    /// knob name → the knob's summary.
    public var knobs: [String: String] = [:]
    /// check id → its title and hint.
    public var checks: [String: CheckText] = [:]
    /// The question's prompt and choices (nil: not translated).
    public var prompt: String?
    public var choices: [String]?
    /// The misconception box's claim and truth.
    public var claim: String?
    public var truth: String?
    /// Markdown pages, in the English file's order.
    public var pages: [String] = []

    /// Lines, for `rnnlab lint`: of each top key (`title`, `knobs`, `question`, …), of each knob entry.
    public var keyLines: [String: Int] = [:]
    public var knobLines: [String: Int] = [:]
    /// The line of the choices list, and of the first line after the front matter.
    public var choicesLine = 1
    public var proseLine = 1

    public init(lessonId: String, language: String, file: String) {
        self.lessonId = lessonId
        self.language = language
        self.file = file
    }

    /// The line of top key `key`, else the line of `translation_of:`.
    public func line(of key: String) -> Int { keyLines[key] ?? keyLines["translation_of"] ?? 1 }
}

extension Lesson {
    /// The lesson with `translation`'s texts over its own, field by field: a
    /// field the translation lacks stays English. Pages are taken by position
    /// (the English count is kept, so the page the learner is on exists in
    /// both); question choices only when they are as many as the English ones
    /// (the answer is an index). Ids, settings, checks' conditions: unchanged.
    public func translated(by translation: LessonTranslation?) -> Lesson {
        guard let t = translation, t.lessonId == id else { return self }
        var out = self
        out.title = t.title ?? title
        out.chapter = t.chapter ?? chapter
        out.summary = t.summary ?? summary
        out.pages = pages.indices.map { t.pages.indices.contains($0) ? t.pages[$0] : pages[$0] }
        for i in out.knobs.indices {
            if let text = t.knobs[out.knobs[i].name] { out.knobs[i].summary = .verbatim(text) }
        }
        for i in out.checks.indices {
            guard let c = t.checks[out.checks[i].id] else { continue }
            out.checks[i].title = c.title ?? out.checks[i].title
            out.checks[i].hint = c.hint ?? out.checks[i].hint
        }
        if var q = out.question {
            q.prompt = t.prompt ?? q.prompt
            if let choices = t.choices, choices.count == q.choices.count { q.choices = choices }
            out.question = q
        }
        if var m = out.misconception {
            m.claim = t.claim ?? m.claim
            m.truth = t.truth ?? m.truth
            out.misconception = m
        }
        return out
    }
}

/// Every translation of a lesson folder, by language code and lesson id.
public struct LessonTranslations: Sendable {
    /// language code → English lesson id → translation.
    public var byLanguage: [String: [String: LessonTranslation]] = [:]
    /// Translation files that did not parse, and lessons translated twice.
    public var problems: [LessonError] = []

    public init(byLanguage: [String: [String: LessonTranslation]] = [:], problems: [LessonError] = []) {
        self.byLanguage = byLanguage
        self.problems = problems
    }

    /// The translation of lesson `id` into `language`, if there is one.
    public func translation(of id: String, in language: String) -> LessonTranslation? { byLanguage[language]?[id] }

    /// `lessons` in `language`: each translated where a translation exists.
    public func localize(_ lessons: [Lesson], to language: String) -> [Lesson] {
        lessons.map { $0.translated(by: translation(of: $0.id, in: language)) }
    }
}
