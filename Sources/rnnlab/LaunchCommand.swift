import ArgumentParser
import Foundation
import LabApp
import LabText
import RNNLab
import TerminalUI

/// Opens the lab: the home screen of lessons, then a lesson with its live
/// dashboard. Needs a terminal; `rnnlab list` and `rnnlab run` work without.
struct LaunchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "launch", abstract: Language.english(.cli(.launchAbstract)))

    @OptionGroup var options: LessonOptions

    @OptionGroup var display: DisplayOptions

    @Flag(name: .customLong("fresh"), help: "A classroom start: every lesson opens with its own settings, not the knobs saved on an earlier visit (those are kept), at its first page, and the lab opens on the list of lessons.")
    var fresh = false

    @Flag(name: .customLong("no-mouse"), help: ArgumentHelp(Language.english(.cli(.noMouseHelp))))
    var noMouse = false

    /// The variable that turns the mouse off as `--no-mouse` does: `RNNLAB_MOUSE=0`.
    static let mouseVariable = "RNNLAB_MOUSE"

    /// Whether the lab asks the terminal for clicks and the wheel: not with
    /// `--no-mouse`, nor with `RNNLAB_MOUSE` 0 (or off, no, false); yes when it
    /// is unset, empty, 1 (on, yes, true). Any other value is refused, named.
    static func mouse(noMouse: Bool, environment: [String: String]) -> Result<Bool, Reason> {
        if noMouse { return .success(false) }
        guard let text = environment[mouseVariable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .success(true) }
        switch text.lowercased() {
        case "0", "off", "no", "false": return .success(false)
        case "1", "on", "yes", "true": return .success(true)
        default: return .failure(Reason(.command(.badMouseVariable), ["value": .text(text)]))
        }
    }

    func run() throws {
        BacktracerSetting.makeNonInteractive()
        let environment = ProcessInfo.processInfo.environment
        // Before anything is read or drawn: a GBK or GB18030 terminal would
        // show every 汉字 as "?" (the message says how to fix it, in both languages).
        refuseNonUTF8Locale(environment: environment)
        let capabilities = display.capabilities(environment: environment)
        let mouse: Bool
        switch LaunchCommand.mouse(noMouse: noMouse, environment: environment) {
        case .success(let on): mouse = on
        case .failure(let refusal): fail(refusal.phrase)
        }
        let library = try options.library()
        let progress = ProgressStore()
        let knobs = KnobStore(besideProgress: progress.url)
        let place = PlaceStore(besideProgress: progress.url)
        var state = AppState(
            lessons: library.lessons,
            problems: library.problems.map(\.phrase),
            completed: progress.completed,
            firstStart: progress.firstStart,
            savedKnobs: knobs.values,
            notices: [progress.notice, knobs.notice, place.notice].compactMap { $0 })
        state.answers = progress.answers
        state.opensWithLessonDefaults = fresh
        // A classroom start opens on the list, every lesson at its first page.
        let resumes = fresh ? false : state.restore(place.place)
        // --lang, else $RNNLAB_LANG, else the language chosen in the lab last time, else the locale.
        state.chosenLanguage = place.place.language
        state.translations = library.translations
        state.problems += library.translations.problems.map(\.phrase)  // that lesson shows in English
        state.setLanguage(options.language.apply(followLocale: true, saved: place.place.language, environment: environment))
        let loop = LabLoop(state: state, progress: progress, knobs: knobs, place: place, resumes: resumes,
                           dataDirectory: options.dataDirectory,
                           capabilities: capabilities, mouse: mouse)
        do {
            try loop.run()
        } catch let error as LabLoopError {
            sayProblem(Phrase.describing(error))
            throw ExitCode(1)
        }
        if let warning = loop.saveWarning { sayProblem(.verbatim(warning)) }  // already written by the catalogue
    }
}
