import LabText
import RNNLab

/// The language toggle (`t`, F2): the next of ``AppState/languages``, the
/// whole frame and the lesson prose in it, remembered in `place.json`.
extension AppState {
    /// Writes the lab in `language`: its messages, and every lesson's title,
    /// chapter, pages, knob summaries, checks' titles and hints, question and
    /// misconception box from ``translations`` (English where one is missing).
    /// The open lesson stays on its page, and at the same place of it, as near
    /// as the new text allows; the home screen keeps its lesson selected.
    public mutating func setLanguage(_ new: Language) {
        let selected = homeOrder.indices.contains(homeSelection) ? homeOrder[homeSelection] : nil
        let oldMaxScroll = lesson.map { $0.maxProseScroll(width: width, height: height, language: language) } ?? 0
        language = new
        lessons = translations.localize(englishLessons, to: new.code)
        if let selected, let row = homeOrder.firstIndex(of: selected) { homeSelection = row }
        guard var ls = lesson, lessons.indices.contains(ls.index) else { return }
        ls.lesson = lessons[ls.index]
        ls.page = min(ls.page, max(0, ls.lesson.pages.count - 1))
        // The same fraction of the page: the translated page is longer or shorter.
        let most = ls.maxProseScroll(width: width, height: height, language: new)
        ls.scroll = oldMaxScroll > 0 ? min(most, Int((Double(ls.scroll) * Double(most) / Double(oldMaxScroll)).rounded())) : min(ls.scroll, most)
        lesson = ls
    }

    /// The language after the current one in ``languages`` (the first after the last).
    var nextLanguage: Language {
        guard !languages.isEmpty else { return language }
        let i = languages.firstIndex(of: language) ?? -1
        return languages[(i + 1) % languages.count]
    }
}

/// Whether `key` is the language toggle: `t`, or F2 (which the run loop sends as `t`).
func isLanguageKey(_ key: AppKey) -> Bool { key == .character("t") }

/// Whether the toggle key switches the language now: not while a value, a
/// step count or an answer is being typed or chosen (there the key is text,
/// or means nothing).
func languageKeyApplies(_ state: AppState) -> Bool {
    guard let ls = state.lesson else { return true }
    return ls.editor == nil && ls.stepsPrompt == nil && ls.quiz == nil && !ls.confirmingLeave
}

/// The toggle key: the next language, chosen for next time too.
func languageKey(_ state: inout AppState) -> [AppEffect] {
    let next = state.nextLanguage
    guard next != state.language else { return [] }
    state.setLanguage(next)
    state.chosenLanguage = next.code
    state.lesson?.message = StatusMessage(.language(.switched), ["language": .text(next.name)])
    return []
}
