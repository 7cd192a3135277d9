/// Choosing the language (`--lang`, `$RNNLAB_LANG`, the toggle key), and the
/// problems `rnnlab lint` finds in a lesson translation (`lessons/zh-Hans/…`).
/// Each translation problem is shown after its place (``LessonFileKey/atLine``).
public enum LanguageKey: String, CaseIterable, Sendable {
    /// `--lang xx` or `RNNLAB_LANG=xx` names no language of the lab.
    case unknownLanguage
    /// The status line after the toggle key.
    case switched
    // A translation file and its English lesson.
    case noTranslationOf
    case noSuchLesson
    case wrongLanguage
    case translatedTwice
    case missingField
    case extraField
    case missingKnob
    case extraKnob
    case missingCheck
    case extraCheck
    case missingCheckField
    case extraCheckField
    case pageCount
    case choiceCount
    case titleNumbers
    case chapterDiffers

    public var placeholders: Set<String> {
        switch self {
        case .unknownLanguage: return ["code", "source", "languages"]
        case .switched: return ["language"]
        case .noTranslationOf: return []
        case .noSuchLesson: return ["id", "lessons"]
        case .wrongLanguage: return ["found", "folder"]
        case .translatedTwice: return ["id", "other"]
        case .missingField, .extraField: return ["key"]
        case .missingKnob: return ["name"]
        case .extraKnob: return ["name", "knobs"]
        case .missingCheck: return ["id"]
        case .extraCheck: return ["id", "checks"]
        case .missingCheckField, .extraCheckField: return ["id", "key"]
        case .pageCount, .choiceCount: return ["count", "english"]
        case .titleNumbers: return ["id", "found", "expected"]
        case .chapterDiffers: return ["chapter", "other", "file"]
        }
    }
}
