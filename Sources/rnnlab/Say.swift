import Foundation
import LabText
import RNNLab
import TerminalUI

/// The language of the command line's output (`--lang`, `$RNNLAB_LANG`, the
/// locale: ``LanguageOption``); every line below is written through it.
var cliLanguage: Language { cliLanguageBox.value }

/// Prints a message of the catalogue on standard output.
/// Each line is flushed at once, so a pipe (`rnnlab verify --all | tee log`) sees
/// every line as it is said, not when the program ends.
func say(_ key: TextKey, _ arguments: [String: TextArgument] = [:]) {
    print(cliLanguage(key, arguments))
    fflush(nil)  // every output stream; naming `stdout` is not concurrency-safe in Swift 6
}

/// Prints a phrase on standard output.
func say(_ phrase: Phrase) {
    print(cliLanguage.render(phrase))
    fflush(nil)  // every output stream; naming `stdout` is not concurrency-safe in Swift 6
}

/// Prints a message of the catalogue on standard error.
func sayError(_ key: TextKey, _ arguments: [String: TextArgument] = [:]) {
    printError(cliLanguage(key, arguments))
}

/// Prints a phrase on standard error.
func sayError(_ phrase: Phrase) {
    printError(cliLanguage.render(phrase))
}

/// Prints "rnnlab: …" with `phrase` on standard error.
func sayProblem(_ phrase: Phrase) {
    sayError(.cli(.error), ["error": .phrase(phrase)])
}

/// Refuses a bad argument: "rnnlab: …" on standard error, exit status 2.
func fail(_ phrase: Phrase) -> Never {
    sayProblem(phrase)
    exit(2)
}

/// Refuses a bad argument with a message of the command line's own.
func fail(_ key: CommandKey, _ arguments: [String: TextArgument] = [:]) -> Never {
    fail(Phrase(.command(key), arguments))
}

/// Refuses with whatever `error` says (its own phrase when it has one).
func fail(_ error: any Error) -> Never {
    fail(Phrase.describing(error))
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// `text` padded with spaces to `columns` display columns (wide characters
/// count two), so tables line up in any language.
/// With `leading`, the spaces go in front (numbers line up on the right).
func padded(_ text: String, to columns: Int, leading: Bool = false) -> String {
    let width = text.displayWidth
    guard width < columns else { return text }
    let spaces = String(repeating: " ", count: columns - width)
    return leading ? spaces + text : text + spaces
}
