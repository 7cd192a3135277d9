/// Which settings a check's claim is about: the lesson's, with the check's
/// `set:` over them. A live run counts for a check only while its settings are
/// exactly these — every setting, not only those the check names — so "a tanh
/// RNN with 32 units…" is never credited to a ReLU RNN with 64.
///
/// The seed is the one exception: every claim holds over several seeds (they
/// are calibrated that way, and `rnnlab verify --seed` checks them at any), so
/// a learner who changes the seed still proves the same claim.
public enum CheckEligibility {
    /// Settings that may differ from the check's without changing what it claims.
    public static let free: Set<String> = ["seed"]

    /// The settings `check` is judged under. A check on another task (`task:`) keeps
    /// the lesson's model and training settings, takes that task's own knobs at their
    /// defaults (the lesson's task knobs mean nothing there), then its `set:`.
    public static func settings(of check: LessonCheck, in lesson: Lesson) -> [String: SettingValue] {
        guard let task = check.task, task != lesson.task else { return lesson.settings.merging(check.set) { _, set in set } }
        let general = Set(ExperimentSettings.definitions.map(\.name))
        var out = lesson.settings.filter { general.contains($0.key) }
        for d in ExperimentSettings.definitions(forTask: task) where out[d.name] == nil { out[d.name] = d.defaultValue }
        return out.merging(check.set) { _, set in set }
    }

    /// Whether a run with `settings` may be judged for `check`; never for a check on
    /// another task than the lesson's, which the live run does not train on.
    public static func matches(_ check: LessonCheck, in lesson: Lesson, _ settings: [String: SettingValue]) -> Bool {
        check.taskName(in: lesson) == lesson.task && differences(check, in: lesson, settings).isEmpty
    }

    /// The names of the settings in which `settings` differ from the check's, sorted.
    public static func differences(_ check: LessonCheck, in lesson: Lesson, _ settings: [String: SettingValue]) -> [String] {
        let wanted = self.settings(of: check, in: lesson)
        let names = Set(wanted.keys).union(settings.keys).subtracting(free)
        return names.filter { name in
            switch (settings[name], wanted[name]) {
            case let (.number(a)?, .number(b)?): return !(abs(a - b) <= 1e-9 * max(1, abs(b)))
            case let (a?, b?): return a != b
            default: return true
            }
        }.sorted()
    }
}
