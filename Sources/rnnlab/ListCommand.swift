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
        // Titles and chapters in the language of the output, grouped as the English chapters are.
        let shown = library.translations.localize(library.lessons, to: cliLanguage.code)
        for (chapter, lessons) in LessonLibrary.chapters(of: library.lessons, shownAs: shown) {
            print(chapter)  // the lessons' own text
            for l in lessons {
                let done = progress.doneCount(l)
                say(.command(.listLesson), ["number": .text(padded(l.number.map(String.init) ?? "", to: 3, leading: true)),
                                            "id": .text(padded(l.id, to: 22)), "title": .text(l.title),
                                            "done": .integer(done), "total": .integer(l.checks.count)])
                if !l.checks.isEmpty { say(.command(.listChecks), ["checks": .list(l.checks.map(\.id))]) }
            }
        }
        for p in library.problems { sayError(p.phrase) }
    }
}
