import ArgumentParser
import Foundation
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
        let library = try options.library()
        // Say which lessons did not load; only --all fails because of them (a
        // check that passed passed, whatever an unrelated file holds).
        for p in library.problems { printError((all ? "" : "note: a lesson did not load: ") + p.description) }
        guard all || !names.isEmpty else { fail("name lessons to verify, or pass --all") }
        let chosen: [(Lesson, [LessonCheck])] = all ? library.lessons.map { ($0, $0.checks) } : names.map { name in
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            let lesson: Lesson
            switch library.find(parts[0]) {
            case .success(let l): lesson = l
            case .failure(let reason): fail(reason.message)
            }
            guard parts.count == 2 else { return (lesson, lesson.checks) }
            guard let check = lesson.checks.first(where: { $0.id == parts[1] }) else {
                fail("lesson \(lesson.id) has no check \(parts[1]) (checks: \(lesson.checks.map(\.id).joined(separator: ", ")))")
            }
            return (lesson, [check])
        }
        var failed = 0, total = 0
        for (lesson, checks) in chosen {
            for check in checks {
                let r = CheckRunner.run(check, of: lesson, seed: seed, dataDirectory: options.dataDirectory)
                total += 1
                if !r.passed { failed += 1 }
                print("\(r.passed ? "PASS" : "FAIL")  \(lesson.id)/\(check.id)  \(r.detail)  [\(r.steps) steps, \(String(format: "%.1f", r.seconds)) s]")
            }
        }
        print("\(total - failed) passed, \(failed) failed")
        if !library.problems.isEmpty && all {
            printError("\(library.problems.count) lesson file problem\(library.problems.count == 1 ? "" : "s"): verify --all fails (rnnlab lint says more)")
        }
        if failed > 0 || (all && !library.problems.isEmpty) { throw ExitCode(1) }
    }
}
