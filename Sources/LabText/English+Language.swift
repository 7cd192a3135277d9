extension English {
    static let languageTexts: [LanguageKey: String] = [
        .unknownLanguage: "unknown language “{code}” (from {source}); the lab has: {languages}",
        .switched: "Language: {language}",
        .noTranslationOf: "a translation needs translation_of: the id of the English lesson it translates",
        .noSuchLesson: "translation_of: {id} names no lesson; the lessons are: {lessons}",
        .wrongLanguage: "language: {found} does not match the folder the file is in ({folder})",
        .translatedTwice: "lesson {id} is translated twice: here and in {other}",
        .missingField: "no {key} here, but the English lesson has one: translate it",
        .extraField: "{key}: the English lesson has none, so there is nothing to translate",
        .missingKnob: "knob {name} has a summary in the English lesson but none here",
        .extraKnob: "knob {name}: the English lesson has no summary for a knob of that name (knobs with one: {knobs})",
        .missingCheck: "check {id} of the English lesson is not translated",
        .extraCheck: "check {id}: the English lesson has no such check (its checks: {checks})",
        .missingCheckField: "check {id} has no {key} here, but the English check has one",
        .extraCheckField: "check {id}: {key} has nothing to translate (the English check has none)",
        .pageCount: "{count} {count:page|pages} here, {english} in the English lesson: translate every page, in order",
        .choiceCount: "{count} {count:choice|choices} here, {english} in the English question: keep their number and order",
        .titleNumbers: "check {id}: the title quotes the numbers {found}, the English title {expected}; quote each number as the English does (0.9 may be written 90%)",
        .chapterDiffers: "chapter “{chapter}” differs from “{other}” in {file}, which translates the same English chapter",
    ]
}
