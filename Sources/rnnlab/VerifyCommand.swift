import ArgumentParser
import Foundation
import RNNLab

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run the lessons' checks headlessly; one line per check, exit status 0 only when all hold.")

    @OptionGroup var options: LessonOptions

    @Argument(help: "Lessons by id, file name or number.")
    var names: [String] = []

    @Flag(help: "Verify every lesson.")
    var all = false

    @Option(help: "Run every check with this seed instead of the lesson's.")
    var seed: Int?

    func run() throws {
        let library = try options.library()
        for p in library.problems { printError(p.description) }
        guard all || !names.isEmpty else { fail("name lessons to verify, or pass --all") }
        let lessons = all ? library.lessons : names.map { name in
            library.lesson(named: name) ?? { fail("no lesson \(name) (lessons: \(library.lessons.map(\.id).joined(separator: ", ")))") }()
        }
        var failed = 0, total = 0
        for lesson in lessons {
            for check in lesson.checks {
                let r = CheckRunner.run(check, of: lesson, seed: seed, dataDirectory: options.dataDirectory)
                total += 1
                if !r.passed { failed += 1 }
                print("\(r.passed ? "PASS" : "FAIL")  \(lesson.id)/\(check.id)  \(r.detail)  [\(r.steps) steps, \(String(format: "%.1f", r.seconds)) s]")
            }
        }
        print("\(total - failed) passed, \(failed) failed")
        if failed > 0 || !library.problems.isEmpty { throw ExitCode(1) }
    }
}
