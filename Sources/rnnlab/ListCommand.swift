import ArgumentParser
import RNNLab

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons with their ids and progress.")

    @OptionGroup var options: LessonOptions

    func run() throws {
        let library = try options.library()
        let progress = ProgressStore()
        if let w = progress.warning { printError(w) }
        for (chapter, lessons) in library.chapters {
            print(chapter)
            for l in lessons {
                let done = progress.doneCount(l)
                print("  \(l.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(l.title)  [\(done)/\(l.checks.count) checks]")
            }
        }
        for p in library.problems { printError(p.description) }
    }
}
