import ArgumentParser
import Foundation
import LabText
import RNNEngine
import RNNLab

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run the lessons' checks headlessly; one line per check, exit status 0 only when all hold.")

    @OptionGroup var options: LessonOptions

    @Argument(help: "Lessons by id, file name or number; LESSON/CHECK for one check.")
    var names: [String] = []

    @Flag(help: "Verify every lesson.")
    var all = false

    @Option(help: "Run every check with this seed instead of the lesson's.")
    var seed: Int?

    @Option(help: "Run every check at each of these seeds, e.g. 1-5 or 1,2,7 (instead of --seed).")
    var seeds: String?

    @Flag(help: "With --seeds: print a Markdown table of each clause's value at every seed and its worst margin.")
    var margins = false

    @Option(help: "Training runs at a time, each on one thread (default: the machine's cores).")
    var jobs: Int?

    func run() throws {
        let library = try options.library(followLocale: false)  // English unless --lang or $RNNLAB_LANG: scripts parse it
        // Say which lessons did not load; only --all fails because of them (a
        // check that passed passed, whatever an unrelated file holds).
        for p in library.problems { all ? sayError(p.phrase) : sayError(.command(.lessonDidNotLoad), ["problem": .phrase(p.phrase)]) }
        guard all || !names.isEmpty else { fail(.verifyWhat) }
        let chosen: [(Lesson, [LessonCheck])] = all ? library.lessons.map { ($0, $0.checks) } : names.map { name in
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            let lesson: Lesson
            switch library.find(parts[0]) {
            case .success(let l): lesson = l
            case .failure(let reason): fail(reason.phrase)
            }
            guard parts.count == 2 else { return (lesson, lesson.checks) }
            guard let check = lesson.checks.first(where: { $0.id == parts[1] }) else {
                fail(.noCheck, ["lesson": .text(lesson.id), "check": .text(parts[1]), "checks": .list(lesson.checks.map(\.id))])
            }
            return (lesson, [check])
        }
        let most = max(1, Parallel.coreCount)
        let jobs = self.jobs ?? most
        guard (1...most).contains(jobs) else { fail(.badJobs, ["most": .integer(most), "value": .integer(jobs)]) }
        let sweep: [Int?]
        if let seeds {
            guard let list = VerifyCommand.parseSeeds(seeds) else { fail(.badSeeds, ["text": .text(seeds)]) }
            sweep = list
        } else {
            sweep = [seed]
        }
        let checks = chosen.flatMap { lesson, checks in checks.map { (lesson, $0) } }
        if margins {
            try runMargins(checks, seeds: sweep.map { $0 ?? 0 }, jobs: jobs, problems: library.problems.count)
            return
        }
        // Seed by seed, each check in lesson order; one schedule, so a run two seeds share is trained once.
        let items = sweep.flatMap { s in checks.map { CheckSchedule.Item(lesson: $0.0, check: $0.1, seed: s) } }
        let schedule = CheckSchedule(items, dataDirectory: options.dataDirectory)
        var failed = 0
        schedule.run(jobs: jobs) { i, r in
            if sweep.count > 1 && i % checks.count == 0 { say(.command(.verifySeedHeader), ["seed": .integer(items[i].seed ?? 0)]) }
            if !r.passed { failed += 1 }
            say(.command(r.passed ? .verifyPass : .verifyFail), ["lesson": .text(r.lesson), "check": .text(r.check), "detail": .phrase(r.detail),
                                                                 "steps": .integer(r.steps), "seconds": .text(Metric.format(r.seconds, digits: 1))])
            // Indented, so a reader of the PASS/FAIL lines can skip them.
            for row in r.verdict.map(CheckRunner.seedValues) ?? [] {
                say(.command(.verifySeedValues), ["metric": .text(row.metric), "seeds": .text(row.seeds), "values": .text(row.values)])
            }
        }
        try finish(total: items.count, failed: failed, problems: library.problems.count)
    }

    /// The summary line and the exit status.
    func finish(total: Int, failed: Int, problems: Int) throws {
        say(.command(.verifySummary), ["passed": .integer(total - failed), "failed": .integer(failed)])
        if problems > 0 && all {
            sayError(.command(.verifyProblems), ["count": .integer(problems)])
        }
        if failed > 0 || (all && problems > 0) { throw ExitCode(1) }
    }

    /// "1-5" → [1, 2, 3, 4, 5]; "1,2,7" → [1, 2, 7]; nil for anything else
    /// (an empty or reversed range, a repeated seed, a seed outside 0…1,000,000).
    static func parseSeeds(_ text: String) -> [Int]? {
        func seed(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s), n <= 1_000_000 else { return nil }
            return n
        }
        let t = text.filter { $0 != " " }
        let list: [Int]
        if t.contains("-") {
            let ends = t.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let a = seed(ends[0]), let b = seed(ends[1]), a <= b, b - a < 1000 else { return nil }
            list = Array(a...b)
        } else {
            let parts = t.split(separator: ",", omittingEmptySubsequences: false).map(seed)
            guard !parts.isEmpty, !parts.contains(where: { $0 == nil }) else { return nil }
            list = parts.map { $0! }
        }
        return Set(list).count == list.count ? list : nil
    }
}
