import LabText

/// The names a check's condition may use, for one check of one lesson: what
/// `rnnlab verify` and the lab will have in hand when they judge it.
///
/// - the run's own metrics (`RunMetrics.kinds`: loss, validation_loss, grad_ratio, …);
/// - the task's metrics by id (accuracy, mse, …) and each as `baseline_<id>`;
/// - the measurements that apply to the check's model and task (`Measurement`);
/// - with `until`: `reached` and `reached_at`; with two or more `seeds`: `runs`;
/// - with `versus`: `versus_<name>` for each of the above.
///
/// `until` is judged on one run's metrics, so it may name only the first three kinds.
public struct CheckVocabulary {
    /// Every name the expect condition may use, with what it is.
    public private(set) var kinds: [String: MetricKind] = [:]
    /// Names that exist in other checks but not this one, with why.
    private var unavailable: [String: Phrase] = [:]
    private var untilNames: Set<String> = []

    /// `taskMetrics`: the metrics the check's task scores (`SequenceTask.metricKinds`): the lesson's, or the one its `task:` names.
    public init(lesson: Lesson, check: LessonCheck, taskMetrics: [MetricKind], taskKind: TaskKind, hasMarker: Bool) {
        var base: [String: MetricKind] = [:]
        for k in RunMetrics.kinds + taskMetrics { base[k.id.rawValue] = k }
        for k in taskMetrics { base[k.id.baseline] = MetricKind(k.id, label: Phrase(.label(.baselineOf), ["label": .phrase(k.labelPhrase)]), lowerIsBetter: k.lowerIsBetter,
                                                               range: k.range, isFraction: k.isFraction) }
        let settings = CheckEligibility.settings(of: check, in: lesson)
        var arms = [settings]
        if let versus = check.versus {
            var other = settings
            for (name, value) in versus { other[name] = value }
            arms.append(other)
        }
        for m in Measurement.all {
            let reasons = arms.compactMap { m.unavailable($0, taskKind, hasMarker) }
            for k in m.yields {
                if let reason = reasons.first {
                    unavailable[k.id.rawValue] = Phrase(.check(.measurementUnavailable), ["metric": .text(k.id.rawValue), "reason": .phrase(reason)])
                } else {
                    base[k.id.rawValue] = k
                }
            }
        }
        untilNames = Set(base.keys)
        kinds = base
        let reached = MetricKind(MetricID("reached"), label: .reached, lowerIsBetter: false, range: 0...1)
        let reachedAt = MetricKind(MetricID("reached_at"), label: .reachedAt, lowerIsBetter: true, range: 0...Double(check.steps))
        if check.until != nil {
            kinds["reached"] = reached
            kinds["reached_at"] = reachedAt
        } else {
            unavailable["reached"] = Phrase(.check(.needsUntil), ["name": "reached"])
            unavailable["reached_at"] = Phrase(.check(.needsUntil), ["name": "reached_at"])
        }
        if check.versus != nil {
            for (name, k) in kinds { kinds["versus_" + name] = k }
        } else {
            unavailable["versus_"] = Phrase(.check(.needsVersus))
        }
        if check.seeds.count > 1 {
            kinds["runs"] = MetricKind(MetricID("runs"), label: .runs, lowerIsBetter: false,
                                       range: Double(check.seeds.count)...Double(check.seeds.count))
        } else {
            unavailable["runs"] = Phrase(.check(.needsSeeds))
        }
    }

    /// Why `name` cannot be used in the check's `expect` (or, with `inUntil`, its
    /// `until`), or nil when it can.
    public func problem(_ name: String, inUntil: Bool = false) -> Phrase? {
        if inUntil ? untilNames.contains(name) : kinds[name] != nil { return nil }
        if inUntil, kinds[name] != nil {
            return Phrase(.check(.untilCannotName), ["name": .text(name), "names": .list(untilNames.sorted())])
        }
        if let why = unavailable[name] ?? (name.hasPrefix("versus_") ? unavailable["versus_"] : nil) { return why }
        if name.hasPrefix("versus_"), let why = problem(String(name.dropFirst(7)), inUntil: inUntil) { return why }
        let names = (inUntil ? Array(untilNames) : Array(kinds.keys)).filter { !$0.hasPrefix("versus_") }.sorted()
        return Phrase(.check(.unknownMetric), ["name": .text(name), "metrics": .list(names)])
    }
}
