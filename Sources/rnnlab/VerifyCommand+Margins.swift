import Foundation
import LabText
import RNNLab

extension VerifyCommand {
    /// `verify --seeds … --margins`: every check at every seed, then a Markdown
    /// table with one row per clause (and one for an early stop's budget), the
    /// value at each seed and the worst seed's margin (``CheckMargin``). Rows
    /// come out check by check as soon as a check is decided at every seed.
    func runMargins(_ checks: [(Lesson, LessonCheck)], seeds: [Int], jobs: Int, problems: Int) throws {
        // Check by check, seed by seed within a check: a row is printed once its seeds are done.
        let items = checks.flatMap { lesson, check in seeds.map { CheckSchedule.Item(lesson: lesson, check: check, seed: $0) } }
        let schedule = CheckSchedule(items, dataDirectory: options.dataDirectory)
        say(.command(.marginHeader), ["seeds": .text(seeds.map(String.init).joined(separator: ","))])
        var failed = 0
        var results: [CheckResult] = []
        schedule.run(jobs: jobs) { i, r in
            results.append(r)
            if !r.passed { failed += 1 }
            guard results.count == seeds.count else { return }
            let (lesson, check) = checks[i / seeds.count]
            VerifyCommand.printMargin(CheckMargin(check, seeds: seeds, verdicts: results.map(\.verdict), passed: results.map(\.passed)),
                                      lesson: lesson.id, check: check.id)
            results = []
        }
        let counts = schedule.runCounts
        say(.command(.marginRuns), ["needed": .integer(counts.needed), "distinct": .integer(counts.distinct), "jobs": .integer(jobs)])
        try finish(total: items.count, failed: failed, problems: problems)
    }

    /// The rows of one check.
    static func printMargin(_ m: CheckMargin, lesson: String, check: String) {
        // Each row's own note: fails where its clause failed at some seed, thin where its worst margin is under 10%.
        func note(holds: Bool, worst: Double?) -> Phrase {
            !holds ? Phrase(.command(.marginFailed))
                : (worst.map { $0 < CheckMargin.thin } ?? false) ? Phrase(.command(.marginThin)) : Phrase(.command(.marginFine))
        }
        for c in m.clauses {
            let values = zip(c.values, c.thresholds).map { v, t -> Phrase in
                let value = v.map(SettingValue.format) ?? "–"
                // A threshold that names a metric moves with the seed: show it beside the value.
                guard let t, !isNumberOperand(c.text) else { return .verbatim(value) }
                return Phrase(.command(.marginValueAgainst), ["value": .text(value), "threshold": .text(SettingValue.format(t))])
            }
            say(.command(.marginRow), ["lesson": .text(lesson), "check": .text(check), "clause": .text(c.text),
                                       "values": .phrase(Phrase.list(values)), "worst": worst(c.worst),
                                       "note": .phrase(note(holds: c.holdsEverywhere, worst: c.worst))])
        }
        if !m.stoppedAt.isEmpty {
            let values = m.stoppedAt.map { $0.map(String.init) ?? "–" }.joined(separator: ", ")
            say(.command(.marginBudgetRow), ["lesson": .text(lesson), "check": .text(check), "budget": .integer(m.budget),
                                             "values": .text(values), "worst": worst(m.budgetLeft),
                                             "note": .phrase(note(holds: m.passedEverywhere, worst: m.budgetLeft))])
        }
    }

    /// Whether the clause's right-hand side is a plain number (`accuracy > 0.95`).
    private static func isNumberOperand(_ clause: String) -> Bool {
        guard let rhs = clause.split(separator: " ").last else { return true }
        return Double(rhs) != nil
    }

    /// "+12.3%", "−4.0%", or "exact" when a clause has no relative margin.
    private static func worst(_ w: Double?) -> TextArgument {
        guard let w else { return .phrase(Phrase(.command(.marginExact))) }
        guard w.isFinite else { return .text("–") }
        return .text(String(format: "%+.1f%%", w * 100))
    }
}
