import ArgumentParser
import Foundation
import LabText
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
        var failed = 0, total = 0
        for (lesson, checks) in chosen {
            for check in checks {
                let r = CheckRunner.run(check, of: lesson, seed: seed, dataDirectory: options.dataDirectory)
                total += 1
                if !r.passed { failed += 1 }
                say(.command(r.passed ? .verifyPass : .verifyFail), ["lesson": .text(lesson.id), "check": .text(check.id), "detail": .phrase(r.detail),
                                                             "steps": .integer(r.steps), "seconds": .text(Metric.format(r.seconds, digits: 1))])
                // Indented, so a reader of the PASS/FAIL lines can skip them.
                for row in r.verdict.map(CheckRunner.seedValues) ?? [] {
                    say(.command(.verifySeedValues), ["metric": .text(row.metric), "seeds": .text(row.seeds), "values": .text(row.values)])
                }
            }
        }
        say(.command(.verifySummary), ["passed": .integer(total - failed), "failed": .integer(failed)])
        if !library.problems.isEmpty && all {
            sayError(.command(.verifyProblems), ["count": .integer(library.problems.count)])
        }
        if failed > 0 || (all && !library.problems.isEmpty) { throw ExitCode(1) }
    }
}
