import ArgumentParser
import Foundation
import LabText

/// `--lang CODE`, which every command takes: the language its output is
/// written in (see ``LanguageChoice`` for the order of the sources).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language to write in: en or zh-Hans (default: $RNNLAB_LANG, else the lab's saved choice, else the locale; verify and lint: English).")
    var lang: String?

    /// The language named by --lang or $RNNLAB_LANG, nil when neither names
    /// one; a name the lab does not have stops the command (status 2) with the
    /// codes it has.
    func explicit(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language? {
        switch LanguageChoice.explicit(option: lang, environment: environment) {
        case .success(let language): return language
        case .failure(let refusal): fail(refusal.phrase)
        }
    }

    /// Sets the command line's language and returns it: --lang, else
    /// $RNNLAB_LANG, else (with `followLocale`) `saved` when it names a
    /// language, else the locale; else English. `verify` and `lint` pass
    /// `followLocale: false`: scripts parse them, so only an explicit choice
    /// changes them.
    @discardableResult
    func apply(followLocale: Bool, saved: String? = nil,
               environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        let chosen = explicit(environment: environment)
            ?? (followLocale ? saved.flatMap { Language.named($0) } ?? LanguageChoice.locale(environment) : .english)
        cliLanguageBox.set(chosen)
        return chosen
    }
}

/// The language of the command line's output, set once by ``LanguageOption/apply(followLocale:saved:environment:)``
/// before anything is printed (a lock only because Swift cannot see that).
final class CLILanguageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var language = Language.english

    var value: Language { lock.withLock { language } }
    func set(_ new: Language) { lock.withLock { language = new } }
}

let cliLanguageBox = CLILanguageBox()
