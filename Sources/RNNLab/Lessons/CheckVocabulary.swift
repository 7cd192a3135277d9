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
        // Over several seeds: each metric's spread (greatest − least over the seeds).
        if check.seeds.count > 1 {
            for (name, k) in kinds where untilNames.contains(name) {
                kinds[Self.spreadPrefix + name] = MetricKind(MetricID(Self.spreadPrefix + name), label: Phrase(.label(.spreadOf), ["label": .phrase(k.labelPhrase)]),
                                                            lowerIsBetter: true, range: Self.widthRange(k.range), isFraction: k.isFraction)
            }
        } else {
            unavailable[Self.spreadPrefix] = Phrase(.check(.needsSeeds))
        }
        if check.versus != nil {
            for (name, k) in kinds { kinds["versus_" + name] = k }
            // The two arms' means apart, without sign: to set beside a spread.
            for (name, k) in kinds where untilNames.contains(name) {
                kinds[Self.gapPrefix + name] = MetricKind(MetricID(Self.gapPrefix + name), label: Phrase(.label(.gapOf), ["label": .phrase(k.labelPhrase)]),
                                                         lowerIsBetter: true, range: Self.widthRange(k.range), isFraction: k.isFraction)
            }
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

    /// `spread_<metric>`: over a multi-seed check's runs of one arm, the greatest
    /// value minus the least. `gap_<metric>`: |mean − versus mean|.
    public static let spreadPrefix = "spread_"
    public static let gapPrefix = "gap_"

    /// The per-run metrics a name stands on: itself, or for an aggregate the
    /// metric it is taken over (`spread_accuracy` → accuracy; `versus_spread_accuracy`
    /// → versus_accuracy; `gap_accuracy` → accuracy and versus_accuracy).
    public static func perRunMetrics(of name: String) -> [String] {
        if name.hasPrefix(gapPrefix) { let m = String(name.dropFirst(gapPrefix.count)); return [m, "versus_" + m] }
        if name.hasPrefix(spreadPrefix) { return [String(name.dropFirst(spreadPrefix.count))] }
        if name.hasPrefix("versus_" + spreadPrefix) { return ["versus_" + String(name.dropFirst(7 + spreadPrefix.count))] }
        return [name]
    }

    /// The values a difference of two values in `range` can take, without sign.
    static func widthRange(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        let width = range.upperBound - range.lowerBound
        return 0...(width.isFinite ? width : Double.greatestFiniteMagnitude)
    }

    /// Why `name` cannot be used in the check's `expect` (or, with `inUntil`, its
    /// `until`), or nil when it can.
    public func problem(_ name: String, inUntil: Bool = false) -> Phrase? {
        if inUntil ? untilNames.contains(name) : kinds[name] != nil { return nil }
        if inUntil, kinds[name] != nil {
            return Phrase(.check(.untilCannotName), ["name": .text(name), "names": .list(untilNames.sorted())])
        }
        if let why = unavailable[name] ?? (name.hasPrefix("versus_") || name.hasPrefix(Self.gapPrefix) ? unavailable["versus_"] : nil)
            ?? (name.hasPrefix(Self.spreadPrefix) || name.hasPrefix("versus_" + Self.spreadPrefix) ? unavailable[Self.spreadPrefix] : nil) { return why }
        if name.hasPrefix("versus_"), let why = problem(String(name.dropFirst(7)), inUntil: inUntil) { return why }
        let names = (inUntil ? Array(untilNames) : Array(kinds.keys)).filter { !$0.hasPrefix("versus_") }.sorted()
        return Phrase(.check(.unknownMetric), ["name": .text(name), "metrics": .list(names)])
    }
}
