import LabText
import ArgumentParser
import RNNLab

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons with their ids and progress.")

    @OptionGroup var options: LessonOptions

    func run() throws {
        let library = try options.library()
        let progress = ProgressStore()
        if let notice = progress.notice { sayError(notice) }
        for (chapter, lessons) in library.chapters {
            print(chapter)  // the lessons' own text
            for l in lessons {
                let done = progress.doneCount(l)
                say(.command(.listLesson), ["id": .text(padded(l.id, to: 28)), "title": .text(l.title), "done": .integer(done), "total": .integer(l.checks.count)])
            }
        }
        for p in library.problems { sayError(p.phrase) }
    }
}
