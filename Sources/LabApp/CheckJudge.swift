import RNNLab

/// Decides when the live run meets a lesson's checks.
///
/// A check counts only for a run whose settings match the check's `set`
/// values for the whole run: settings changed at step 0 count as the run's
/// own, a live change later makes a check that no longer matches ineligible
/// until the next rebuild or reset. `when: any` checks pass at the first
/// evaluation within `steps` where the condition holds; `when: end` checks
/// are judged once, at the first report with `step >= steps`.
enum CheckJudge {
    /// Whether `settings` agree with every value `check` sets.
    static func matches(_ check: LessonCheck, _ settings: [String: SettingValue]) -> Bool {
        check.set.allSatisfy { name, wanted in
            guard let have = settings[name] else { return false }
            switch (have, wanted) {
            case let (.number(a), .number(b)): return abs(a - b) <= 1e-9 * max(1, abs(b))
            default: return have == wanted
            }
        }
    }

    /// After a (re)build: the checks whose settings the new run has.
    static func resetEligibility(_ run: inout RunState, checks: [LessonCheck]) {
        run.eligibleChecks = Set(checks.filter { matches($0, run.settings) }.map(\.id))
    }

    /// After a live change at `step`.
    static func settingsChanged(_ run: inout RunState, checks: [LessonCheck], atStep step: Int) {
        let now = Set(checks.filter { matches($0, run.settings) }.map(\.id))
        run.eligibleChecks = step == 0 ? now : run.eligibleChecks.intersection(now)
    }

    /// Judges the checks after `report` was recorded; returns the progress to save.
    static func judge(_ ls: inout LessonState, after report: StepReport,
                      completed: inout [String: Set<String>]) -> [AppEffect] {
        var effects: [AppEffect] = []
        // A check over several runs (seeds, versus) is judged by `rnnlab verify`, not by one live run.
        for check in ls.lesson.checks where !check.isMultiRun && ls.run.eligibleChecks.contains(check.id)
            && !ls.run.passedChecks.contains(check.id) {
            let holds: Bool
            switch check.when {
            case .any:
                guard report.evaluation != nil, report.step <= check.steps else { continue }
                holds = (try? check.expect.evaluate(ls.run.metrics.values).get()) ?? false
            case .end:
                guard report.step >= check.steps, !ls.run.judgedChecks.contains(check.id) else { continue }
                ls.run.judgedChecks.insert(check.id)
                holds = (try? check.expect.evaluate(ls.run.metrics.values).get()) ?? false
            }
            guard holds else { continue }
            ls.run.passedChecks.insert(check.id)
            ls.message = StatusMessage("✓ " + check.title)
            if !(completed[ls.lesson.id]?.contains(check.id) ?? false) {
                completed[ls.lesson.id, default: []].insert(check.id)
                effects.append(.markDone(lesson: ls.lesson.id, check: check.id))
            }
        }
        return effects
    }
}
