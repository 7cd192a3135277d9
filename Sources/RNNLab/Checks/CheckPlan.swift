import LabText

/// The training runs one check needs, and how their outcomes make its result.
///
/// A check with `seeds` or `versus` is several runs: one per seed, for the
/// check's settings and, with `versus`, again with the versus settings. `runs`
/// lists them arm by arm, seed by seed within an arm (arms × seeds entries);
/// every entry carries its seed when there is one to set.
public struct CheckPlan: Sendable {
    public let lesson: Lesson
    public let check: LessonCheck
    /// The task every run trains on (the check's `task:` or the lesson's).
    public let task: String
    /// The seeds of an arm, in order; nil keeps the settings' own seed.
    public let seeds: [Int?]
    /// The settings of each run, arm by arm (arms × seeds entries).
    public let runs: [[String: SettingValue]]

    /// The plan of `check`. A `seed` overrides the lesson's seed; for a check
    /// with n seeds it makes them seed, seed+1, …, seed+n−1.
    public init(_ check: LessonCheck, of lesson: Lesson, seed: Int? = nil) {
        self.lesson = lesson
        self.check = check
        task = check.taskName(in: lesson)
        let settings = CheckEligibility.settings(of: check, in: lesson)
        let seeds: [Int?] = check.seeds.isEmpty ? [seed] : check.seeds.indices.map { i in seed.map { $0 + i } ?? check.seeds[i] }
        self.seeds = seeds
        var arms: [[String: SettingValue]] = [settings]
        if let versus = check.versus { arms.append(settings.merging(versus) { _, v in v }) }
        runs = arms.flatMap { arm in
            seeds.map { s in
                var run = arm
                if let s { run["seed"] = .number(Double(s)) }
                return run
            }
        }
    }

    /// The check's result from the outcomes of its runs, in the order of `runs`.
    /// The first run that could not be made decides it (as a failure with its
    /// reason), and the runs after it are not needed: `outcomes` may stop there.
    /// `seconds` is the time the runs took. Steps are summed over the runs judged.
    public func result(_ outcomes: [Result<CheckRun.Outcome, Reason>], seconds: Double) -> CheckResult {
        var steps = 0
        var judged: [CheckRun.Outcome] = []
        func result(_ passed: Bool, _ detail: Phrase, _ verdict: CheckVerdict? = nil) -> CheckResult {
            CheckResult(lesson: lesson.id, check: check.id, title: check.title, passed: passed, detail: detail,
                        steps: steps, seconds: seconds, verdict: verdict)
        }
        for outcome in outcomes {
            switch outcome {
            case .success(let o):
                steps += o.steps
                judged.append(o)
            case .failure(let reason):
                return result(false, reason.phrase)
            }
        }
        guard judged.count == runs.count else { return result(false, Phrase(.check(.cancelled))) }
        let n = seeds.count
        let verdict = CheckVerdict.judge(check, runs: Array(judged[0..<n]), versusRuns: Array(judged[n...]),
                                         seeds: check.seeds.isEmpty ? [] : seeds.map { $0 ?? 0 })
        return result(verdict.passed, CheckRunner.describe(verdict), verdict)
    }
}
