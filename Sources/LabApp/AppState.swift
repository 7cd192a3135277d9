import LabText
import RNNLab
import TerminalUI

/// Which screen is shown.
public enum Screen: Sendable, Equatable {
    case home
    case lesson
}

/// The whole state of the lab, as a value: `update` changes it, `view` draws it.
public struct AppState: Sendable {
    /// Every lesson, in library order.
    public var lessons: [Lesson]
    /// Lesson files that did not load (each with its file and line), shown on
    /// the home screen in the language of the frame.
    public var problems: [Phrase]
    /// lesson id → ids of the checks met (a copy of the progress store's).
    public var completed: [String: Set<String>]
    /// True until the first lesson is opened.
    public var firstStart: Bool
    /// lesson id → the last knob values the learner chose.
    public var savedKnobs: [String: [String: SettingValue]]
    /// lesson id → question id → the learner's prediction (a copy of the progress store's).
    public var answers: [String: [String: Int]] = [:]
    /// A classroom start (`rnnlab --fresh`): lessons open with their own settings,
    /// not the knobs saved on an earlier visit (which are kept, not erased).
    public var opensWithLessonDefaults = false
    /// The lesson last opened (from `place.json`, then this session's).
    public var lastLesson: String?
    /// lesson id → the prose page last shown there: a lesson opens at it.
    public var lastPages: [String: Int] = [:]
    /// Presentation mode (`f`): the lesson screen shows the dashboard alone,
    /// as large as the screen allows. Kept from lesson to lesson.
    public var presenting = false
    /// Lines for the home screen, e.g. a progress file that was set aside, or a
    /// save that failed: phrases, written in the language of the frame.
    public var notices: [Phrase]

    /// Terminal size in cells.
    public var width: Int
    public var height: Int

    public var screen: Screen = .home
    /// Index into ``homeRows`` of the selected lesson.
    public var homeSelection = 0
    /// The open lesson, when ``screen`` is `.lesson`.
    public var lesson: LessonState?
    public var showHelp = false
    /// How far the help overlay is scrolled (on a screen too short for every key).
    public var helpScroll = 0
    /// The language the screens are written in (a table of the message catalogue).
    /// ``setLanguage(_:)`` changes it and translates the lessons too.
    public var language: Language = .english
    /// The languages the toggle key (`t`, F2) cycles through, in order.
    public var languages: [Language] = Language.all
    /// The language the learner chose with the toggle key (a code), kept in
    /// `place.json` so the next launch opens in it; nil until they choose.
    public var chosenLanguage: String?
    /// The lessons' translations, by language (``AppState/setLanguage(_:)`` applies them).
    public var translations = LessonTranslations()
    /// ``lessons`` as read, in English: the source of every translation.
    public private(set) var englishLessons: [Lesson]
    /// Set once the app has asked to quit.
    public var quitting = false

    public init(lessons: [Lesson], problems: [Phrase] = [], completed: [String: Set<String>] = [:],
                firstStart: Bool = false, savedKnobs: [String: [String: SettingValue]] = [:],
                notices: [Phrase] = [], width: Int = 80, height: Int = 24) {
        self.lessons = lessons
        self.englishLessons = lessons
        self.problems = problems
        self.completed = completed
        self.firstStart = firstStart
        self.savedKnobs = savedKnobs
        self.notices = notices
        self.width = width
        self.height = height
    }

    /// Lesson indices in home-screen order: grouped by chapter, chapters in
    /// order of first appearance.
    public var homeOrder: [Int] {
        var chapters: [String] = []
        for l in lessons where !chapters.contains(l.chapter) { chapters.append(l.chapter) }
        return chapters.flatMap { c in lessons.indices.filter { lessons[$0].chapter == c } }
    }

    /// Checks met for a lesson.
    public func doneCount(_ lesson: Lesson) -> Int {
        lesson.checks.filter { completed[lesson.id]?.contains($0.id) ?? false }.count
    }

    /// The smallest terminal the lab draws in.
    public static let minimumWidth = 60
    public static let minimumHeight = 20

    /// Whether the terminal is too small to draw the lab.
    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }
}
