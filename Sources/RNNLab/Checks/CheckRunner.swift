import LabText
import Foundation
import RNNEngine

/// The verdict of one check, run headlessly.
public struct CheckResult: Sendable {
    public var lesson: String
    public var check: String
    public var title: String
    public var passed: Bool
    /// What was measured, or why the run could not be made.
    public var detail: Phrase
    /// Training steps taken, summed over every run of the check.
    public var steps: Int
    public var seconds: Double
    /// The judged numbers; nil when no run could be made (cancelled, or the experiment did not build).
    public var verdict: CheckVerdict?

    public init(lesson: String, check: String, title: String, passed: Bool, detail: Phrase, steps: Int, seconds: Double,
                verdict: CheckVerdict? = nil) {
        self.lesson = lesson
        self.check = check
        self.title = title
        self.passed = passed
        self.detail = detail
        self.steps = steps
        self.seconds = seconds
        self.verdict = verdict
    }
}

/// Runs lesson checks without a screen: the same experiment the lab runs, with
/// the check's settings, judged by the same fold as the live lab (``CheckRun``,
/// ``CheckVerdict``).
///
/// A check with `seeds` or `versus` is several runs: one per seed, for the
/// check's settings and, with `versus`, again with the versus settings. Each
/// metric is averaged over the seeds of its arm; the versus arm's means are
/// named `versus_<metric>`.
public enum CheckRunner {
    /// Runs `check` of `lesson`. A `seed` overrides the lesson's seed; for a check
    /// with n seeds it makes them seed, seed+1, …, seed+n−1.
    public static func run(_ check: LessonCheck, of lesson: Lesson, seed: Int? = nil,
                           dataDirectory: DataDirectory = .resolve(),
                           progress: ((StepReport) -> Void)? = nil, isCancelled: (@Sendable () -> Bool)? = nil) -> CheckResult {
        let clock = ContinuousClock()
        let start = clock.now
        let plan = CheckPlan(check, of: lesson, seed: seed)
        var outcomes: [Result<CheckRun.Outcome, Reason>] = []
        for run in plan.runs {
            let r = train(task: plan.task, settings: run, checks: [check], dataDirectory: dataDirectory,
                          progress: progress, isCancelled: isCancelled).map { $0[0] }
            outcomes.append(r)
            if case .failure = r { break }
        }
        let d = clock.now - start
        return plan.result(outcomes, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }

    /// A clause of a check over several seeds, with the least and greatest value of
    /// its metric over the runs (and of the metric on its right, if any): the mean
    /// alone hides whether every seed holds.
    private static func withSpread(_ clause: Phrase, _ c: CheckVerdict.Clause, _ verdict: CheckVerdict) -> Phrase {
        guard let left = verdict.spread(c.metric) else { return clause }
        func text(_ v: Double) -> TextArgument { .text(SettingValue.format(v)) }
        var arguments: [String: TextArgument] = ["clause": .phrase(clause), "min": text(left.lowerBound), "max": text(left.upperBound),
                                                 "runs": .integer(verdict.seeds.count)]
        let operandName = c.operand.split(separator: " ").last.map(String.init) ?? c.operand
        guard c.operandIsMetric, let right = verdict.spread(operandName) else { return Phrase(.check(.clauseSpread), arguments) }
        arguments["operand"] = .text(operandName)
        arguments["operandMin"] = text(right.lowerBound)
        arguments["operandMax"] = text(right.upperBound)
        return Phrase(.check(.clauseSpreadBoth), arguments)
    }

    /// Each seed's value of every metric a multi-seed verdict names, one line's worth
    /// each: (metric, "1,2,3", "0.93 0.95 0.91"), in the order of the condition.
    public static func seedValues(_ verdict: CheckVerdict) -> [(metric: String, seeds: String, values: String)] {
        guard verdict.seeds.count > 1 else { return [] }
        var seen: Set<String> = []
        let names = verdict.clauses.flatMap { c in [c.metric] + (c.operandIsMetric ? [c.operand.split(separator: " ").last.map(String.init) ?? c.operand] : []) }
            .flatMap(CheckVocabulary.perRunMetrics)
        return names.compactMap { name in
            guard seen.insert(name).inserted, let runs = verdict.perSeed[name] else { return nil }
            return (name, verdict.seeds.map(String.init).joined(separator: ","),
                    runs.map { $0.map(SettingValue.format) ?? "–" }.joined(separator: " "))
        }
    }

    /// "validation_loss = 0.0042 (want < 0.01)"; with a metric on the right,
    /// "reached_at = 410 (want < versus_reached_at = 760)".
    public static func describe(_ verdict: CheckVerdict) -> Phrase {
        switch verdict.problem {
        case .missingMetric(let name)?:
            return Phrase(.check(.noMetric), ["name": .text(name), "metrics": .list(verdict.values.keys.sorted())])
        case .missingEvaluation(let step)?:
            return Phrase(.check(.noFinalEvaluation), ["step": .integer(step)])
        case nil:
            func number(_ v: Double?) -> TextArgument { v.map { .text(SettingValue.format($0)) } ?? .phrase(Phrase(.check(.missingValue))) }
            return Phrase.list(verdict.clauses.map { c in
                var arguments: [String: TextArgument] = ["metric": .text(c.metric), "value": number(c.value),
                                                         "op": .text(c.op.rawValue), "operand": .text(c.operand)]
                let clause: Phrase
                if c.operandIsMetric {
                    arguments["threshold"] = number(c.threshold)
                    clause = Phrase(.check(.clauseValueAgainstMetric), arguments)
                } else {
                    clause = Phrase(.check(.clauseValue), arguments)
                }
                return withSpread(clause, c, verdict)
            })
        }
    }
}
