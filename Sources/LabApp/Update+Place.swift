import RNNLab

/// The learner's place: which lesson was open and the page of each, kept in
/// `place.json` (``PlaceStore``) so that the lab reopens where it was left.
/// `update` keeps it in the state; the run loop saves it whenever it changes.
extension AppState {
    /// The place as it is now: the open lesson (else the last one opened),
    /// whether it is open, and the page of every lesson visited.
    public var place: Place {
        var pages = lastPages
        if let ls = lesson { pages[ls.lesson.id] = ls.page }
        return Place(lesson: lesson?.lesson.id ?? lastLesson, open: screen == .lesson && lesson != nil, pages: pages,
                     language: chosenLanguage)
    }

    /// Takes a place read at launch: the lesson list's selection on its lesson
    /// and the pages to open lessons at. Returns whether its lesson was open
    /// (then send ``AppMessage/resume`` to reopen it). Lessons that no longer
    /// exist are ignored. `rnnlab --fresh` does not call this.
    public mutating func restore(_ place: Place) -> Bool {
        chosenLanguage = place.language
        lastPages = place.pages.filter { id, _ in lessons.contains { $0.id == id } }
        guard let id = place.lesson, let index = lessons.firstIndex(where: { $0.id == id }) else { return false }
        lastLesson = id
        if let row = homeOrder.firstIndex(of: index) { homeSelection = row }
        return place.open
    }
}

/// Reopens the last lesson at its page, when the learner left it open.
func resume(_ state: inout AppState) -> [AppEffect] {
    guard state.screen == .home, let id = state.lastLesson,
          let index = state.lessons.firstIndex(where: { $0.id == id }) else { return [] }
    return openLesson(&state, index: index)
}

/// After a key: the page of the open lesson is remembered, to open it there
/// again after leaving. (The run loop saves ``AppState/place`` when it changes.)
func rememberPage(_ state: inout AppState) {
    if let ls = state.lesson, state.lastPages[ls.lesson.id] != ls.page { state.lastPages[ls.lesson.id] = ls.page }
}
