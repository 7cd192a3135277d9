import RNNLab

/// Judges the open lesson's checks on its live run with ``LiveChecks`` — the
/// same fold and verdict as `rnnlab verify` — and turns what it decides into
/// messages and progress to save. No rules of its own live here.
enum CheckJudge {
    /// After a (re)build: every check starts afresh on the new run.
    static func start(_ ls: inout LessonState, info: ExperimentInfo) {
        ls.run.checks.start(ls.lesson, info)
    }

    /// After a live change at `step`.
    static func settingsChanged(_ ls: inout LessonState, atStep step: Int) {
        ls.run.checks.settingsChanged(ls.lesson, settings: ls.run.settings, atStep: step)
    }

    /// Judges the checks after `report`; returns the progress to save.
    static func judge(_ ls: inout LessonState, after report: StepReport,
                      completed: inout [String: Set<String>]) -> [AppEffect] {
        var effects: [AppEffect] = []
        for (check, verdict) in ls.run.checks.observe(report, lesson: ls.lesson) {
            guard verdict.passed else {
                ls.message = StatusMessage(.checkNotMet, ["title": .text(check.title), "detail": .phrase(CheckRunner.describe(verdict))],
                                           isError: true)
                continue
            }
            ls.message = StatusMessage(.checkMet, ["title": .text(check.title)])
            if !(completed[ls.lesson.id]?.contains(check.id) ?? false) {
                completed[ls.lesson.id, default: []].insert(check.id)
                effects.append(.markDone(lesson: ls.lesson.id, check: check.id))
            }
        }
        return effects
    }
}
